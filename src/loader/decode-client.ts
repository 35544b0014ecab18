/**
 * Runs decode jobs in one Web Worker shared by every player on the page, and falls back to the
 * main thread when the page's Content-Security-Policy does not allow a blob: worker.
 *
 * The worker is started lazily, answers jobs in order, and is stopped after a few idle seconds so
 * a page with a player that finished loading keeps no thread around.
 */
import decoderRuntime from 'virtual:decode-worker';
import { DecodeError, type DecodedRecording, type DecodeProgress } from '../formats/types.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { PROTOCOL_VERSION } from './protocol.js';

export interface DecodeOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DecodeProgress) => void;
}

interface Job {
  resolve(recording: DecodedRecording): void;
  reject(error: unknown): void;
  onProgress?: (progress: DecodeProgress) => void;
}

const IDLE_STOP_MS = 5_000;

/** Where decoding runs; read by tests and shown nowhere else. */
export type DecodeThread = 'worker' | 'main';

class SharedDecodeWorker {
  private worker?: Worker;
  private ready?: Promise<boolean>;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private idleTimer?: ReturnType<typeof setTimeout>;
  /** Set once a worker failed to start; every later job decodes on the main thread. */
  private blocked = false;
  lastThread: DecodeThread | undefined;

  async decode(input: unknown, options: DecodeOptions = {}): Promise<DecodedRecording> {
    options.signal?.throwIfAborted();
    if (!this.blocked && (await this.start())) return this.postJob(input, options);
    this.lastThread = 'main';
    return decodeOnMainThread(input, options);
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
        worker.onmessage = ({ data }: MessageEvent<WorkerResponse>) => {
          if (data.type === 'ready') resolve(data.v === PROTOCOL_VERSION);
          else this.onResponse(data);
        };
        // Chromium does not throw from `new Worker()` under a CSP that blocks it: an error event
        // comes later instead, before `ready`.
        worker.onerror = (event) => {
          event.preventDefault();
          this.fail();
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

  private postJob(
    input: unknown,
    { signal, onProgress }: DecodeOptions,
  ): Promise<DecodedRecording> {
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    this.lastThread = 'worker';
    return new Promise<DecodedRecording>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => this.cancel(id, signal.reason), { once: true });
      const { payload, transfer } = toTransferable(input);
      const request: WorkerRequest = { type: 'decode', v: PROTOCOL_VERSION, id, input: payload };
      this.worker!.postMessage(request, transfer);
    });
  }

  private onResponse(response: Exclude<WorkerResponse, { type: 'ready' }>) {
    const job = this.jobs.get(response.id);
    if (!job) return;
    if (response.type === 'progress') {
      job.onProgress?.(response.progress);
      return;
    }
    this.jobs.delete(response.id);
    if (response.type === 'result') job.resolve(response.recording);
    else job.reject(new DecodeError(response.error.code, response.error.message));
    this.scheduleIdleStop();
  }

  /** A cancelled job: reject it now; when it was the only one, stopping the worker ends it too. */
  private cancel(id: number, reason: unknown) {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    job.reject(reason);
    if (this.jobs.size === 0) this.stop();
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

async function decodeOnMainThread(
  input: unknown,
  { signal, onProgress }: DecodeOptions,
): Promise<DecodedRecording> {
  // Let the caller's task finish (and paint the loading view) before the synchronous decode.
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
  mainThreadDecoder ??= decoderRuntime();
  try {
    return mainThreadDecoder.decodeRecording(input, { onProgress });
  } catch (error) {
    const failure = mainThreadDecoder.toDecodeFailure(error);
    throw new DecodeError(failure.code, failure.message);
  }
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
