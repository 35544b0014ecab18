#!/usr/bin/env node
// Load and seek benchmark: <posthog-replay> against rrweb-player 2.1.6, same recordings, same
// browser, same run. See docs/performance.md for the method.
//
//   npm run bench                        # build, then 5 runs
//   node bench/run.mjs --runs 7          # without building
//   node bench/run.mjs --only large      # one recording (large | demo)
//   node bench/run.mjs --report bench/results/latest.json   # only re-render the reports
//
// Writes bench/results/latest.json, bench/results/latest.md and docs/performance.md (unless
// --no-docs). Absolute times are context; the result is the ratio ours / rrweb-player.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { DEFAULT_OUT as LARGE, makeRecording } from './make-recording.mjs';
import { root, startServer } from './lib/server.mjs';
import { measureManyPlayers } from './many-players.mjs';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
    'load-timeout': { type: 'string', default: '60000' },
    'seek-timeout': { type: 'string', default: '20000' },
    report: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const LOAD_TIMEOUT = Number(opts['load-timeout']);
const SEEK_TIMEOUT = Number(opts['seek-timeout']);
/** How long after "ready" long tasks still count as part of the load. */
const SETTLE_MS = 1000;
/** Seek targets as fractions of the duration: alternately forward and backward, near and far. */
const SEEK_FRACTIONS = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.95, 0.05, 0.6, 0.4, 0.85, 0.15];

const PLAYERS = [
  {
    id: 'ours',
    label: 'posthog-replay',
    page: '/bench/pages/posthog-replay.html',
    code: ['dist/posthog-replay.js'],
  },
  {
    id: 'rrweb',
    label: 'rrweb-player 2.1.6',
    page: '/bench/pages/rrweb-player.html',
    code: [
      'node_modules/rrweb-player/dist/rrweb-player.umd.min.cjs',
      'node_modules/rrweb-player/dist/style.css',
    ],
  },
];

const RECORDINGS = [
  {
    id: 'large',
    label: 'large (stress page)',
    file: 'bench/data/large.rrweb.json.gz',
    // The stress page shows its clock: seeks can be checked against it.
    checkClock: true,
  },
  {
    id: 'demo',
    label: 'posthog-js demo',
    file: 'test/fixtures/posthog-js/posthog-demo.rrweb.json.gz',
  },
].filter((r) => !opts.only || r.id === opts.only);

const log = (...args) => console.error(...args);

