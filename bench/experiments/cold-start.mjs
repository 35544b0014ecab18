#!/usr/bin/env node
// What a cold start costs on a small recording: the posthog-js demo (0.4 MB gzip) loaded into a
// fresh page ("cold": the decode worker not started, no code compiled yet) or into a page where
// one small recording was loaded first ("warm": worker running, code compiled). Prints the times
// of loadedmetadata, loadeddata (first frame) and canplaythrough, ms from the load call.
//
//   npx rollup -c && node bench/experiments/cold-start.mjs
//
// Measured 2026-11-28 (2 cores, two sessions of 3 + 3 loads): cold: loadedmetadata 237–335,
// first frame 416–586 ms; warm: 54–192 and 156–353 ms. (rrweb-player's first frame on the same file: ~360 ms, see
// docs/performance.md.)
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startServer } from '../lib/server.mjs';

const body = `<!doctype html><body style="margin:0"><script src="/dist/posthog-replay.js"></script>`;
const server = await startServer({ '/cold-start.html': { body } });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
try {
  for (const warm of [false, true, false, true, false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/cold-start.html`);
    console.log(warm ? 'warm' : 'cold', JSON.stringify(await page.evaluate(load, warm)));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

async function load(warm) {
  const whenComplete = (player) =>
    new Promise((r) => player.addEventListener('canplaythrough', r, { once: true }));
  if (warm) {
    const first = document.createElement('posthog-replay');
    first.src = '/test/fixtures/rrweb/annotations-recording.json';
    document.body.append(first);
    await whenComplete(first);
    first.remove();
    await new Promise((r) => setTimeout(r, 500));
  }
  const t0 = performance.now();
  const player = document.createElement('posthog-replay');
  player.style.cssText = 'display:block;width:1024px;height:576px';
  const marks = {};
  for (const type of ['loadedmetadata', 'loadeddata', 'canplaythrough']) {
    player.addEventListener(type, () => (marks[type] = Math.round(performance.now() - t0)));
  }
  player.src = '/test/fixtures/posthog-js/posthog-demo.rrweb.json.gz';
  document.body.append(player);
  await whenComplete(player);
  return marks;
}
