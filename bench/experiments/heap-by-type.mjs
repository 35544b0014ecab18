#!/usr/bin/env node
// Where the JS heap goes after a benchmark load: a CDP heap snapshot of each benchmark page
// (bench/pages/*) with the large recording, summed by constructor, biggest first.
//
//   npx rollup -c && node bench/experiments/heap-by-type.mjs [--top 25]
//
// Retained sizes are not worked out (that needs the whole graph); self sizes by constructor,
// plus strings by length bucket, are enough to see what differs between the two players.
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startServer } from '../lib/server.mjs';

const { values } = parseArgs({ options: { top: { type: 'string', default: '25' } } });
const server = await startServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
try {
  for (const name of ['posthog-replay', 'rrweb-player']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/bench/pages/${name}.html`);
    await page.waitForFunction(() => window.benchPlayer && window.bench);
    await page.evaluate(
      (url) => benchPlayer.load(url),
      `${server.origin}/bench/data/large.rrweb.json.gz`,
    );
    await page.waitForTimeout(1500);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const used = await page.evaluate(() => performance.memory?.usedJSHeapSize);
    let json = '';
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => (json += e.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snap = JSON.parse(json);
    const f = snap.snapshot.meta.node_fields;
    const types = snap.snapshot.meta.node_types[0];
    const width = f.length;
    const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((k) => f.indexOf(k));
    const byKey = new Map();
    const nodes = snap.nodes;
    for (let i = 0; i < nodes.length; i += width) {
      const type = types[nodes[i + iType]];
      let key =
        type === 'object' || type === 'native' ? snap.strings[nodes[i + iName]] : `(${type})`;
      if (type === 'string' || type === 'concatenated string' || type === 'sliced string') {
        const size = nodes[i + iSize];
        key = `(string ${size < 64 ? '<64' : size < 1024 ? '<1K' : size < 65536 ? '<64K' : '>=64K'} B)`;
      }
      const entry = byKey.get(key) ?? { count: 0, bytes: 0 };
      entry.count++;
      entry.bytes += nodes[i + iSize];
      byKey.set(key, entry);
    }
    const rows = [...byKey].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(values.top));
    console.log(`\n## ${name}: usedJSHeapSize ${(used / 1e6).toFixed(1)} MB`);
    for (const [key, { count, bytes }] of rows)
      console.log(
        `${(bytes / 1e6).toFixed(2).padStart(7)} MB ${String(count).padStart(8)}  ${key.slice(0, 70)}`,
      );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
