/**
 * Picks the format for a parsed value (§7.5), peeling `result` wrappers, and explains in plain
 * words why a value that matched nothing is not a recording.
 */
import { DecodeError, type RecordingFormat } from './types.js';
import { isObject } from './shapes/common.js';
import { EXPORT_V1_VERSION } from './shapes/export-v1.js';
import { EXPORT_V2_VERSION } from './shapes/export-v2.js';

export interface Detected {
  format: RecordingFormat;
  value: unknown;
  /** Value-level wrappers peeled off, e.g. `result`. */
  wrappers: string[];
}

export function detectFormat(value: unknown, formats: readonly RecordingFormat[]): Detected {
  const wrappers: string[] = [];
  // Old API answers were sometimes wrapped in `{result: …}`; a few levels is plenty.
  for (let depth = 0; depth < 4; depth++) {
    const format = formats.find((f) => f.matches(value));
    if (format) return { format, value, wrappers };
    if (isObject(value) && 'result' in value && !('version' in value)) {
      wrappers.push('result');
      value = value.result;
      continue;
    }
    break;
  }
  throw new DecodeError(4, explainUnrecognised(value));
}

const SUPPORTED_VERSIONS = `this player reads ${EXPORT_V1_VERSION} and ${EXPORT_V2_VERSION}`;

function explainUnrecognised(value: unknown): string {
  if (isObject(value)) {
    if ('version' in value) {
      const version = JSON.stringify(value.version);
      if (value.version !== EXPORT_V1_VERSION && value.version !== EXPORT_V2_VERSION) {
        return `Unsupported PostHog export version ${version}; ${SUPPORTED_VERSIONS}.`;
      }
      const wanted =
        value.version === EXPORT_V2_VERSION ? 'data.snapshots' : 'data.snapshotsByWindowId';
      const what = 'data' in value ? `its data has no ${wanted}` : 'it has no data';
      return `This PostHog export (version ${version}) cannot be read: ${what}.`;
    }
    if ('recording_duration' in value || ('start_time' in value && 'distinct_id' in value)) {
      return (
        'This is recording metadata (GET …/session_recordings/:id), not its snapshots; load ' +
        '…/session_recordings/:id/snapshots?source=… instead.'
      );
    }
    if (Array.isArray(value.sources)) {
      return (
        'This is a list of snapshot sources, not the snapshots themselves; fetch each source ' +
        '(e.g. ?source=blob_v2&start_blob_key=0&end_blob_key=N) and load that instead.'
      );
    }
  }
  return `This file is JSON but not a session recording (found ${describe(value)}).`;
}

/** A short description of a JSON value, e.g. "an object with keys hello, world". */
export function describe(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty array';
    return `an array of ${value.length} item${value.length === 1 ? '' : 's'}, the first being ${describe(value[0])}`;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 6).join(', ');
    return `an object with keys ${shown}${keys.length > 6 ? ', …' : ''}`;
  }
  if (typeof value === 'string') return `a string`;
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
