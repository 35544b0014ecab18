/**
 * From whatever the page gave (a URL, bytes, a Blob, text, parsed JSON) to a decoded recording.
 * Every failure comes out as a ReplayMediaError with a sentence that names the source.
 */
import { ReplayMediaError } from '../core/media-error.js';
import { DecodeError, type DecodedRecording, type DecodeProgress } from '../formats/types.js';
import { decoder, type DecodeOptions } from './decode-client.js';
import { fetchRecording, type FetchProgress } from './fetch-recording.js';

export type RecordingSource =
  | { kind: 'url'; url: string; init?: RequestInit }
  | { kind: 'value'; value: unknown; label: string };

export interface LoadCallbacks {
  signal: AbortSignal;
  onFetchProgress(progress: FetchProgress): void;
  onDecodeProgress(progress: DecodeProgress): void;
  /** Decoded events as they reach the page, in time order (see DecodeOptions.onChunk). */
  onChunk?: DecodeOptions['onChunk'];
  /** The events given so far were not final; they all come again (see DecodeOptions.onReset). */
  onReset?: DecodeOptions['onReset'];
}

export async function loadRecording(
  source: RecordingSource,
  { signal, onFetchProgress, onDecodeProgress, onChunk, onReset }: LoadCallbacks,
): Promise<DecodedRecording> {
  // Start the worker while the bytes download, not after.
  decoder.warm();
  const options = { signal, onProgress: onDecodeProgress, onChunk, onReset };
  try {
    // A download is decoded as it arrives; a value the page holds is decoded whole.
    if (source.kind === 'url') {
      const chunks = fetchRecording(source.url, source.init, signal, onFetchProgress);
      return await decoder.decodeStream(chunks, options);
    }
    return await decoder.decode(await readValue(source.value), options);
  } catch (error) {
    if (signal.aborted || !(error instanceof DecodeError)) throw error;
    const where = source.kind === 'url' ? source.url : source.label;
    throw new ReplayMediaError(error.code, `Could not play ${where}: ${error.message}`);
  }
}

/** A Blob is read to bytes here; everything else goes to the decoder as it is. */
async function readValue(value: unknown): Promise<unknown> {
  if (typeof Blob !== 'undefined' && value instanceof Blob)
    return new Uint8Array(await value.arrayBuffer());
  if (ArrayBuffer.isView(value) && !(value instanceof Uint8Array)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  // Bytes are transferred to the worker; copy them so the page keeps its own buffer usable.
  if (value instanceof ArrayBuffer) return value.slice(0);
  if (value instanceof Uint8Array) return value.slice();
  return value;
}