async function main() {
  if (opts.report) {
    // Only re-render the tables and docs from a results file (e.g. bench/results/latest.json).
    const results = JSON.parse(await readFile(opts.report, 'utf8'));
    await writeReports(results);
    return;
  }
  const started = Date.now();
  if (!existsSync(join(root, 'dist/posthog-replay.js'))) {
    throw new Error('dist/posthog-replay.js is missing: run `npm run build` (or `npm run bench`).');
  }
  if (RECORDINGS.some((r) => r.id === 'large') && !existsSync(LARGE)) {
    log('bench/data/large.rrweb.json.gz is missing: making it (about a minute)…');
    await makeRecording({ log });
  }
  for (const r of RECORDINGS) Object.assign(r, await describeRecording(r.file));
  const codeSizes = Object.fromEntries(
    await Promise.all(PLAYERS.map(async (p) => [p.id, await gzipSize(p.code)])),
  );

  const server = await startServer();
  /** samples[recording][player] = one entry per run */
  const samples = {};
  const manySamples = [];
  const withMany = !opts.only || opts.only === 'many';
  let chromiumVersion = '';
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh browser per run and a fresh context per measurement; the players take turns
      // going first.
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        headless: true,
        args: [...chromiumArgs(), '--enable-precise-memory-info'],
      });
      chromiumVersion = browser.version();
      try {
        for (const recording of RECORDINGS) {
          const order = run % 2 === 0 ? PLAYERS : [...PLAYERS].reverse();
          for (const player of order) {
            const sample = await measure(browser, server.origin, player, recording);
            ((samples[recording.id] ??= {})[player.id] ??= []).push(sample);
            log(
              `run ${run + 1}/${RUNS} ${recording.id} ${player.id}: ` +
                (sample.error
                  ? `FAILED ${sample.error}`
                  : `first frame ${fmt(sample.firstFrame)} ms, ready ${fmt(sample.fullyLoaded)} ms, ` +
                    `TBT ${fmt(sample.tbt)} ms, seek p50 ${fmt(percentile(sample.seekMs, 50))} ms`),
            );
          }
        }
        if (withMany) {
          const many = await measureManyPlayers(browser, server.origin);
          manySamples.push(many);
          log(
            `run ${run + 1}/${RUNS} 20 lazy players: ` +
              (many.error
                ? `FAILED ${many.error}`
                : `fetched ${many.fetchedAtTop} at the top, ${many.fetchedAtEnd} at the end; ` +
                  `longest task ${fmt(many.longestTaskMs)} ms, frame gap p95 ${fmt(many.frameGapP95Ms)} ms`),
          );
        }
      } finally {
        await browser.close().catch(() => {});
      }
    }
  } finally {
    await server.close();
  }

  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    chromium: chromiumVersion,
    node: process.version,
    runs: RUNS,
    command: `node bench/run.mjs --runs ${RUNS}${opts.only ? ` --only ${opts.only}` : ''}`,
    wallSeconds: 0,
    codeGzipBytes: codeSizes,
    recordings: RECORDINGS.map((r) => ({
      id: r.id,
      label: r.label,
      file: r.file,
      jsonBytes: r.jsonBytes,
      gzipBytes: r.gzipBytes,
      events: r.events,
      durationS: r.durationS,
      summary: Object.fromEntries(
        PLAYERS.map((p) => [p.id, summarize(samples[r.id]?.[p.id] ?? [], codeSizes[p.id])]),
      ),
      samples: samples[r.id],
    })),
    manyPlayers: withMany ? summarizeMany(manySamples) : undefined,
  };
  results.wallSeconds = Math.round((Date.now() - started) / 1000);
  await writeReports(results);
}

async function writeReports(results) {
  const md = await prettierFormat(markdown(results));
  await mkdir(join(root, 'bench/results'), { recursive: true });
  const json = await prettierFormat(JSON.stringify(results, null, 2) + '\n', 'json');
  await writeFile(join(root, 'bench/results/latest.json'), json);
  await writeFile(join(root, 'bench/results/latest.md'), md);
  if (!opts['no-docs']) {
    await writeFile(join(root, 'docs/performance.md'), await prettierFormat(docsPage(md)));
  }
  console.log(md);
}

// ---- One measurement -------------------------------------------------------------------------

/** Loads one recording into one player in a fresh context; never throws, never hangs. */
async function measure(browser, origin, player, recording) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    return await withTimeout(
      LOAD_TIMEOUT + SEEK_FRACTIONS.length * SEEK_TIMEOUT + 30_000,
      'the whole measurement',
      async () => {
        const cdp = await context.newCDPSession(page);
        await page.goto(origin + player.page, { waitUntil: 'load' });
        await page.waitForFunction(() => window.benchPlayer && window.bench, null, {
          timeout: 10_000,
        });
        const heapBefore = await heapAfterGc(page, cdp);
        const url = `${origin}/${recording.file}`;
        const load = await page.evaluate(
          ({ url, timeout }) => bench.within(timeout, 'load', benchPlayer.load(url)),
          { url, timeout: LOAD_TIMEOUT },
        );
        // Long tasks up to SETTLE_MS after "ready" belong to the load.
        await page.waitForTimeout(SETTLE_MS);
        const tasks = await page.evaluate(() => bench.longTasks);
        const from = load.t0;
        const to = load.t0 + load.ready + SETTLE_MS;
        const loadTasks = tasks
          .filter((t) => t.start >= from && t.start < to)
          .map((t) => ({ start: t.start - from, duration: t.duration }));
        const lastEnd = Math.max(0, ...loadTasks.map((t) => t.start + t.duration));
        const heapAfter = await heapAfterGc(page, cdp);

        const durationMs = await page.evaluate(() => benchPlayer.duration());
        const targets = SEEK_FRACTIONS.map((f) => Math.round(f * durationMs));
        const seeks = await page.evaluate(({ targets, timeout }) => bench.seeks(targets, timeout), {
          targets,
          timeout: SEEK_TIMEOUT,
        });
        return {
          firstFrame: load.firstFrame,
          ready: load.ready,
          fullyLoaded: Math.max(load.ready, lastEnd),
          longestTask: Math.max(0, ...loadTasks.map((t) => t.duration)),
          tbt: loadTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
          loadTasks,
          marks: load.marks,
          timing: load.timing ?? null,
          heapBefore,
          heapAfter,
          durationMs,
          seeks,
          seekMs: seeks.map((s) => s.ms),
          seekClockErrors: checkSeekClocks(recording, seeks),
          pageErrors,
        };
      },
    );
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0], pageErrors };
  } finally {
    await context.close().catch(() => {});
  }
}

