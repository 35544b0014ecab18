// The player's screenshots for docs/screenshots/: light, dark and narrow (320 px) layouts of the
// posthog-js demo recording at 47 s, with the pointer over the seek bar. Rerun after UI changes:
//   npm run build && node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { launchBrowser, startServer } from '../test/e2e/harness.mjs';

const shots = [
  { name: 'light', theme: 'light', width: 760, height: 480 },
  { name: 'dark', theme: 'dark', width: 760, height: 480 },
  { name: 'narrow', theme: 'dark', width: 320, height: 260 },
];
const page = ({ theme, width, height }) => `<!doctype html><meta charset="utf-8">
<script src="/dist/posthog-replay.js"></script>
<body style="margin:12px;background:${theme === 'light' ? '#f4f4f0' : '#101114'}">
<posthog-replay theme="${theme}" src="/test/fixtures/posthog-js/posthog-demo.export.json"
  style="width:${width}px;height:${height}px"></posthog-replay>`;

mkdirSync('docs/screenshots', { recursive: true });
const pages = Object.fromEntries(shots.map((s) => [`/${s.name}.html`, { body: page(s) }]));
const server = await startServer(pages);
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const tab = await browser.newPage({
      viewport: { width: shot.width + 24, height: shot.height + 24 },
    });
    await tab.goto(`${server.origin}/${shot.name}.html`);
    await tab.evaluate(async () => {
      const player = document.querySelector('posthog-replay');
      if (player.readyState < 4)
        await new Promise((r) => player.addEventListener('canplaythrough', r, { once: true }));
      player.currentTime = 47;
      await new Promise((r) => player.addEventListener('seeked', r, { once: true }));
    });
    const box = await tab.locator('posthog-replay').boundingBox();
    await tab.mouse.move(
      box.x + box.width * 0.32,
      box.y + box.height - (shot.width < 480 ? 36 : 42),
    );
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: `docs/screenshots/${shot.name}.png` });
    console.log(`docs/screenshots/${shot.name}.png`);
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}
