import { DecodeError, type DecodeErrorCode } from '../formats/types.js';

/** Any thrown value as the `{code, message}` the worker protocol carries. */
export function toDecodeFailure(error: unknown): { code: DecodeErrorCode; message: string } {
  if (error instanceof DecodeError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 3, message: `The recording could not be decoded (${detail}).` };
}
