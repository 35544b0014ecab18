/**
 * Runs decode jobs in one Web Worker shared by every player on the page, and falls back to the
 * main thread when the page's Content-Security-Policy does not allow a blob: worker.
 *
 * The worker is started lazily, answers jobs in order, and is stopped after a few idle seconds so
 * a page with a player that finished loading keeps no thread around.
 */
import decoderRuntime from 'virtual:decode-worker';
import {
  DecodeError,
  type DecodedRecording,
  type DecodeProgress,
  type DecodeReport,
  type RecordingEvent,
} from '../formats/types.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { PROTOCOL_VERSION } from './protocol.js';
import { concatBytes } from '../utils/bytes.js';

export interface DecodeOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DecodeProgress) => void;
  /**
   * Called with the decoded events in slices as they reach the page, before the promise
   * resolves: consecutive slices in time order (their concatenation is the resolved `events`),
   * each with the full report, the last with `done`. The first slice is the first events in
   * time order up to at least the recording's first FullSnapshot (and the Meta before it), so a
   * player can show the first frame from it. Each slice arrives in its own task. Throwing here
   * fails the decode with that error. The report is of everything decoded so far: for a
   * streamed job it grows with the slices (more windows, a later end).
   */
  onChunk?: (events: RecordingEvent[], report: DecodeReport, done: boolean) => void;
  /**
   * A streamed job found that the slices given so far were not final (data far out of order):
   * forget them; all events come again through `onChunk`, from the first.
   */
  onReset?: () => void;
}

/** A slice as it came from the worker, not yet handed on. */
interface PendingSlice {
  index: number;
  /** The events as JSON text, parsed when handed on. */
  json: string;
  report: DecodeReport;
  done: boolean;
}

interface Job {
  resolve(recording: DecodedRecording): void;
  reject(error: unknown): void;
  onProgress?: (progress: DecodeProgress) => void;
  onChunk?: DecodeOptions['onChunk'];
  onReset?: DecodeOptions['onReset'];
  /** Set once resolved, rejected or cancelled: nothing more is delivered. */
  settled: boolean;
  /** A streamed job: the worker must be told when the page gives it up. */
  streamed: boolean;
  events: RecordingEvent[];
  pending: PendingSlice[];
  nextIndex: number;
  pumping: boolean;
}

const IDLE_STOP_MS = 5_000;
/** How long the loop handing downloaded chunks to the worker may run before it yields (ms). */
const CHUNK_LOOP_BUDGET_MS = 8;

/** Where decoding runs; read by tests and shown nowhere else. */
export type DecodeThread = 'worker' | 'main';

