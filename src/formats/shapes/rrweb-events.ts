/** A plain rrweb `eventWithTime[]`, as rrweb's `record()` emits it: one window (§5.3). */
import type { RecordingFormat } from '../types.js';
import { extractEventList, isEventLike, isObject, nonEmptyArray } from './common.js';

export const rrwebEvents: RecordingFormat = {
  id: 'rrweb-events',
  label: 'rrweb event array',
  // Non-event objects inside are tolerated (dropped with a warning later); one event suffices.
  matches: (value) =>
    nonEmptyArray(value) &&
    value.every((item) => isObject(item) && !('windowId' in item) && typeof item.event !== 'string') &&
    value.some(isEventLike),
  extract: (value) => extractEventList(value as unknown[]),
};
