/** blob v1 and realtime JSONL: one `{window_id | windowId, data: [events]}` per line (§3.4a). */
import type { RecordingFormat } from '../types.js';
import { extractLines, isV1Line, nonEmptyArray } from './common.js';

export const blobV1Lines: RecordingFormat = {
  id: 'posthog-blob-v1',
  label: 'PostHog blob v1 snapshot lines',
  // A one-line body parses as a single line object rather than a list of them.
  matches: (value) => isV1Line(value) || (nonEmptyArray(value) && value.every(isV1Line)),
  extract: (value) => extractLines(isV1Line(value) ? [value] : (value as unknown[])),
};
