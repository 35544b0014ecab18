/**
 * Fetches a recording's bytes, handing them on and reporting progress as they arrive. Fails with
 * a ReplayMediaError (code 2) whose message names the URL and says what to try.
 */
import { ReplayMediaError } from '../core/media-error.js';

export interface FetchProgress {
  loaded: number;
  /** The body's size when the server said it and did not compress it on the wire. */
  total?: number;
}

/**
 * Requests `url` and yields the body's bytes as they arrive (for the decoder to start on them at
 * once), calling `onProgress` after each piece.
 */
export async function* fetchRecording(
  url: string,
  init: RequestInit | undefined,
  signal: AbortSignal,
  onProgress: (progress: FetchProgress) => void,
): AsyncGenerator<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ReplayMediaError(
      2,
      `Could not load the recording: the request for ${url} failed before the server answered. ` +
        'Check the address, your connection, and that the server allows this page (CORS).',
    );
  }
  if (!response.ok) {
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new ReplayMediaError(
      2,
      `Could not load the recording: ${status} for ${url}. ${hintFor(response.status)}`,
    );
  }
  const encoded = response.headers.get('content-encoding');
  const length = Number(response.headers.get('content-length'));
  const total = !encoded && length > 0 ? length : undefined;
  yield* readBody(response, url, signal, total, onProgress);
}

async function* readBody(
  response: Response,
  url: string,
  signal: AbortSignal,
  total: number | undefined,
  onProgress: (progress: FetchProgress) => void,
): AsyncGenerator<Uint8Array> {
  let loaded = 0;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress({ loaded: bytes.byteLength, total });
    yield bytes;
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (signal.aborted) throw error;
        throw new ReplayMediaError(
          2,
          `Could not load the recording: the connection broke while downloading ${url} ` +
            `(${formatBytes(loaded)} received). Try again.`,
        );
      }
      if (next.done) break;
      loaded += next.value.byteLength;
      onProgress({ loaded, total });
      yield next.value;
    }
  } finally {
    // The consumer stopped early (e.g. the load was cancelled): stop the download too.
    reader.cancel().catch(() => {});
  }
}

function hintFor(status: number): string {
  if (status === 404 || status === 410) return 'Check that the file exists at that address.';
  if (status === 401 || status === 403) return 'The server refused access: check the credentials.';
  if (status >= 500) return 'The server failed; try again later.';
  return 'Check the address.';
}

/** "340 KB", "1.6 MB": sizes for the loading view and messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
