/**
 * The page side of the decode worker: events arrive in slices (onChunk), in order, without a
 * long main-thread task while they are received; the main-thread fallback slices alike.
 */
import { expect } from '@open-wc/testing';
import { DecodeError, type RecordingEvent, type DecodeReport } from '../../src/formats/types.js';
import { SharedDecodeWorker, decoder } from '../../src/loader/decode-client.js';
import { gzipText, syntheticRecording } from './synthetic.js';

interface Chunk {
  events: RecordingEvent[];
  report: DecodeReport;
  done: boolean;
  at: number;
}

function collector() {
  const chunks: Chunk[] = [];
  return {
    chunks,
    onChunk: (events: RecordingEvent[], report: DecodeReport, done: boolean) =>
      chunks.push({ events, report, done, at: performance.now() }),
  };
}

/** Checks slices are consecutive, in time order, done only on the last, and add up to `all`. */
function expectSlicesOf(chunks: Chunk[], all: RecordingEvent[], report: DecodeReport) {
  expect(chunks.map((c) => c.done)).to.deep.equal(chunks.map((_, i) => i === chunks.length - 1));
  const joined = chunks.flatMap((c) => c.events);
  expect(joined.length).to.equal(all.length);
  for (let i = 0; i < joined.length; i++) expect(joined[i], `event ${i}`).to.equal(all[i]);
  for (let i = 1; i < joined.length; i++) {
    expect(joined[i].timestamp).to.be.at.least(joined[i - 1].timestamp);
  }
  for (const chunk of chunks) expect(chunk.report).to.deep.equal(report);
  // The first slice is enough to show the first frame.
  expect(chunks[0].events.map((e) => e.type)).to.include.members([4, 2]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('decode client: slices', () => {
  let recording: object[];
  let gzipped: Uint8Array;

  before(async () => {
    recording = syntheticRecording(3_000_000);
    gzipped = await gzipText(JSON.stringify(recording));
  });

  it('delivers a big recording in several ordered slices that add up to the result', async () => {
    const { chunks, onChunk } = collector();
    const decoded = await decoder.decode(gzipped.slice(), { onChunk });
    expect(decoder.lastThread).to.equal('worker');
    expect(decoded.events).to.have.length(recording.length);
    expect(decoded.report.containers).to.deep.equal(['gzip']);
    expect(chunks.length, 'slices of ~100 k characters for ~3 MB of JSON').to.be.within(20, 40);
    expectSlicesOf(chunks, decoded.events, decoded.report);
  });

  it('resolves as before without onChunk, and slices small ones into one', async () => {
    // Meta, a small FullSnapshot, 18 mutations: ~30 k characters.
    const smallFull = { type: 2, data: { node: { type: 0, childNodes: [], id: 1 } } };
    const small = JSON.stringify([
      recording[0],
      { ...smallFull, timestamp: (recording[1] as { timestamp: number }).timestamp },
      ...recording.slice(2, 20),
    ]);
    const decoded = await decoder.decode(small);
    expect(decoded.events).to.have.length(20);
    const { chunks, onChunk } = collector();
    await decoder.decode(small, { onChunk });
    expect(chunks).to.have.length(1);
    expect(chunks[0].done).to.equal(true);
  });

  it('honours a smaller slice size, and the first slice still reaches the FullSnapshot', async () => {
    const client = new SharedDecodeWorker({ sliceChars: 10 });
    const { chunks, onChunk } = collector();
    const decoded = await client.decode(JSON.stringify(recording.slice(0, 50)), { onChunk });
    expect(chunks).to.have.length(49);
    expect(chunks[0].events.map((e) => e.type)).to.deep.equal([4, 2]);
    expectSlicesOf(chunks, decoded.events, decoded.report);
  });

  it('warm() starts the worker before the first job, which then uses it', async () => {
    const client = new SharedDecodeWorker();
    client.warm();
    const decoded = await client.decode(JSON.stringify(recording.slice(0, 10)));
    expect(client.lastThread).to.equal('worker');
    expect(decoded.events).to.have.length(10);
  });

  it('decode errors still reject with the DecodeError', async () => {
    const error = await decoder.decode('{"hello": 1}').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DecodeError);
    expect((error as DecodeError).code).to.equal(4);
  });

  it('a job aborted while its slices arrive rejects and delivers nothing more', async () => {
    const client = new SharedDecodeWorker({ sliceChars: 100_000 });
    const controller = new AbortController();
    let calls = 0;
    const outcome = client
      .decode(gzipped.slice(), {
        signal: controller.signal,
        onChunk: () => {
          if (++calls === 2) controller.abort(new Error('stop'));
        },
      })
      .catch((e: unknown) => e);
    expect(((await outcome) as Error).message).to.equal('stop');
    await sleep(200);
    expect(calls).to.equal(2);
  });

  it('jobs sent together are answered in order, each with its own slices', async () => {
    const a = collector();
    const b = collector();
    const [first, second] = await Promise.all([
      decoder.decode(gzipped.slice(), { onChunk: a.onChunk }),
      decoder.decode(JSON.stringify(recording.slice(0, 30)), { onChunk: b.onChunk }),
    ]);
    expect(first.events).to.have.length(recording.length);
    expect(second.events).to.have.length(30);
    expectSlicesOf(a.chunks, first.events, first.report);
    expectSlicesOf(b.chunks, second.events, second.report);
  });

  it('on the main thread (as under a CSP) the same slices come, each in its own task', async () => {
    const client = new SharedDecodeWorker({ mainThread: true });
    const { chunks, onChunk } = collector();
    const decoded = await client.decode(gzipped.slice(), { onChunk });
    expect(client.lastThread).to.equal('main');
    expect(decoded.events).to.have.length(recording.length);
    expect(decoded.report.containers).to.deep.equal(['gzip']);
    expect(chunks.length).to.be.above(1);
    expectSlicesOf(chunks, decoded.events, decoded.report);
  });
});

// Not a timed test: a slow machine makes every task longer, so the check is relative. Delivered
// in one piece, receiving is one task as long as the whole phase; in slices, no task comes near
// that. The absolute numbers are the benchmark's (npm run bench: longest task during load).
describe('decode client: receiving is spread over many short tasks', () => {
  it('no main-thread task takes more than half of receiving ~6 MB of events', async function () {
    this.timeout(60_000);
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    try {
      // The observer sees long tasks in this browser (else the assertion below proves nothing).
      const busyUntil = performance.now() + 80;
      while (performance.now() < busyUntil);
      await sleep(50);
      expect(tasks.length, 'an 80 ms busy loop is reported as a long task').to.equal(1);
      tasks.length = 0;

      const bytes = await gzipText(JSON.stringify(syntheticRecording(6_000_000)));
      // Start the worker first, so its start-up is not in the measured phase.
      await decoder.decode(JSON.stringify(syntheticRecording(10_000)));
      await sleep(50);
      tasks.length = 0;

      // The receive phase: from the worker's last progress message (decoding done) until the
      // promise resolves: the page parses slices and accumulates them there.
      let receiveStart = Infinity;
      const { chunks, onChunk } = collector();
      const decoded = await decoder.decode(bytes, {
        onChunk,
        onProgress: () => (receiveStart = performance.now()),
      });
      const receiveEnd = performance.now();
      await sleep(100); // long task entries are delivered after the task
      const during = tasks.filter(
        (t) => t.startTime + t.duration > receiveStart && t.startTime < receiveEnd,
      );
      const describe = during
        .map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.startTime - receiveStart)}`)
        .join(', ');
      const longest = Math.max(0, ...during.map((t) => t.duration));
      expect(
        longest,
        `long tasks while receiving ${chunks.length} slices of ${decoded.events.length} events ` +
          `(6 MB of JSON) in ${Math.round(receiveEnd - receiveStart)} ms: ${describe}`,
      ).to.be.below((receiveEnd - receiveStart) / 2);
      expect(chunks.length).to.be.at.least(20);
    } finally {
      observer.disconnect();
    }
  });
});
