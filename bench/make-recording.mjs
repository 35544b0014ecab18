#!/usr/bin/env node
// Makes the benchmark's large recording: rrweb's record() on bench/stress-page.html in headless
// Chromium, under playwright's fake clock so that 5+ minutes of recording time take seconds.
//
//   node bench/make-recording.mjs [--seed 1] [--seconds 320] [--out bench/data/large.rrweb.json.gz]
//
// The page's randomness is a seeded PRNG and its timing comes only from the fake clock, so a seed
// gives the same recording on every machine with the same rrweb.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { root } from './lib/server.mjs';

export const DEFAULT_OUT = join(root, 'bench/data/large.rrweb.json.gz');
const START = Date.UTC(2026, 0, 5, 10, 0, 0);
const CHECKOUT_MS = 60_000;
const STEP_MS = 10_000;
const STRESS_ORIGIN = 'http://stress.test';
const HTML = 'text/html; charset=utf-8';

/** Records the stress page; returns the events and a summary. Throws if a check fails. */
export async function makeRecording({
  seed = 1,
  seconds = 320,
  out = DEFAULT_OUT,
  log = console.log,
} = {}) {
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(),
  });
  let events = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // Two made-up origins, answered by playwright: the recording names no local port, and the
    // stress page is a cross-origin iframe placed off screen, which Chromium does not render.
    // Rendering a page this busy is what costs most otherwise (4x slower when it is on screen).
    const stress = await readFile(join(root, 'bench/stress-page.html'), 'utf8');
    const host =
      '<!doctype html><body><iframe src="' +
      `${STRESS_ORIGIN}/dashboard?seed=${seed}` +
      '" style="position:absolute;left:-20000px;top:0;width:1280px;height:720px;border:0">' +
      '</iframe></body>';
    await context.route('http://host.test/**', (r) => r.fulfill({ contentType: HTML, body: host }));
    await context.route(`${STRESS_ORIGIN}/**`, (r) =>
      r.fulfill({ contentType: HTML, body: stress }),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.clock.install({ time: START - 1000 });
    await page.clock.pauseAt(START);
    await page.goto('http://host.test/');
    const frame = page.frames().find((f) => f.url().startsWith(STRESS_ORIGIN));
    if (!frame) throw new Error('make-recording: the stress page did not load');
    await frame.addScriptTag({ path: join(root, 'node_modules/rrweb/dist/rrweb.umd.min.cjs') });
    await frame.evaluate((checkoutEveryNms) => {
      window.__events = [];
      window.rrweb.record({
        emit: (event) => window.__events.push(event),
        checkoutEveryNms,
        sampling: { mousemove: 50, scroll: 150, input: 'last' },
        inlineStylesheet: true,
        recordCanvas: false,
        collectFonts: false,
      });
    }, CHECKOUT_MS);
    const chunks = [];
    const drain = () => frame.evaluate(() => JSON.stringify(window.__events.splice(0)));
    for (let t = 0; t < seconds * 1000; t += STEP_MS) {
      await page.clock.runFor(Math.min(STEP_MS, seconds * 1000 - t));
      // Drain as text: a few MB per step rather than one 30+ MB answer at the end.
      chunks.push(await drain());
    }
    // The last mouse batch and mutations.
    await page.clock.runFor(1_000);
    chunks.push(await drain());
    for (const chunk of chunks) events = events.concat(JSON.parse(chunk));
    await context.close();
  } finally {
    await browser.close();
  }

  const json = JSON.stringify(events);
  const summary = summarize(events, json);
  check(summary);
  const gz = gzipSync(Buffer.from(json), { level: 9 });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, gz);
  summary.gzipBytes = gz.length;
  summary.file = relative(root, out);
  summary.seconds = Math.round((Date.now() - started) / 100) / 10;
  log(
    `${summary.file}: ${mb(summary.jsonBytes)} MB JSON, ${mb(gz.length)} MB gzip, ` +
      `${summary.events} events over ${summary.durationS} s, full snapshots at ` +
      `${summary.fullSnapshotsAtS.join(', ')} s; made in ${summary.seconds} s`,
  );
  return summary;
}

function summarize(events, json) {
  const t0 = events[0]?.timestamp ?? 0;
  const types = {};
  for (const e of events) types[e.type] = (types[e.type] ?? 0) + 1;
  return {
    events: events.length,
    jsonBytes: Buffer.byteLength(json),
    durationS: ((events.at(-1)?.timestamp ?? 0) - t0) / 1000,
    firstTypes: events.slice(0, 2).map((e) => e.type),
    fullSnapshotsAtS: events.filter((e) => e.type === 2).map((e) => (e.timestamp - t0) / 1000),
    metaCount: types[4] ?? 0,
    types,
    sorted: events.every((e, i) => i === 0 || e.timestamp >= events[i - 1].timestamp),
  };
}

function check(s) {
  const problems = [];
  if (s.jsonBytes < 30e6) problems.push(`only ${mb(s.jsonBytes)} MB of JSON (want ≥ 30)`);
  if (s.durationS < 300) problems.push(`only ${s.durationS} s long (want ≥ 300)`);
  if (s.firstTypes[0] !== 4 || s.firstTypes[1] !== 2)
    problems.push(`starts with types ${s.firstTypes} (want Meta, FullSnapshot)`);
  const gaps = s.fullSnapshotsAtS.slice(1).map((t, i) => t - s.fullSnapshotsAtS[i]);
  if (s.fullSnapshotsAtS.length < 5 || gaps.some((g) => g > 75))
    problems.push(`full snapshots at ${s.fullSnapshotsAtS} s (want one every ~60 s)`);
  if (s.metaCount < s.fullSnapshotsAtS.length) problems.push('a FullSnapshot without its Meta');
  if (!s.sorted) problems.push('timestamps out of order');
  if (problems.length) throw new Error(`make-recording: ${problems.join('; ')}`);
}

const mb = (bytes) => (bytes / 1e6).toFixed(2);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      seconds: { type: 'string', default: '320' },
      out: { type: 'string', default: DEFAULT_OUT },
    },
  });
  makeRecording({ seed: Number(values.seed), seconds: Number(values.seconds), out: values.out })
    .then((s) => console.log(JSON.stringify(s.types)))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
