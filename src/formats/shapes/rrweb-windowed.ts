/** PostHog's "rrweb" and "raw" exports: a bare array of events that carry `windowId` (§5.3). */
import type { RecordingFormat } from '../types.js';
import { extractEventList, isEventLike, isObject, nonEmptyArray } from './common.js';

export const rrwebWindowed: RecordingFormat = {
  id: 'rrweb-windowed-events',
  label: 'rrweb events with PostHog window ids',
  matches: (value) =>
    nonEmptyArray(value) &&
    value.every(isObject) &&
    value.every((item) => isEventLike(item) || !('windowId' in item)) &&
    value.some((item) => isEventLike(item) && 'windowId' in item),
  extract: (value) => extractEventList(value as unknown[]),
};
