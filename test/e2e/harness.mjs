// End-to-end harness: the repo's static server (scripts/static-server.mjs) and a headless
// Debian Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export { root, startServer } from '../../scripts/static-server.mjs';

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs() });
}

/** Waits in the page until the first player is ready (or failed), returning its state. */
export async function waitForPlayer(page, selector = 'posthog-replay') {
  return page.evaluate(async (selector) => {
    const player = document.querySelector(selector);
    // Everything loaded (a download is played while it streams in; wait for all of it).
    if (player.readyState < 4 && !player.error) {
      await new Promise((resolve) => {
        player.addEventListener('canplaythrough', resolve, { once: true });
        player.addEventListener('error', resolve, { once: true });
      });
    }
    return {
      readyState: player.readyState,
      error: player.error?.message ?? null,
      duration: player.duration,
    };
  }, selector);
}

/** Seeks the first player and returns the <h1> text of the page then on screen. */
export async function headingAt(page, seconds, selector = 'posthog-replay') {
  return page.evaluate(
    async ({ seconds, selector }) => {
      const player = document.querySelector(selector);
      const seeked = new Promise((resolve) =>
        player.addEventListener('seeked', resolve, { once: true }),
      );
      player.currentTime = seconds;
      await seeked;
      const wrappers = [...player.shadowRoot.querySelectorAll('.replayer-wrapper')];
      const visible = wrappers.find((w) => w.style.display !== 'none');
      return visible
        .querySelector('iframe')
        .contentDocument.querySelector('h1')
        ?.textContent.trim();
    },
    { seconds, selector },
  );
}
