/**
 * The typed messages between the page and the decode worker. The page sends `decode` jobs; the
 * worker answers each job id with `progress` messages, then exactly one `result` or `error`.
 * `ready` is sent once at start-up so that the page transfers no buffer to a worker that a
 * Content-Security-Policy stopped from running (a transferred buffer cannot be taken back).
 */
import type { DecodedRecording, DecodeErrorCode, DecodeProgress } from '../formats/types.js';

export const PROTOCOL_VERSION = 1;

export type WorkerRequest = {
  type: 'decode';
  v: typeof PROTOCOL_VERSION;
  id: number;
  /** Raw bytes (an ArrayBuffer, transferred), text, or an already-parsed JSON value (cloned). */
  input: unknown;
};

export type WorkerResponse =
  | { type: 'ready'; v: typeof PROTOCOL_VERSION }
  | { type: 'progress'; id: number; progress: DecodeProgress }
  | { type: 'result'; id: number; recording: DecodedRecording }
  | { type: 'error'; id: number; error: { code: DecodeErrorCode; message: string } };
