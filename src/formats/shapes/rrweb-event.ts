/** One rrweb event on its own (a pasted event, or a single fixture). */
import type { RecordingFormat } from '../types.js';
import { extractEventList, isEventLike } from './common.js';

export const rrwebEvent: RecordingFormat = {
  id: 'rrweb-event',
  label: 'single rrweb event',
  matches: (value) => isEventLike(value) && 'data' in value,
  extract: (value) => extractEventList([value]),
};
