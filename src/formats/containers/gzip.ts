/** gzip (magic 1f 8b): early v1 blobs, captured `/s/` bodies, user-gzipped files, cv fields. */
import { Gunzip, gunzipSync } from 'fflate';
import { concatBytes } from '../../utils/bytes.js';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Deflate cannot expand more than ~1032×; a larger size claim in the trailer is corruption. */
const MAX_RATIO = 1100;

/**
 * Gunzips `bytes`. fflate's one-shot path pre-allocates the size written in the gzip trailer,
 * so a corrupt trailer would ask for gigabytes; such inputs go through the streaming inflater,
 * which grows as it goes.
 */
export function gunzip(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const claimed =
    n >= 18
      ? (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0
      : -1;
  if (claimed >= 0 && claimed <= n * MAX_RATIO + 1024) return gunzipSync(bytes);
  const chunks: Uint8Array[] = [];
  const stream = new Gunzip((chunk) => chunks.push(chunk));
  stream.push(bytes, true);
  return concatBytes(chunks);
}

/**
 * Gunzips `bytes` with the platform's `DecompressionStream` (native code; in Chromium several
 * times faster than fflate). Resolves null when there is none or when it fails (corrupt data,
 * bytes after the gzip member, several members): the caller then goes the fflate way, which
 * handles those cases and words the errors.
 */
export async function gunzipNative(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (typeof DecompressionStream !== 'function' || typeof Response !== 'function') return null;
  try {
    const input = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
        controller.close();
      },
    });
    const stream = input.pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}
