/**
 * The typed messages between the page and the decode worker.
 *
 * The page sends `decode` jobs. The worker answers each job id with `progress` messages while it
 * decodes, then either one `error`, or one `report` followed by `events` messages: consecutive
 * slices of the decoded events in time order, each a JSON array text (the worker stringifies, the
 * page parses one slice per task: cloning one big array of objects would block the page for
 * about a second on a 30 MB recording, and a JSON text crosses as a flat string copy). The last
 * slice has `done: true`; slices are numbered from 0 so the page can check none went missing.
 * The first slice reaches at least the recording's first FullSnapshot.
 *
 * `ready` is sent once at start-up so that the page transfers no buffer to a worker that a
 * Content-Security-Policy stopped from running (a transferred buffer cannot be taken back).
 */
import type {
  DecodeErrorCode,
  DecodeProgress,
  DecodeReport,
  RecordingEvent,
} from '../formats/types.js';

export const PROTOCOL_VERSION = 2;

export type WorkerRequest = {
  type: 'decode';
  v: typeof PROTOCOL_VERSION;
  id: number;
  /** Raw bytes (an ArrayBuffer, transferred), text, or an already-parsed JSON value (cloned). */
  input: unknown;
  /** Aim for slices of about this many characters of JSON (a larger event is a slice alone). */
  sliceChars?: number;
};

export type WorkerResponse =
  | { type: 'ready'; v: typeof PROTOCOL_VERSION }
  | { type: 'progress'; id: number; progress: DecodeProgress }
  /** Decoding is done; `events` messages follow (at least one). */
  | { type: 'report'; id: number; report: DecodeReport }
  /** The next events in time order; `index` counts from 0; the last slice has `done`. */
  | { type: 'events'; id: number; index: number; events: RecordingEvent[]; done: boolean }
  | { type: 'error'; id: number; error: { code: DecodeErrorCode; message: string } };
