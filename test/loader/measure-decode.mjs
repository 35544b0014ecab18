#!/usr/bin/env node
// Micro-measure of the decode client in Chromium: decodes a recording with the page's shared
// worker (or on the main thread) and reports, per run, when the report and each slice reached the
// page, when the promise resolved, and every main-thread task over 50 ms with what it was busy
// with (from a Chromium trace). Not a test; for tuning the slice size and checking the receive
// phase.
//
//   node test/loader/measure-decode.mjs [--file bench/data/large.rrweb.json.gz] [--runs 3]
//        [--slice-chars 1000000] [--main-thread] [--trace]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { buildWorkerCode } from '../../build/virtual-modules.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    file: { type: 'string', default: 'bench/data/large.rrweb.json.gz' },
    runs: { type: 'string', default: '3' },
    'slice-chars': { type: 'string' },
    'main-thread': { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});

const ENTRY = `
import { SharedDecodeWorker } from './src/loader/decode-client.ts';
window.measureDecode = async (url, options) => {
  const client = new SharedDecodeWorker(options);
  // Start the worker first, so that its start-up is not measured.
  await client.decode('[{"type":4,"data":{},"timestamp":1},{"type":2,"data":{"node":{"type":0,"childNodes":[],"id":1}},"timestamp":2}]');
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e);
  });
  observer.observe({ type: 'longtask' });
  await new Promise((r) => setTimeout(r, 100));
  const t0 = performance.now();
  let decoded = -1;
  const slices = [];
  const result = await client.decode(bytes, {
    onProgress: () => (decoded = performance.now() - t0),
    onChunk: (events, report, done) => slices.push({ at: performance.now() - t0, n: events.length }),
  });
  const resolved = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  return {
    events: result.events.length,
    decoded, resolved, slices,
    longTasks: longTasks.map((t) => ({ start: t.startTime - t0, duration: t.duration })),
  };
};
`;

async function bundle() {
  const workerCode = await buildWorkerCode({ minify: true });
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    plugins: [
      {
        name: 'virtual',
        setup(build) {
          build.onResolve({ filter: /^virtual:decode-worker$/ }, () => ({
            path: 'w',
            namespace: 'virtual',
          }));
          build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
            contents: `export default function decoderRuntime() {\n${workerCode}\nreturn __phDecoder;\n}`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/** Top-level main-thread tasks over 50 ms in a trace, each with its busiest child events. */
function longTasksInTrace(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
  return tasks.map((task) => {
    const inside = mine.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur,
    );
    const byName = new Map();
    for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
    const top = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, us]) => `${name} ${Math.round(us / 1000)}`);
    return `${Math.round(task.dur / 1000)} ms: ${top.join(', ')}`;
  });
}

async function main() {
  const code = await bundle();
  const page = '<!doctype html><meta charset="utf-8"><script src="/measure.js"></script>';
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (path === '/measure.js')
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    if (path === '/recording') return res.writeHead(200).end(await readFile(root + opts.file));
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const options = {
    mainThread: opts['main-thread'],
    sliceChars: opts['slice-chars'] ? Number(opts['slice-chars']) : undefined,
  };
  for (let run = 1; run <= Number(opts.runs); run++) {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: chromiumArgs(),
    });
    const tab = await browser.newPage();
    await tab.goto(origin);
    let cdp;
    if (opts.trace) {
      cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline,toplevel',
        transferMode: 'ReturnAsStream',
      });
    }
    const r = await tab.evaluate(
      ([url, o]) => window.measureDecode(url, o),
      [`${origin}/recording`, options],
    );
    const sliceTimes = r.slices.map((s) => Math.round(s.at));
    console.log(
      `run ${run}: ${r.events} events; decoded ${Math.round(r.decoded)} ms, first slice ` +
        `${sliceTimes[0]} ms, resolved ${Math.round(r.resolved)} ms; ${r.slices.length} slices at ` +
        `[${sliceTimes.join(', ')}]; long tasks: ${
          r.longTasks
            .map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.start)}`)
            .join(', ') || 'none'
        }`,
    );
    if (cdp) {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await done;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream });
        text += chunk.data;
        if (chunk.eof) break;
      }
      const trace = JSON.parse(text);
      for (const line of longTasksInTrace(trace.traceEvents ?? trace)) console.log(`  ${line}`);
    }
    await browser.close();
  }
  server.close();
}

await main();
