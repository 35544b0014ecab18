#!/usr/bin/env node
// Can the first page of a big recording be built without one long task? rrweb's Replayer alone
// on the first 200 events of the large recording (its first FullSnapshot: ~4,800 nodes), built
// either as rrweb does (one synchronous rebuild) or in steps: the snapshot without <body>'s
// contents first, then those nodes as mutations of N nodes, one step per animation frame (using
// the Replayer's own rebuildFullSnapshot/applyMutation). Reports the longest gap between
// animation frames, the longest main-thread stall seen by a message loop, the time to the
// complete page, and a hash of the resulting DOM (the same in every mode, or the steps are wrong).
//
//   node bench/experiments/chunked-first-page.mjs [plain] [300] [100]
//
// Measured 2026-11-28 (2-core machine): plain: frame gap 310 ms, stall 391 ms, page in 472 ms;
// 300 nodes/step: 64 ms, 101 ms, 858 ms; 100 nodes/step: 59 ms, 74 ms, 1581 ms; same DOM hash.
// Not used by the player: it would trade the first-frame time for the shorter tasks, and a
// seek, or playing through a FullSnapshot, still rebuilds in one task.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startServer } from '../lib/server.mjs';

const modes = process.argv.slice(2).length ? process.argv.slice(2) : ['plain', '300', '100'];
const server = await startServer({
  '/chunked.html': {
    body:
      '<!doctype html><script src="/node_modules/rrweb/dist/rrweb.umd.cjs"></script>' +
      '<div id="root" style="width:1024px;height:576px"></div>',
  },
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
try {
  for (const mode of modes) {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/chunked.html`);
    const result = await page.evaluate(measure, mode === 'plain' ? 0 : Number(mode));
    console.log(mode === 'plain' ? 'plain' : `${mode} nodes/step`, JSON.stringify(result));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

async function measure(stepNodes) {
  const response = await fetch('/bench/data/large.rrweb.json.gz');
  const all = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).json();
  const events = all.slice(0, 200);
  await new Promise((r) => setTimeout(r, 500));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // Gaps between animation frames, and stalls of a message loop (the longest task, roughly).
  const gaps = [];
  let last = performance.now();
  let running = true;
  const loop = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const channel = new MessageChannel();
  let lastTick = performance.now();
  let stall = 0;
  channel.port1.onmessage = () => {
    const now = performance.now();
    stall = Math.max(stall, now - lastTick);
    lastTick = now;
    if (running) setTimeout(() => channel.port2.postMessage(0), 0);
  };
  channel.port2.postMessage(0);

  const t0 = performance.now();
  const options = {
    root: document.getElementById('root'),
    showWarning: false,
    mouseTail: false,
    pauseAnimation: true,
    useVirtualDom: false,
    logger: { log() {}, warn() {} },
  };
  const replayer = new rrweb.Replayer(events, options);
  if (!stepNodes) {
    replayer.pause(0);
    await new Promise((r) => setTimeout(r, 20));
  } else {
    const snapshot = events.find((e) => e.type === 2);
    replayer.firstFullSnapshot = snapshot; // rrweb's own first rebuild is then skipped
    const adds = [];
    const strip = (node) => {
      if (node.type === 2 && node.tagName === 'body') {
        const walk = (parent) => {
          for (const child of parent.childNodes ?? []) {
            const { childNodes, ...rest } = child;
            const flat = childNodes ? { ...rest, childNodes: [] } : rest;
            adds.push({ parentId: parent.id, nextId: null, node: flat });
            walk(child);
          }
        };
        walk(node);
        return { ...node, childNodes: [] };
      }
      return node.childNodes ? { ...node, childNodes: node.childNodes.map(strip) } : node;
    };
    const skeleton = { ...snapshot, data: { ...snapshot.data, node: strip(snapshot.data.node) } };
    await new Promise((r) => setTimeout(r, 0));
    replayer.rebuildFullSnapshot(skeleton, false);
    for (let i = 0; i < adds.length; i += stepNodes) {
      await frame();
      const step = adds.slice(i, i + stepNodes);
      replayer.applyMutation({ source: 0, adds: step, removes: [], texts: [], attributes: [] }, false);
    }
    replayer.pause(0);
  }
  await frame();
  await frame();
  const built = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  running = false;
  const html = replayer.iframe.contentDocument.documentElement.outerHTML;
  let hash = 0;
  for (let i = 0; i < html.length; i++) hash = (hash * 31 + html.charCodeAt(i)) | 0;
  return {
    completePageMs: Math.round(built),
    longestFrameGapMs: Math.round(Math.max(...gaps.slice(1))),
    longestStallMs: Math.round(stall),
    nodes: replayer.iframe.contentDocument.getElementsByTagName('*').length,
    domHash: hash,
  };
}
