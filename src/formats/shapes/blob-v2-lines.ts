/** blob_v2 / blob_v2_lts bodies: one `[windowId, event]` per line (§3.4b, §3.5). */
import type { RecordingFormat } from '../types.js';
import { extractLines, isV2Pair, nonEmptyArray } from './common.js';

export const blobV2Lines: RecordingFormat = {
  id: 'posthog-blob-v2',
  label: 'PostHog blob_v2 snapshot lines',
  // A one-line body parses as a single pair rather than a list of them.
  matches: (value) => isV2Pair(value) || (nonEmptyArray(value) && value.every(isV2Pair)),
  extract: (value) => extractLines(isV2Pair(value) ? [value] : (value as unknown[])),
};
