/**
 * The typed messages between the page and the decode worker.
 *
 * The page sends `decode` jobs (the whole input at once), or streamed jobs: `open`, the bytes in
 * `chunk` messages as they download, `close`. The worker answers each job id with `progress`
 * messages while it decodes, then with `events` messages: consecutive slices of the decoded
 * events in time order, each small (about 100 k characters of JSON) so that the page
 * deserialises one per task (cloning one big array of objects would block the page for about a
 * second on a 30 MB recording). Each slice crosses as JSON text that the page parses: a string
 * copies flat, `JSON.parse` of a large FullSnapshot is several times cheaper than deserialising
 * the same object graph, and parsed objects take ~15 % less heap than structured-cloned ones
 * (V8 lays them out with in-object properties), which the player keeps for the whole session. The last slice has `done: true`; slices are numbered from 0 so
 * the page can check none went missing. A streamed job sends slices while the bytes are still
 * coming, and may send `reset` when what it sent turned out not to be final. Any job may end in
 * one `error` instead, even after slices.
 *
 * `ready` is sent once at start-up so that the page transfers no buffer to a worker that a
 * Content-Security-Policy stopped from running (a transferred buffer cannot be taken back).
 */
import type { DecodeErrorCode, DecodeProgress, DecodeReport } from '../formats/types.js';

export const PROTOCOL_VERSION = 3;

export type WorkerRequest =
  | {
      type: 'decode';
      v: typeof PROTOCOL_VERSION;
      id: number;
      /** Raw bytes (an ArrayBuffer, transferred), text, or an already-parsed JSON value (cloned). */
      input: unknown;
      /** Aim for slices of about this many characters of JSON (a larger event is a slice alone). */
      sliceChars?: number;
    }
  /** A job whose bytes follow in `chunk` messages as they download, then `close`. */
  | { type: 'open'; v: typeof PROTOCOL_VERSION; id: number; sliceChars?: number }
  | { type: 'chunk'; id: number; bytes: ArrayBuffer }
  | { type: 'close'; id: number }
  /** The page no longer wants job `id` (its bytes stop coming). */
  | { type: 'cancel'; id: number };

export type WorkerResponse =
  | { type: 'ready'; v: typeof PROTOCOL_VERSION }
  | { type: 'progress'; id: number; progress: DecodeProgress }
  /**
   * The next events in time order, with the report of everything decoded so far; `index`
   * counts from 0 (and from 0 again after a `reset`); the last slice has `done`.
   */
  | {
      type: 'events';
      id: number;
      index: number;
      /** The events as a JSON array text (see above). */
      json: string;
      report: DecodeReport;
      done: boolean;
    }
  /** A streamed job's events sent so far were not final: forget them, they all come again. */
  | { type: 'reset'; id: number }
  | { type: 'error'; id: number; error: { code: DecodeErrorCode; message: string } };
