// End-to-end harness: a static server for the repo on 127.0.0.1 (with per-path headers) and a
// headless Debian Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.jsonl': 'application/jsonl',
  '.gz': 'application/gzip',
  '.map': 'application/json',
};

/**
 * Serves files under the repo root. `pages` maps a path to `{ body, headers }` for pages made by
 * a test (e.g. one with a Content-Security-Policy header).
 */
export async function startServer(pages = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': TYPES['.html'], ...page.headers });
      res.end(page.body);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs() });
}

/** Waits in the page until the first player is ready (or failed), returning its state. */
export async function waitForPlayer(page, selector = 'posthog-replay') {
  return page.evaluate(async (selector) => {
    const player = document.querySelector(selector);
    if (player.readyState < 2 && !player.error) {
      await new Promise((resolve) => {
        player.addEventListener('loadeddata', resolve, { once: true });
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
