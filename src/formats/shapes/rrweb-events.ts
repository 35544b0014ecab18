/** A plain rrweb `eventWithTime[]`, as rrweb's `record()` emits it: one window (§5.3). */
import type { RecordingFormat } from '../types.js';
import {
  extractEventList,
  isEventLike,
  isLineOrCapture,
  isObject,
  isV2Pair,
  nonEmptyArray,
} from './common.js';

export const rrwebEvents: RecordingFormat = {
  id: 'rrweb-events',
  label: 'rrweb event array',
  // Stray non-events inside are tolerated (dropped with a warning later); one event suffices.
  matches: (value) =>
    nonEmptyArray(value) &&
    !isV2Pair(value) &&
    value.some(isEventLike) &&
    !value.some((item) => isLineOrCapture(item) || (isObject(item) && 'windowId' in item)),
  extract: (value) => extractEventList(value as unknown[]),
};
