#!/usr/bin/env node
// Seek cost on the large recording with rrweb's Replayer alone, in four modes: rrweb's virtual
// DOM or not, scrolls applied as rrweb does or held back until the seek is done (as
// src/core/deferred-scrolls.ts does). Same targets, in the same order, as bench/run.mjs.
//
//   node bench/experiments/seek-modes.mjs [plain] [defer] [vdom] [vdom-defer]
//
// Prints per target "seconds:ms in pause()+ms to the next frame". (Here FullSnapshot scroll
// offsets are not held back, unlike in the player, so the rebuild still lays the page out once.)
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startServer } from '../lib/server.mjs';

const modes = process.argv.slice(2).length ? process.argv.slice(2) : ['plain', 'defer', 'vdom'];
const page0 =
  '<!doctype html><script src="/node_modules/rrweb/dist/rrweb.umd.cjs"></script>' +
  '<div id=root style="width:1024px;height:576px"></div>';
const server = await startServer({ '/seek-modes.html': { body: page0 } });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/seek-modes.html`);
  for (const mode of modes) {
    const line = await page.evaluate(async (mode) => {
      if (!window.events) {
        const r = await fetch('/bench/data/large.rrweb.json.gz');
        const text = await new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).text();
        window.events = JSON.parse(text);
      }
      const root = document.getElementById('root');
      root.innerHTML = '';
      const rep = new rrweb.Replayer(window.events, {
        root,
        showWarning: false,
        mouseTail: false,
        pauseAnimation: true,
        useVirtualDom: mode.includes('vdom'),
        insertStyleRules: ['* { overflow-anchor: none !important; }'],
        logger: { log() {}, warn() {} },
      });
      const pending = new Map();
      const apply = rep.applyScroll.bind(rep);
      if (mode.includes('defer')) {
        rep.applyScroll = (d, sync) => (sync ? pending.set(d.id, d) : apply(d, sync));
      }
      const seek = (t) => {
        rep.pause(t);
        for (const d of pending.values()) apply(d, true);
        pending.clear();
      };
      seek(0);
      const duration = window.events.at(-1).timestamp - window.events[0].timestamp;
      const out = [];
      for (const f of [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.95, 0.05, 0.6, 0.4, 0.85, 0.15]) {
        await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => requestAnimationFrame(r));
        const a = performance.now();
        seek(Math.round(f * duration));
        const b = performance.now();
        await new Promise((r) => requestAnimationFrame(r));
        out.push(
          `${Math.round((f * duration) / 1000)}s:${Math.round(b - a)}+${Math.round(performance.now() - b)}`,
        );
      }
      rep.destroy();
      return `${mode.padEnd(10)} ${out.join(' ')}`;
    }, mode);
    console.log(line);
  }
} finally {
  await browser.close();
  await server.close();
}
