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

export { decodeRecording, decodeRecordingAsync, toDecodeFailure };

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
 * first one reaching the first FullSnapshot, and hands each to `post` (at least one, maybe
 * empty). Each event is dropped from `events` once its slice is posted, so the worker's copy is
 * gone when the last slice is.
 */
export function postSlices(
  events: (RecordingEvent | undefined)[],
  sliceChars: number,
  post: (slice: RecordingEvent[], index: number, done: boolean) => void,
): void {
  const minimum = firstSliceEnd(events as RecordingEvent[]);
  const n = events.length;
  let start = 0;
  let weight = 0;
  let index = 0;
  for (let i = 0; i < n; i++) {
    weight += weigh(events[i], sliceChars - weight) + 1;
    const last = i === n - 1;
    if (last || (weight >= sliceChars && i + 1 >= minimum)) {
      post(events.slice(start, i + 1) as RecordingEvent[], index++, last);
      events.fill(undefined, start, i + 1);
      start = i + 1;
      weight = 0;
    }
  }
  if (n === 0) post([], 0, true);
  events.length = 0;
}

type WorkerScope = {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

/** The worker side of the protocol; `scope` is the worker's global. Jobs run one at a time. */
export function serveWorker(scope: WorkerScope): void {
  let queue: Promise<void> = Promise.resolve();
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
      default:
        request.type satisfies never;
    }
  };
  scope.postMessage({ type: 'ready', v: PROTOCOL_VERSION });
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
  scope.postMessage({ type: 'report', id, report });
  postSlices(events, sliceChars, (slice, index, done) =>
    scope.postMessage({ type: 'events', id, index, events: slice, done }),
  );
}
