/** `source=realtime`, `version=og`: `{snapshots: [{window_id, data: [events]}]}` (§3.3). */
import type { RecordingFormat } from '../types.js';
import { extractLines, isObject, isV1Line } from './common.js';

export const realtime: RecordingFormat = {
  id: 'posthog-realtime',
  label: 'PostHog realtime snapshots response',
  matches: (value) =>
    isObject(value) && Array.isArray(value.snapshots) && value.snapshots.every(isV1Line),
  extract: (value) => extractLines((value as { snapshots: unknown[] }).snapshots),
};