/**
 * Ends the current task so the page can render and handle input: `scheduler.yield()` where there
 * is one (it resumes ahead of other queued work), else a MessageChannel message (no 4 ms clamp
 * like a nested setTimeout).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class SharedDecodeWorker {
  private worker?: Worker;
  private ready?: Promise<boolean>;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idleTimer?: ReturnType<typeof setTimeout>;
  /** Set once a worker failed to start; every later job decodes on the main thread. */
  private blocked: boolean;
  lastThread: DecodeThread | undefined;

  private readonly sliceChars?: number;

  /**
   * `mainThread: true` never starts a worker (for tests; a CSP does the same at run time);
   * `sliceChars` sets how much JSON an `onChunk` slice holds (default about 100 k characters).
   */
  constructor({
    mainThread = false,
    sliceChars,
  }: { mainThread?: boolean; sliceChars?: number } = {}) {
    this.blocked = mainThread;
    this.sliceChars = sliceChars;
  }

  async decode(input: unknown, options: DecodeOptions = {}): Promise<DecodedRecording> {
    options.signal?.throwIfAborted();
    if (!this.blocked && (await this.start())) return this.postJob(input, options);
    this.lastThread = 'main';
    return decodeOnMainThread(input, options, this.sliceChars);
  }

  /**
   * Starts the worker ahead of the first job (e.g. when a fetch begins), so that its start-up
   * (~50–100 ms to evaluate the decoder) overlaps the download instead of following it.
   */
  warm(): void {
    if (!this.blocked) void this.start();
  }

  /** Starts the worker if needed; resolves false when the page does not let it run. */
  private start(): Promise<boolean> {
    if (this.ready) return this.ready;
    this.ready = new Promise<boolean>((resolve) => {
      let url = '';
      try {
        const source = `(${decoderRuntime.toString()})().serveWorker(self);`;
        url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const worker = new Worker(url, { name: 'posthog-replay-decoder' });
        this.worker = worker;
        let started = false;
        worker.onmessage = ({ data }: MessageEvent<WorkerResponse>) => {
          if (data.type === 'ready') {
            started = true;
            resolve(data.v === PROTOCOL_VERSION);
          } else this.onResponse(data);
        };
        // Chromium does not throw from `new Worker()` under a CSP that blocks it: an error event
        // comes later instead, before `ready`.
        worker.onerror = (event) => {
          event.preventDefault();
          if (started) this.crashed(event.message);
          else this.fail();
          resolve(false);
        };
      } catch {
        this.fail();
        resolve(false);
      } finally {
        if (url) setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    });
    return this.ready;
  }

  /**
   * Decodes a recording whose bytes are still arriving: each chunk goes to the worker as it
   * comes, and slices of events reach `onChunk` while later chunks are still downloading. A
   * failing `chunks` (the download broke) rejects with its error.
   */
  async decodeStream(
    chunks: AsyncIterable<Uint8Array>,
    options: DecodeOptions = {},
  ): Promise<DecodedRecording> {
    options.signal?.throwIfAborted();
    if (this.blocked || !(await this.start())) {
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      return this.decode(concatBytes(parts), options);
    }
    const { id, job, done } = this.createJob(options, true);
    this.worker!.postMessage({
      type: 'open',
      v: PROTOCOL_VERSION,
      id,
      sliceChars: this.sliceChars,
    } satisfies WorkerRequest);
    try {
      let since = performance.now();
      for await (const chunk of chunks) {
        if (job.settled) break;
        const { payload, transfer } = toTransferable(chunk);
        this.worker?.postMessage(
          { type: 'chunk', id, bytes: payload as ArrayBuffer } satisfies WorkerRequest,
          transfer,
        );
        // A body already buffered is read in one go, all in one task: let the page breathe.
        if (performance.now() - since > CHUNK_LOOP_BUDGET_MS) {
          await yieldToPage();
          since = performance.now();
        }
      }
      if (!job.settled) this.worker?.postMessage({ type: 'close', id } satisfies WorkerRequest);
    } catch (error) {
      this.cancel(id, job, error);
    }
    return done;
  }

  /** Registers a job for the worker's answers; `done` settles with its outcome. */
  private createJob(
    { signal, onProgress, onChunk, onReset }: DecodeOptions,
    streamed: boolean,
  ): { id: number; job: Job; done: Promise<DecodedRecording> } {
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    this.lastThread = 'worker';
    let job!: Job;
    const done = new Promise<DecodedRecording>((resolve, reject) => {
      job = {
        resolve,
        reject,
        onProgress,
        onChunk,
        onReset,
        settled: false,
        streamed,
        events: [],
        pending: [],
        nextIndex: 0,
        pumping: false,
      };
    });
    this.jobs.set(id, job);
    signal?.addEventListener('abort', () => this.cancel(id, job, signal.reason), { once: true });
    return { id, job, done };
  }

  private postJob(input: unknown, options: DecodeOptions): Promise<DecodedRecording> {
    const { id, done } = this.createJob(options, false);
    const { payload, transfer } = toTransferable(input);
    const request: WorkerRequest = {
      type: 'decode',
      v: PROTOCOL_VERSION,
      id,
      input: payload,
      sliceChars: this.sliceChars,
    };
    this.worker!.postMessage(request, transfer);
    return done;
  }

  private onResponse(response: Exclude<WorkerResponse, { type: 'ready' }>) {
    const job = this.jobs.get(response.id);
    if (!job) return;
    switch (response.type) {
      case 'progress':
        job.onProgress?.(response.progress);
        return;
      case 'events':
        job.pending.push({
          index: response.index,
          json: response.json,
          report: response.report,
          done: response.done,
        });
        // The worker is done with this job once it sent the last slice; the page may still be
        // handing slices on, but the worker can take the next job (or stop when there is none).
        if (response.done) this.finished(response.id);
        if (!job.pumping) void this.pump(job);
        return;
      case 'reset':
        // Slices not handed on yet are dropped with the rest; numbering starts again.
        job.pending = [];
        job.events = [];
        job.nextIndex = 0;
        job.onReset?.();
        return;
      case 'error':
        this.finished(response.id);
        settle(job, () => job.reject(new DecodeError(response.error.code, response.error.message)));
        return;
      default:
        response satisfies never;
    }
  }

  /**
   * Takes the received slices one per task (the first in the task of its message, where it was
   * deserialised), hands each to `onChunk`, and resolves with all of them after the last.
   */
  private async pump(job: Job) {
    job.pumping = true;
    try {
      while (!job.settled && job.pending.length > 0) {
        const slice = job.pending.shift()!;
        if (slice.index !== job.nextIndex++) {
          throw new DecodeError(3, 'The decoder sent the recording out of order.');
        }
        const { report } = slice;
        const events = JSON.parse(slice.json) as RecordingEvent[];
        for (let i = 0; i < events.length; i++) job.events.push(events[i]);
        job.onChunk?.(events, report, slice.done);
        if (slice.done) {
          const recording: DecodedRecording = { events: job.events, report };
          settle(job, () => job.resolve(recording));
          return;
        }
        if (job.pending.length > 0) await yieldToPage();
      }
    } catch (error) {
      settle(job, () => job.reject(error));
    } finally {
      job.pumping = false;
    }
  }

  /** The worker will send nothing more for job `id`. */
  private finished(id: number) {
    this.jobs.delete(id);
    this.scheduleIdleStop();
  }

  /** A cancelled job: reject it now; when it was the only one, stopping the worker ends it too. */
  private cancel(id: number, job: Job, reason: unknown) {
    settle(job, () => job.reject(reason));
    job.pending = [];
    if (!this.jobs.delete(id)) return;
    if (this.jobs.size === 0) this.stop();
    else if (job.streamed) this.worker?.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
  }

  private scheduleIdleStop() {
    if (this.jobs.size > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), IDLE_STOP_MS);
  }

  private stop() {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }

  /** The worker died while it had jobs (e.g. out of memory): fail them; the next job starts anew. */
  private crashed(message: string) {
    const error = new DecodeError(3, `The recording could not be decoded (${message}).`);
    for (const job of this.jobs.values()) settle(job, () => job.reject(error));
    this.jobs.clear();
    this.stop();
  }

  /** The worker could not start: warn once, then decode pending and later jobs on the page. */
  private fail() {
    if (!this.blocked) {
      console.warn(
        '<posthog-replay>: the page does not allow a blob: Web Worker (Content-Security-Policy ' +
          'worker-src); recordings are decoded on the main thread instead.',
      );
    }
    this.blocked = true;
    this.stop();
  }
}

