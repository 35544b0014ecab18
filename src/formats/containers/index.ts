/**
 * Peels byte-level wrappers until text remains (§7.1–7.4): gzip, length-prefixed snappy, raw
 * snappy, `data=` form bodies, UTF-8 with BOM. Each peeled wrapper is named in `containers`.
 */
import { DecodeError } from '../types.js';
import { decodeFormData, isFormData } from './form-data.js';
import { gunzip, isGzip } from './gzip.js';
import { lengthPrefixedSnappy, rawSnappy } from './snappy.js';
import { lenientUtf8, looksLikeText, strictUtf8, stripBom } from './text.js';

export interface Unwrapped {
  text: string;
  containers: string[];
  warnings: string[];
}

const MAX_LAYERS = 8;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Snappy output is only believed when it is what PostHog puts inside: text or gzip. */
function plausible(bytes: Uint8Array): boolean {
  return looksLikeText(bytes) || isGzip(bytes);
}

export function unwrapBytes(input: Uint8Array): Unwrapped {
  const containers: string[] = [];
  const warnings: string[] = [];
  let bytes = input;
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    if (isGzip(bytes)) {
      try {
        bytes = gunzip(bytes);
      } catch (error) {
        throw new DecodeError(3, `The gzip data is corrupt or cut short (${messageOf(error)}).`);
      }
      containers.push('gzip');
      continue;
    }
    if (isZip(bytes)) {
      throw new DecodeError(4, 'This is a ZIP archive; unpack it and load the recording inside.');
    }
    let text: string | null = null;
    if (looksLikeText(bytes)) text = strictUtf8(bytes);
    if (text === null) {
      const chain = lengthPrefixedSnappy(bytes);
      if (chain && plausible(chain.bytes)) {
        containers.push('snappy-length-prefixed');
        if (chain.skippedTail)
          warnings.push('The last snappy block was cut short and was skipped.');
        bytes = chain.bytes;
        continue;
      }
      const raw = rawSnappy(bytes);
      if (raw && plausible(raw)) {
        containers.push('snappy');
        bytes = raw;
        continue;
      }
      text = lenientUtf8(bytes);
    }
    const result = unwrapText(text);
    if (typeof result === 'string') return { text: result, containers, warnings };
    containers.push('form-data-base64');
    bytes = result;
  }
  throw new DecodeError(3, `The data is wrapped more than ${MAX_LAYERS} times; giving up.`);
}

/** Strips a BOM; a `data=` form body comes back as the bytes it carries. */
export function unwrapText(text: string): string | Uint8Array {
  text = stripBom(text);
  if (!isFormData(text)) return text;
  const bytes = decodeFormData(text);
  if (!bytes)
    throw new DecodeError(3, 'The body starts with "data=" but its value is not valid base64.');
  return bytes;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
