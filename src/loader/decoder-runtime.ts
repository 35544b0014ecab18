/**
 * The decoder runtime: the format pipeline plus the worker's message loop, built by esbuild into
 * the body of one self-contained function (`virtual:decode-worker`, build/virtual-modules.mjs).
 * That one copy serves both threads: the worker is a Blob of the function's own source text, and
 * the main-thread fallback (when a CSP blocks blob workers) simply calls the function. So the
 * decoder ships once in the bundle, not twice.
 */
import { decodeRecording, decodeRecordingAsync } from '../formats/index.js';
import type { RecordingEvent } from '../formats/types.js';
import { toDecodeFailure } from './decode-failure.js';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from './protocol.js';
import { StreamDecoder } from './stream-decode.js';

export { decodeRecording, decodeRecordingAsync, toDecodeFailure, StreamDecoder };

/**
 * Characters of JSON a slice weighs when the page does not say. Each slice is deserialised on
 * the page in its own task; ~100 k characters (a few dozen typical events) take a few ms there,
 * leaving room under the 50 ms of a long task for a young-generation GC landing in the same
 * task on a busy machine. 34 MB make ~270 slices.
 */
export const DEFAULT_SLICE_CHARS = 100_000;

/** The index after the first FullSnapshot (0 when there is none). */
export function firstSliceEnd(events: readonly RecordingEvent[]): number {
  return events.findIndex((event) => event.type === 2) + 1;
}

/**
 * About how many characters `value` takes as JSON, counting no further than `budget`. A walk
 * without building strings: ~5× cheaper than JSON.stringify, within ~10 % of its length.
 */
export function weigh(value: unknown, budget: number): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 6;
  let total = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && total < budget; i++) {
      total += weigh(value[i], budget - total) + 1;
    }
  } else {
    for (const key in value) {
      total += key.length + 4 + weigh((value as Record<string, unknown>)[key], budget - total);
      if (total >= budget) break;
    }
  }
  return total;
}

/**
 * Cuts `events` into consecutive slices of about `sliceChars` characters of JSON, in order, the
 * first one (index 0) reaching the first FullSnapshot, and hands each to `post`, numbered from
 * `firstIndex`; the last is `done` when `last` (then at least one is posted, maybe empty). Each
 * event is dropped from `events` once its slice is posted, so the worker's copy is gone when the
 * last slice is. Returns the next index.
 */
export function postSlices(
  events: (RecordingEvent | undefined)[],
  sliceChars: number,
  post: (slice: RecordingEvent[], index: number, done: boolean) => void,
  { firstIndex = 0, last = true }: { firstIndex?: number; last?: boolean } = {},
): number {
  const minimum = firstIndex === 0 ? firstSliceEnd(events as RecordingEvent[]) : 0;
  const n = events.length;
  let start = 0;
  let weight = 0;
  let index = firstIndex;
  for (let i = 0; i < n; i++) {
    weight += weigh(events[i], sliceChars - weight) + 1;
    const end = i === n - 1;
    if (end || (weight >= sliceChars && i + 1 >= minimum)) {
      post(events.slice(start, i + 1) as RecordingEvent[], index++, last && end);
      events.fill(undefined, start, i + 1);
      start = i + 1;
      weight = 0;
    }
  }
  if (n === 0 && last) post([], index++, true);
  events.length = 0;
  return index;
}

type WorkerScope = {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

/** The worker side of the protocol; `scope` is the worker's global. Jobs run one at a time. */
export function serveWorker(scope: WorkerScope): void {
  let queue: Promise<void> = Promise.resolve();
  const streams = new Map<number, StreamJob>();
  scope.onmessage = ({ data: request }) => {
    switch (request.type) {
      case 'decode': {
        const { id, sliceChars = DEFAULT_SLICE_CHARS } = request;
        // Take the input out of the message so that only the decoder holds it (and drops it).
        const source = { input: request.input };
        request.input = undefined;
        queue = queue.then(() => runJob(scope, id, source, sliceChars));
        break;
      }
      // Streamed jobs run side by side, each as its bytes arrive, not in the queue: a slow
      // download must not hold up the other players' jobs.
      case 'open':
        streams.set(request.id, new StreamJob(scope, request.id, request.sliceChars));
        break;
      case 'chunk':
        streams.get(request.id)?.push(new Uint8Array(request.bytes));
        break;
      case 'close':
        streams.get(request.id)?.close(() => streams.delete(request.id));
        break;
      case 'cancel':
        streams.get(request.id)?.cancel();
        streams.delete(request.id);
        break;
      default:
        request satisfies never;
    }
  };
  scope.postMessage({ type: 'ready', v: PROTOCOL_VERSION });
}

/** One streamed job: bytes in as they come, slices out as soon as they are final. */
class StreamJob {
  private readonly decoder: StreamDecoder;
  private chain: Promise<void> = Promise.resolve();
  private index = 0;
  private stopped = false;

  constructor(
    private readonly scope: WorkerScope,
    private readonly id: number,
    private readonly sliceChars = DEFAULT_SLICE_CHARS,
  ) {
    this.decoder = new StreamDecoder({
      onEvents: (events, report, done) => {
        if (this.stopped) return;
        this.index = postSlices(
          events,
          this.sliceChars,
          (slice, index, last) =>
            this.scope.postMessage({
              type: 'events',
              id,
              index,
              json: JSON.stringify(slice),
              report,
              done: last,
            }),
          { firstIndex: this.index, last: done },
        );
      },
      onReset: () => {
        if (this.stopped) return;
        this.index = 0;
        this.scope.postMessage({ type: 'reset', id });
      },
    });
  }

  push(bytes: Uint8Array): void {
    this.then(() => this.decoder.push(bytes));
  }

  close(after: () => void): void {
    this.then(() => this.decoder.end());
    void this.chain.then(after);
  }

  cancel(): void {
    this.stopped = true;
  }

  /** Runs `step` after the previous ones; the first failure ends the job with an error. */
  private then(step: () => Promise<void> | void): void {
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await step();
      } catch (error) {
        this.stopped = true;
        this.scope.postMessage({ type: 'error', id: this.id, error: toDecodeFailure(error) });
      }
    });
  }
}

/** The holder's value, which it no longer holds. */
function take(source: { input: unknown }): unknown {
  const input = source.input;
  source.input = undefined;
  return input;
}

async function runJob(
  scope: WorkerScope,
  id: number,
  source: { input: unknown },
  sliceChars: number,
): Promise<void> {
  let recording;
  try {
    recording = await decodeRecordingAsync(take(source), {
      onProgress: (progress) => scope.postMessage({ type: 'progress', id, progress }),
    });
  } catch (error) {
    scope.postMessage({ type: 'error', id, error: toDecodeFailure(error) });
    return;
  }
  const { events, report } = recording;
  recording = undefined;
  postSlices(events, sliceChars, (slice, index, done) =>
    scope.postMessage({ type: 'events', id, index, json: JSON.stringify(slice), report, done }),
  );
}