/** Bytes go to the worker by transfer (no copy); everything else by structured clone. */
function toTransferable(input: unknown): { payload: unknown; transfer: Transferable[] } {
  if (input instanceof ArrayBuffer) return { payload: input, transfer: [input] };
  if (input instanceof Uint8Array) {
    const whole = input.byteOffset === 0 && input.byteLength === input.buffer.byteLength;
    const buffer = whole ? input.buffer : input.slice().buffer;
    return { payload: buffer, transfer: buffer instanceof ArrayBuffer ? [buffer] : [] };
  }
  return { payload: input, transfer: [] };
}

/** Runs `then` unless the job is already settled; marks it settled. */
function settle(job: Job, then: () => void): void {
  if (job.settled) return;
  job.settled = true;
  job.pending = [];
  then();
}

async function decodeOnMainThread(
  input: unknown,
  { signal, onProgress, onChunk }: DecodeOptions,
  sliceChars: number | undefined,
): Promise<DecodedRecording> {
  // Let the caller's task finish (and paint the loading view) before decoding.
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
  mainThreadDecoder ??= decoderRuntime();
  let recording: DecodedRecording;
  try {
    recording = await mainThreadDecoder.decodeRecordingAsync(input, { onProgress });
  } catch (error) {
    const failure = mainThreadDecoder.toDecodeFailure(error);
    throw new DecodeError(failure.code, failure.message);
  }
  if (onChunk) {
    // The same slices as from the worker, so that a player behaves alike under a CSP.
    const { events, report } = recording;
    const slices: { events: RecordingEvent[]; done: boolean }[] = [];
    mainThreadDecoder.postSlices([...events], sliceChars ?? 100_000, (slice, _, done) =>
      slices.push({ events: slice, done }),
    );
    for (let i = 0; i < slices.length; i++) {
      if (i > 0) {
        await yieldToPage();
        signal?.throwIfAborted();
      }
      onChunk(slices[i].events, report, slices[i].done);
    }
  }
  return recording;
}

let mainThreadDecoder: ReturnType<typeof decoderRuntime> | undefined;

/** The page-wide decoder. */
export const decoder = new SharedDecodeWorker();

/**
 * Decodes a recording (bytes, text, or parsed JSON, in any format the player reads) off the main
 * thread, in the worker the players share. Rejects with a DecodeError (code 3 or 4).
 */
export function decodeRecording(
  input: unknown,
  options?: DecodeOptions,
): Promise<DecodedRecording> {
  return decoder.decode(input, options);
}