/** performance.memory after a forced GC (CDP), in bytes. */
async function heapAfterGc(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(() => bench.heap());
}

/**
 * The stress page shows its clock (HH:MM:SS of recording time, updated every 100 ms): after a
 * seek to t the replay should show the recording's start + t, give or take a second. Counts the
 * seeks that show another time, so a player that did not really seek cannot look fast.
 */
function checkSeekClocks(recording, seeks) {
  if (!recording.checkClock || seeks.every((s) => s.clock === null)) return null;
  let wrong = 0;
  for (const s of seeks) {
    const expected = (recording.startTimestamp + s.to) / 1000;
    const [h, m, sec] = (s.clock ?? '').split(':').map(Number);
    const shown = h * 3600 + m * 60 + sec;
    const day = Math.floor(expected / 86400) * 86400;
    if (!(Math.abs(day + shown - expected) <= 1.5)) wrong++;
  }
  return wrong;
}

function withTimeout(ms, what, fn) {
  let timer;
  return Promise.race([
    fn(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---- Summaries --------------------------------------------------------------------------------

function summarize(runs, codeGzipBytes) {
  const ok = runs.filter((r) => !r.error);
  const failures = runs.filter((r) => r.error).map((r) => r.error);
  const med = (f) =>
    ok.length ? median(ok.map(f).filter((v) => v !== null && v !== undefined)) : null;
  const allSeeks = ok.flatMap((r) => r.seeks);
  const seekMs = allSeeks.map((s) => s.ms);
  const phases = {};
  for (const key of new Set(ok.flatMap((r) => Object.keys(r.marks ?? {})))) {
    if (key !== 't0') phases[key] = med((r) => r.marks?.[key]);
  }
  if (ok.some((r) => r.timing)) {
    phases.fetchMs = med((r) => r.timing?.fetchMs);
    phases.decodeMs = med((r) => r.timing?.decodeMs);
  }
  return {
    runs: runs.length,
    ok: ok.length,
    failures,
    firstFrame: med((r) => r.firstFrame),
    fullyLoaded: med((r) => r.fullyLoaded),
    longestTask: med((r) => r.longestTask),
    tbt: med((r) => r.tbt),
    seekP50: seekMs.length ? percentile(seekMs, 50) : null,
    seekP95: seekMs.length ? percentile(seekMs, 95) : null,
    seekForwardP50: pct50(allSeeks.filter((s) => s.to > s.from).map((s) => s.ms)),
    seekBackwardP50: pct50(allSeeks.filter((s) => s.to < s.from).map((s) => s.ms)),
    seekCount: seekMs.length,
    seekClockErrors: ok.some((r) => r.seekClockErrors !== null)
      ? ok.reduce((n, r) => n + (r.seekClockErrors ?? 0), 0)
      : null,
    heapAfter: med((r) => r.heapAfter),
    heapBefore: med((r) => r.heapBefore),
    codeGzipBytes,
    phases,
    // Long tasks by phase, for ours: the one in which the decoded recording arrives (it ends
    // after loadedmetadata, which is fired in it), those before, and those after.
    tasksBeforeMetadata: med((r) => phaseTasks(r, (t, m) => t.start + t.duration < m)),
    taskOfMetadata: med((r) => phaseTasks(r, (t, m) => t.start <= m && t.start + t.duration >= m)),
    tasksAfterMetadata: med((r) => phaseTasks(r, (t, m) => t.start > m)),
    pageErrors: [...new Set(runs.flatMap((r) => r.pageErrors ?? []))].slice(0, 5),
  };
}

function phaseTasks(run, keep) {
  const m = run.marks?.loadedmetadata;
  if (m === undefined) return null;
  return run.loadTasks.filter((t) => keep(t, m)).reduce((s, t) => s + t.duration, 0);
}
const pct50 = (values) => (values.length ? percentile(values, 50) : null);

function median(values) {
  return values.length ? percentile(values, 50) : null;
}

/** Linear-interpolated percentile. */
function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const i = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

// ---- Report -----------------------------------------------------------------------------------

const ROWS = [
  ['first frame, from the load call', 'firstFrame', 'ms'],
  ['fully loaded (ready, and the main thread quiet)', 'fullyLoaded', 'ms'],
  ['longest main-thread task during load', 'longestTask', 'ms'],
  ['total blocking time during load', 'tbt', 'ms'],
  ['seek latency p50', 'seekP50', 'ms'],
  ['seek latency p95', 'seekP95', 'ms'],
  ['seek p50, forward / backward', 'seekDirections', 'ms'],
  ['JS heap after load (after GC)', 'heapAfter', 'MB'],
  ['player code, gzip', 'codeGzipBytes', 'KB'],
];

function markdown(results) {
  const out = [];
  out.push(`Run ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${results.machine}, `);
  out.push(`Chromium ${results.chromium} headless, Node ${results.node}; `);
  out.push(`${results.runs} runs, medians (seek percentiles pooled over all runs' seeks); `);
  out.push(`the whole run took ${results.wallSeconds} s. Rerun: \`npm run bench\` `);
  out.push(`(or \`${results.command}\` after \`npm run build\`).\n`);
  for (const r of results.recordings) {
    const ours = r.summary.ours;
    const base = r.summary.rrweb;
    out.push(`\n### ${r.label}: ${mb(r.jsonBytes)} MB JSON, ${mb(r.gzipBytes)} MB gzip, `);
    out.push(`${r.events} events, ${Math.round(r.durationS)} s\n\n`);
    out.push(`\`${r.file}\`\n\n`);
    out.push('| metric | posthog-replay | rrweb-player 2.1.6 | ratio (ours / rrweb-player) |\n');
    out.push('|---|---:|---:|---:|\n');
    for (const [label, key, unit] of ROWS) {
      if (key === 'seekDirections') {
        const a = `${fmt(ours.seekForwardP50)} / ${fmt(ours.seekBackwardP50)}`;
        const b = `${fmt(base.seekForwardP50)} / ${fmt(base.seekBackwardP50)}`;
        const ra = `${ratio(ours.seekForwardP50, base.seekForwardP50)} / ${ratio(ours.seekBackwardP50, base.seekBackwardP50)}`;
        out.push(`| ${label} (${unit}) | ${a} | ${b} | ${ra} |\n`);
        continue;
      }
      const scale = unit === 'MB' ? 1e-6 : unit === 'KB' ? 1e-3 : 1;
      const v = (s) => (s[key] === null || s[key] === undefined ? null : s[key] * scale);
      out.push(
        `| ${label} (${unit}) | ${cell(ours, v(ours), unit)} | ${cell(base, v(base), unit)} | ` +
          `${ratio(v(ours), v(base))} |\n`,
      );
    }
    for (const [name, s] of [
      ['posthog-replay', ours],
      ['rrweb-player', base],
    ]) {
      if (s.failures.length) {
        out.push(`| **${name} failed** ${s.failures.length} of ${s.runs} runs | `);
        out.push(`${s.failures.map(escapeCell).join('; ')} | | |\n`);
      }
    }
    if (ours.seekClockErrors !== null || base.seekClockErrors !== null) {
      out.push(
        `\nSeek check (the replayed page's clock shows the target time ± 1.5 s): wrong in ` +
          `${ours.seekClockErrors ?? '–'} of ${ours.seekCount} seeks for posthog-replay, ` +
          `${base.seekClockErrors ?? '–'} of ${base.seekCount} for rrweb-player.\n`,
      );
    }
    out.push(`\nWhere the time goes (medians, ms from the load call): `);
    const p = ours.phases;
    out.push(
      `posthog-replay: loadstart ${fmt(p.loadstart)}, bytes fetched ${fmt(p.fetchMs)}, ` +
        `decoded and handed over (loadedmetadata) ${fmt(p.loadedmetadata)} ` +
        `(decode ${fmt(p.decodeMs)}), replay iframe has a body ${fmt(p.iframeBody)}, ` +
        `loadeddata ${fmt(p.loadeddata)}; long tasks: ${fmt(ours.tasksBeforeMetadata)} ms before ` +
        `loadedmetadata, ${fmt(ours.taskOfMetadata)} ms in the task that fires it, ` +
        `${fmt(ours.tasksAfterMetadata)} ms after. `,
    );
    const q = base.phases;
    out.push(
      `rrweb-player: response ${fmt(q.response)}, gunzipped and parsed ${fmt(q.parsed)}, ` +
        `player constructed ${fmt(q.constructed)}, first frame ${fmt(q.iframeBody)}.\n`,
    );
  }
  out.push(manyPlayersMarkdown(results.manyPlayers));
  out.push(
    `\nRatios below 1 favour posthog-replay. Absolute times drift between machines and batches ` +
      `(up to 1.5× here); compare ratios from one run.\n`,
  );
  return out.join('');
}

/** Medians of the 20-lazy-players runs (field by field). */
function summarizeMany(runs) {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return { ok: false, errors: runs.map((r) => r.error), runs };
  const median = (key, pick = (r) => r) => percentile(ok.map((r) => pick(r)?.[key] ?? null), 50);
  const keys = ['fetchedAtTop', 'fetchedAtEnd', 'readyAtEnd', 'longestTaskMs', 'longTasks'];
  const more = ['totalBlockingMs', 'frameGapP95Ms', 'frameGapMaxMs', 'framesOver50Ms', 'frames'];
  return {
    ok: true,
    players: ok[0].players,
    ...Object.fromEntries([...keys, ...more].map((k) => [k, median(k)])),
    reference: Object.fromEntries(more.map((k) => [k, median(k, (r) => r.reference)])),
    runs,
  };
}

function manyPlayersMarkdown(many) {
  if (!many) return '';
  if (!many.ok) return `\n### 20 players with loading="lazy"\n\nFailed: ${many.errors.join('; ')}\n`;
  return (
    `\n### 20 players with \`loading="lazy"\`, scrolled from top to bottom\n\n` +
    '`bench/pages/many-players.html`: 20 players of the demo recording down a page, scrolled ' +
    'with the mouse wheel (40 steps of 250 px, 100 ms apart) while they load (medians of the runs).\n\n' +
    '| measure | with the players | same page, empty boxes |\n|---|---:|---:|\n' +
    `| recordings fetched before scrolling (of ${many.players}) | ${fmt(many.fetchedAtTop)} | – |\n` +
    `| recordings fetched by the end | ${fmt(many.fetchedAtEnd)} | – |\n` +
    `| players showing a page 2 s after the scroll | ${fmt(many.readyAtEnd)} | – |\n` +
    `| longest main-thread task while scrolling (ms) | ${fmt(many.longestTaskMs)} | – |\n` +
    `| long tasks while scrolling | ${fmt(many.longTasks)} | – |\n` +
    `| total blocking time while scrolling (ms) | ${fmt(many.totalBlockingMs)} | ${fmt(many.reference.totalBlockingMs)} |\n` +
    `| animation-frame gap p95 / max (ms) | ${fmt(many.frameGapP95Ms)} / ${fmt(many.frameGapMaxMs)} | ` +
    `${fmt(many.reference.frameGapP95Ms)} / ${fmt(many.reference.frameGapMaxMs)} |\n` +
    `| frames later than 50 ms | ${fmt(many.framesOver50Ms)} of ${fmt(many.frames)} | ` +
    `${fmt(many.reference.framesOver50Ms)} of ${fmt(many.reference.frames)} |\n`
  );
}

function cell(summary, value, unit) {
  if (!summary.ok && unit !== 'KB') return 'failed';
  if (value === null || value === undefined) return '–';
  return unit === 'MB' || unit === 'KB' ? value.toFixed(1) : fmt(value);
}

function ratio(a, b) {
  if (a === null || b === null || a === undefined || b === undefined) return '–';
  if (b === 0) return a === 0 ? '1.00' : '∞';
  return (a / b).toFixed(2);
}

const fmt = (v) => (v === null || v === undefined || Number.isNaN(v) ? '–' : String(Math.round(v)));
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const escapeCell = (s) => s.replace(/\|/g, '\\|');

function docsPage(md) {
  return `# Performance

How long \`<posthog-replay>\` takes to show and seek a recording, against
[rrweb-player](https://www.npmjs.com/package/rrweb-player) 2.1.6 loaded the way its README tells
users to. This page is written by \`npm run bench\` (\`bench/run.mjs\`); the numbers below are from
its last run. Absolute times are context: the result is the ratio, measured in one run.

## Latest results

${md}
## Where the time goes, and what is left (large recording)

From Chromium traces of one load (\`devtools.timeline\` and the sampling profiler, 2026-11-28;
tracing slows everything by ~1.5×, so read the shares):

- **Download and decode overlap.** The body goes to the worker chunk by chunk; the worker
  inflates it as a stream, splits the text into events (\`src/formats/json-stream.ts\`,
  \`JSON.parse\` per event) and hands on the first events as soon as the first Meta and
  FullSnapshot are read, ~0.5 MB into 33.8 MB. That is why the first frame no longer waits for
  the whole file. The worker's whole pass (inflate, text, split, decode, slices) takes ~1.4 s in
  Node for this file, ~0.4 s of it splitting above what one \`JSON.parse\` of the whole costs.
- **Slices cross as JSON text** and the page parses each in its own task: parsed objects took
  ~5 MB less heap than structured-cloned ones here, and parsing a 0.6 MB FullSnapshot costs the
  page far less than deserialising it.
- **What remains long on the main thread is the first page itself**: rrweb rebuilding the first
  FullSnapshot (~4,800 nodes; ~100–170 ms of JavaScript in one task, CSS rewriting included) and
  then the browser's first style and layout of that page (~300–500 ms in one rendering task).
  rrweb-player pays the same two. Building the snapshot in steps of 300 nodes per animation frame
  (measured: same DOM, hash-compared) cuts the longest task to ~100 ms and the longest frame to
  ~75 ms, but makes the complete first page take ~1.8× as long; not shipped, as it would trade
  the first-frame time for it.
- **Seeks** rebuild from the last FullSnapshot before the target and replay what follows. Scrolls
  during that replay are held back and applied once at the end (\`src/core/deferred-scrolls.ts\`)
  and rrweb's virtual DOM is off: replaying mutations went from ~19 to ~5 ms per recorded second
  on this page. What is left is the rebuild plus one full layout of the new page, ~150–180 ms,
  for every seek that cannot go forward from the current page.

## Method

- **Recordings.** \`large\`: \`bench/data/large.rrweb.json.gz\`, made by
  \`node bench/make-recording.mjs\` — rrweb 2.2.2's \`record()\` on \`bench/stress-page.html\` (a
  dashboard that keeps rewriting a 400-row table, a feed, a report panel, colours, a ticker,
  stylesheet rules, with simulated mouse moves, clicks, scrolls and typing) for 321 s of
  recording time under playwright's fake clock, a FullSnapshot every 60 s (\`checkoutEveryNms\`);
  seeded, so the same file comes out each time. \`demo\`: the posthog-js demo fixture.
- **Players.** posthog-replay: \`<script src="/dist/posthog-replay.js">\` and a
  \`<posthog-replay src=…>\` of 1024×576. rrweb-player: its CSS and UMD build
  (\`rrweb-player.umd.min.cjs\`), then \`fetch\` → \`DecompressionStream('gzip')\` →
  \`Response.json()\` → \`new rrwebPlayer({target, props: {events, width: 1024, height: 576,
  autoPlay: false}})\`. Both served from 127.0.0.1 by the benchmark, without caching.
- **Runs.** Headless Debian Chromium; a fresh browser per run and a fresh context per
  measurement; the players alternate going first. Medians over runs (default 5).
- **First frame**: from the load call (setting \`src\` / calling \`fetch\`) to \`loadeddata\` for
  posthog-replay, and to the first animation frame in which rrweb-player's replay iframe has a
  rebuilt \`<body>\`. **Fully loaded**: \`canplaythrough\` / the constructor returned and the first
  frame shown, or the end of the last long task within 1 s after that, whichever is later.
- **Long tasks** (\`PerformanceObserver\`, \`longtask\`, buffered) that start between the load call
  and 1 s after ready; total blocking time is Σ(duration − 50 ms).
- **Seeks**: 12 targets at 50, 10, 90, 30, 70, 20, 95, 5, 60, 40, 85, 15 % of the duration, in
  that order (6 forward, 6 backward), each timed from the call to the frame after it
  (posthog-replay: set \`currentTime\`, wait for \`seeked\`, which it fires in the next animation
  frame; rrweb-player: \`goto(ms, false)\`, synchronous, then one animation frame). p50 / p95 over
  the seeks of all runs. On the large recording each seek is checked against the clock the
  replayed page shows.
- **Heap**: \`performance.memory.usedJSHeapSize\` (\`--enable-precise-memory-info\`) after two
  CDP \`HeapProfiler.collectGarbage\`, 1 s after ready. posthog-replay decodes in a worker, whose
  heap this does not count (the worker stops when idle).
- **20 lazy players** (\`bench/many-players.mjs\`): \`bench/pages/many-players.html\` with 20
  players of the demo recording, scrolled with the mouse wheel in 40 steps of 250 px, 100 ms
  apart; recordings fetched (counted from requests), long tasks and animation-frame gaps while
  scrolling, and the same page with empty boxes instead of players as the reference.
- **Code**: gzip -9 of the files each player loads (posthog-replay's one-file build; rrweb-player's
  UMD build and CSS).
- Every wait has a timeout (\`--load-timeout\`, \`--seek-timeout\`); a player that fails or never
  loads is reported as a failure row.
`;
}

/** The project's Prettier style on generated files (as they are when Prettier is missing). */
async function prettierFormat(text, parser = 'markdown') {
  try {
    const prettier = await import('prettier');
    return await prettier.format(text, { parser, singleQuote: true, printWidth: 100 });
  } catch {
    return text;
  }
}

// ---- Facts -------------------------------------------------------------------------------------

async function describeRecording(file) {
  const gz = await readFile(join(root, file));
  const json = (await import('node:zlib')).gunzipSync(gz);
  const events = JSON.parse(json);
  const start = events[0]?.timestamp ?? 0;
  const end = events.reduce((m, e) => Math.max(m, e.timestamp ?? 0), start);
  return {
    gzipBytes: gz.length,
    jsonBytes: json.length,
    events: events.length,
    durationS: (end - start) / 1000,
    startTimestamp: Math.min(...events.map((e) => e.timestamp)),
  };
}

async function gzipSize(files) {
  let total = 0;
  for (const f of files) total += gzipSync(await readFile(join(root, f)), { level: 9 }).length;
  return total;
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length}× ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`;
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
