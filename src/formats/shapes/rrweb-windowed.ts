/** PostHog's "rrweb" and "raw" exports: a bare array of events that carry `windowId` (§5.3). */
import type { RecordingFormat } from '../types.js';
import {
  extractEventList,
  isEventLike,
  isLineOrCapture,
  isV2Pair,
  nonEmptyArray,
} from './common.js';

export const rrwebWindowed: RecordingFormat = {
  id: 'rrweb-windowed-events',
  label: 'rrweb events with PostHog window ids',
  matches: (value) =>
    nonEmptyArray(value) &&
    !isV2Pair(value) &&
    value.some((item) => isEventLike(item) && 'windowId' in item) &&
    !value.some(isLineOrCapture),
  extract: (value) => extractEventList(value as unknown[]),
};
