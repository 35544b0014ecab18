/**
 * JSONL that mixes line shapes (v1 lines, v2 pairs, events carrying `windowId`), which is legal
 * when sources are concatenated (§7.6).
 */
import type { RecordingFormat } from '../types.js';
import { extractLines, isEventLike, isV1Line, isV2Pair, nonEmptyArray } from './common.js';

export const mixedLines: RecordingFormat = {
  id: 'posthog-mixed-lines',
  label: 'PostHog snapshot lines (mixed shapes)',
  matches: (value) => {
    if (!nonEmptyArray(value)) return false;
    let v1 = 0;
    let v2 = 0;
    let events = 0;
    for (const item of value) {
      if (isV1Line(item)) v1++;
      else if (isV2Pair(item)) v2++;
      else if (isEventLike(item) && 'windowId' in item) events++;
      else return false;
    }
    // Pure lists of one shape belong to their own formats.
    return [v1, v2, events].filter((n) => n > 0).length > 1;
  },
  extract: (value) => extractLines(value as unknown[]),
};
