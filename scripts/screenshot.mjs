// Screenshots for looking at what we build:
//   node scripts/screenshot.mjs <path-under-repo> <out.png> [seconds-to-seek] [width]
// Serves the repo on 127.0.0.1, opens the page in headless Chromium, waits for every player to
// be ready (or failed), optionally seeks them, and writes a full-page PNG.
import { launchBrowser, startServer } from '../test/e2e/harness.mjs';

const [path = 'demo/index.html', out = 'screenshot.png', seek, width = '1200'] =
  process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(`${server.origin}/${path}`);
  await page.evaluate(async (seek) => {
    const players = [...document.querySelectorAll('posthog-replay')];
    await Promise.all(
      players.map(async (p) => {
        if (p.readyState < 2 && !p.error) {
          await new Promise((r) => {
            p.addEventListener('loadeddata', r, { once: true });
            p.addEventListener('error', r, { once: true });
          });
        }
        if (seek && !p.error) {
          p.currentTime = Number(seek);
          await new Promise((r) => p.addEventListener('seeked', r, { once: true }));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
  }, seek);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
