/**
 * blob_v2 `decompress=false` bodies: `[u32 BE length][raw snappy block]…` (§3.4b); and
 * blob_v2_lts bodies: one raw snappy stream (§3.5). Both decode to JSONL text.
 */
import { uncompress } from 'snappyjs';

/** Snappy's densest op turns 3 bytes into 64, so a larger declared length is not snappy. */
const MAX_RATIO = 22;

/** Reads snappy's varint preamble (the uncompressed length), or -1 when it is malformed. */
function declaredLength(bytes: Uint8Array): number {
  let result = 0;
  for (let i = 0, shift = 0; i < 5 && i < bytes.length; i++, shift += 7) {
    const b = bytes[i];
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return result;
  }
  return -1;
}

/** Bytes taken by the varint preamble (1–5). */
function preambleSize(bytes: Uint8Array): number {
  let i = 0;
  while (i < 4 && bytes[i] & 0x80) i++;
  return i + 1;
}

/**
 * Walks the tag stream without writing anything and checks it decodes to exactly `declared`
 * bytes. snappyjs trusts its input: a literal whose 4-byte length has the top bit set turns
 * negative and moves its read position backwards, which can loop for seconds or forever.
 */
function isValidStream(bytes: Uint8Array, declared: number): boolean {
  const n = bytes.length;
  let pos = preambleSize(bytes);
  let out = 0;
  while (pos < n) {
    const c = bytes[pos++];
    const tag = c & 3;
    if (tag === 0) {
      let len = (c >>> 2) + 1;
      if (len > 60) {
        const extra = len - 60;
        if (pos + extra > n) return false;
        len = 1;
        for (let k = 0; k < extra; k++) len += bytes[pos + k] * 2 ** (8 * k);
        pos += extra;
      }
      if (pos + len > n) return false;
      pos += len;
      out += len;
    } else {
      let offset: number;
      let len: number;
      if (tag === 1) {
        if (pos + 1 > n) return false;
        len = ((c >>> 2) & 7) + 4;
        offset = ((c >>> 5) << 8) + bytes[pos];
        pos += 1;
      } else if (tag === 2) {
        if (pos + 2 > n) return false;
        len = (c >>> 2) + 1;
        offset = bytes[pos] + bytes[pos + 1] * 256;
        pos += 2;
      } else {
        if (pos + 4 > n) return false;
        len = (c >>> 2) + 1;
        offset =
          bytes[pos] +
          bytes[pos + 1] * 2 ** 8 +
          bytes[pos + 2] * 2 ** 16 +
          bytes[pos + 3] * 2 ** 24;
        pos += 4;
      }
      if (offset === 0 || offset > out) return false;
      out += len;
    }
    if (out > declared) return false;
  }
  return out === declared;
}

/** Decodes one raw snappy stream, or returns null when it is not one. */
export function rawSnappy(bytes: Uint8Array): Uint8Array | null {
  const length = declaredLength(bytes);
  if (length <= 0 || length > bytes.length * MAX_RATIO + 64) return null;
  if (!isValidStream(bytes, length)) return null;
  try {
    return uncompress(bytes, length);
  } catch {
    return null;
  }
}

/**
 * Walks the length-prefixed chain. Returns the blocks' bytes joined with `\n`, or null unless
 * the lengths tile the body (a truncated trailing block is tolerated and skipped, as PostHog's
 * parser does) and every whole block decodes.
 */
export function lengthPrefixedSnappy(
  bytes: Uint8Array,
): { bytes: Uint8Array; skippedTail: boolean } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks: Uint8Array[] = [];
  let offset = 0;
  let skippedTail = false;
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length) {
      skippedTail = true;
      break;
    }
    const length = view.getUint32(offset);
    if (length === 0) return null;
    if (offset + 4 + length > bytes.length) {
      if (blocks.length === 0) return null;
      skippedTail = true;
      break;
    }
    const block = rawSnappy(bytes.subarray(offset + 4, offset + 4 + length));
    if (!block) return null;
    blocks.push(block);
    offset += 4 + length;
  }
  if (blocks.length === 0) return null;
  const total = blocks.reduce((sum, b) => sum + b.length + 1, -1);
  const out = new Uint8Array(total);
  let at = 0;
  for (const block of blocks) {
    if (at > 0) out[at++] = 0x0a; // blocks are JSONL without their trailing newline
    out.set(block, at);
    at += block.length;
  }
  return { bytes: out, skippedTail };
}
