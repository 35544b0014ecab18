/** Bytes ↔ text: strict UTF-8 (to tell text from binary), lenient UTF-8, BOM handling. */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { ignoreBOM: false });

/** Decodes UTF-8, dropping a BOM; null when the bytes are not valid UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes UTF-8, replacing invalid sequences with U+FFFD; drops a BOM. */
export function lenientUtf8(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const FORM_PREFIX = [0x64, 0x61, 0x74, 0x61, 0x3d]; // "data="

/**
 * True when the body is evidently text: after an optional BOM and whitespace it starts with a
 * JSON opener (`{`, `[`, `"`) or with `data=` (§7.3). Binary snappy bodies never do.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (FORM_PREFIX.every((b, k) => bytes[i + k] === b)) return true;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b || bytes[i] === 0x22;
}
