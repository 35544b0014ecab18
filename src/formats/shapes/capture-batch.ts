/**
 * What posthog-js POSTs to `/s/`: capture events named `$snapshot` whose `$snapshot_data` is an
 * array of rrweb events (or, before mid-2023, a single event) (§2.1, §2.3). Rows of an events
 * export, where `properties` or `$snapshot_data` may be JSON strings, read the same way.
 */
import type { RawSnapshot, RecordingFormat } from '../types.js';
import { isObject, nonEmptyArray, windowIdOf, type JsonObject } from './common.js';

function isCaptureEvent(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.event === 'string';
}

function isSnapshotEvent(value: unknown): value is JsonObject {
  return (
    isCaptureEvent(value) &&
    value.event === '$snapshot' &&
    (isObject(value.properties) || typeof value.properties === 'string')
  );
}

/** Parses a JSON string in place of a value; anything unparseable becomes undefined. */
function unstring(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export const captureBatch: RecordingFormat = {
  id: 'posthog-capture-batch',
  label: 'Captured PostHog SDK request ($snapshot events)',
  matches: (value) =>
    isSnapshotEvent(value) ||
    (nonEmptyArray(value) && value.every(isCaptureEvent) && value.some(isSnapshotEvent)),
  extract: (value) => {
    const out: RawSnapshot[] = [];
    const items = Array.isArray(value) ? value : [value];
    // Other analytics events in the same batch ($pageview …) are not part of the recording.
    items.filter(isSnapshotEvent).forEach((item, batch) => {
      const properties = unstring(item.properties);
      if (!isObject(properties)) return;
      const windowId = windowIdOf(properties.$window_id);
      const data = unstring(properties.$snapshot_data);
      for (const event of Array.isArray(data) ? data : [data]) out.push({ windowId, event, batch });
    });
    return out;
  },
};
