/** The paged snapshots API of early 2023: `{snapshot_data_by_window_id, next}` (§3.1, §3.2). */
import type { RecordingFormat } from '../types.js';
import { isObject } from './common.js';
import { extractByWindow } from './export-v1.js';

export const legacyApi: RecordingFormat = {
  id: 'posthog-legacy-api',
  label: 'PostHog snapshots API response (legacy, by window)',
  matches: (value) => isObject(value) && isObject(value.snapshot_data_by_window_id),
  extract: (value) =>
    extractByWindow(
      (value as { snapshot_data_by_window_id: Record<string, unknown> }).snapshot_data_by_window_id,
    ),
};
