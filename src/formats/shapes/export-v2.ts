/** PostHog "Export to file", version 2023-04-28: processed events carrying `windowId` (§5.2). */
import type { RecordingFormat } from '../types.js';
import { extractEventList, isObject } from './common.js';

export const EXPORT_V2_VERSION = '2023-04-28';

export const exportV2: RecordingFormat = {
  id: 'posthog-export-v2',
  label: `PostHog export (${EXPORT_V2_VERSION})`,
  matches: (value) =>
    isObject(value) &&
    value.version === EXPORT_V2_VERSION &&
    isObject(value.data) &&
    Array.isArray(value.data.snapshots),
  extract: (value) => {
    const data = (value as { data: { snapshots: unknown[] } }).data;
    return extractEventList(data.snapshots);
  },
};
