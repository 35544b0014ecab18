/**
 * Per-event compression `cv: "2024-10"` (§2.2): selected fields hold gzip bytes as a latin-1
 * string (one char per byte), which decode to JSON. This runs for most events of a real
 * recording, so it avoids per-char string work.
 */
import { strFromU8 } from 'fflate';
import { gunzip } from './containers/gzip.js';
import { isObject, type JsonObject } from './shapes/common.js';

export const KNOWN_CV = '2024-10';

const MUTATION = 0;
const STYLE_SHEET_RULE = 8;
const MUTATION_FIELDS = ['texts', 'attributes', 'removes', 'adds'] as const;
const STYLE_SHEET_FIELDS = ['adds', 'removes'] as const;

/** The fields posthog-js compresses for this incremental's source (none for most sources). */
function compressibleFields(data: JsonObject): readonly string[] {
  if (data.source === MUTATION) return MUTATION_FIELDS;
  if (data.source === STYLE_SHEET_RULE) return STYLE_SHEET_FIELDS;
  return [];
}

export type CvOutcome = 'plain' | 'decoded' | 'unknown-version' | 'corrupt';

function inflateField(value: string): unknown {
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) throw new Error('not a latin-1 byte string');
    bytes[i] = code;
  }
  return JSON.parse(strFromU8(gunzip(bytes)));
}

/**
 * Decompresses `event` in place (it is already our own copy) and removes its `cv` key, since its
 * fields are no longer compressed. On failure the event is left as it was.
 */
export function decompressEvent(event: JsonObject): CvOutcome {
  if (!('cv' in event)) return 'plain';
  if (event.cv !== KNOWN_CV) return 'unknown-version';
  try {
    const data = event.data;
    if (event.type === 2) {
      if (typeof data === 'string') event.data = inflateField(data);
    } else if (event.type === 3 && isObject(data)) {
      const fields = compressibleFields(data);
      const decoded: JsonObject = {};
      for (const field of fields) {
        if (typeof data[field] === 'string') decoded[field] = inflateField(data[field]);
      }
      event.data = { ...data, ...decoded };
    }
  } catch {
    return 'corrupt';
  }
  delete event.cv;
  return 'decoded';
}

/**
 * False for events rrweb cannot apply (§4.4): a FullSnapshot without an object `data.node` (or
 * mobile `wireframes`), a Mutation or StyleSheetRule with fields still compressed or not arrays.
 */
export function isPlayableShape(event: JsonObject): boolean {
  const data = event.data;
  if (event.type === 2)
    return isObject(data) && (isObject(data.node) || Array.isArray(data.wireframes));
  if (event.type === 3) {
    if (!isObject(data)) return false;
    return compressibleFields(data).every((f) => data[f] === undefined || Array.isArray(data[f]));
  }
  return true;
}
