/** PostHog "Export to file", version 2022-12-02: events grouped by window id (§5.1). */
import type { RawSnapshot, RecordingFormat } from '../types.js';
import { isObject } from './common.js';

export const EXPORT_V1_VERSION = '2022-12-02';

export const exportV1: RecordingFormat = {
  id: 'posthog-export-v1',
  label: `PostHog export (${EXPORT_V1_VERSION})`,
  matches: (value) =>
    isObject(value) &&
    value.version === EXPORT_V1_VERSION &&
    isObject(value.data) &&
    isObject(value.data.snapshotsByWindowId),
  extract: (value) => {
    const byWindow = (value as { data: { snapshotsByWindowId: Record<string, unknown> } }).data
      .snapshotsByWindowId;
    return extractByWindow(byWindow);
  },
};

/** `{windowId: [events]}`, as in export v1 and the legacy API; each window list is one batch. */
export function extractByWindow(byWindow: Record<string, unknown>): RawSnapshot[] {
  const out: RawSnapshot[] = [];
  let batch = 0;
  for (const [windowId, events] of Object.entries(byWindow)) {
    const list = Array.isArray(events) ? events : [events];
    for (const event of list) out.push({ windowId, event, batch });
    batch++;
  }
  return out;
}
