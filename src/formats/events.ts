/**
 * Turns raw snapshots into our own event copies: checks each is an rrweb event, decompresses
 * `cv` fields, refuses mobile data, drops what rrweb could not apply, tags the window.
 */
import { decompressEvent, isPlayableShape } from './cv.js';
import { isMobileEvent } from './mobile.js';
import { Notes, plural, were } from './notes.js';
import { isEventLike, isObject, type JsonObject } from './shapes/common.js';
import type { RawSnapshot } from './types.js';

export interface Prepared {
  event: JsonObject & { windowId: string };
  batch: number;
}

export class MobileRecordingError extends Error {}

const MUTATION_FIELDS = ['texts', 'attributes', 'removes', 'adds'];

export function prepareEvents(
  raws: RawSnapshot[],
  notes: Notes,
  onBatch: (done: number) => void,
): { prepared: Prepared[]; dropped: number } {
  const prepared: Prepared[] = [];
  let dropped = 0;
  for (let i = 0; i < raws.length; i++) {
    if (i % 2000 === 1999) onBatch(i);
    const { event: raw, windowId, batch = 0 } = raws[i];
    if (!isEventLike(raw)) {
      dropped++;
      notes.count(
        'not-event',
        (n) =>
          `${plural(n, 'item')} that ${n === 1 ? 'is' : 'are'} not rrweb events ${were(n)} skipped.`,
      );
      continue;
    }
    // A shallow copy: decoding replaces `data` rather than editing it, so callers' objects stay intact.
    const event: JsonObject = { ...raw };
    const outcome = decompressEvent(event);
    if (outcome === 'unknown-version') {
      dropped++;
      const version = JSON.stringify(raw.cv);
      notes.count(
        `cv ${version}`,
        (n) =>
          `${plural(n, 'event')} compressed with unknown version ${version} could not be read and ${were(n)} dropped.`,
      );
      continue;
    }
    if (outcome === 'corrupt') {
      dropped++;
      notes.count(
        'cv-corrupt',
        (n) =>
          `${plural(n, 'compressed event')} could not be decompressed (corrupt or cut short) and ${were(n)} dropped.`,
      );
      continue;
    }
    if (isMobileEvent(event)) throw new MobileRecordingError();
    if (!isPlayableShape(event)) {
      dropped++;
      notes.count(
        'unplayable',
        (n) => `${plural(n, 'event')} with malformed snapshot data ${were(n)} dropped.`,
      );
      continue;
    }
    fillMutationArrays(event);
    event.windowId = windowId;
    prepared.push({ event: event as Prepared['event'], batch });
  }
  return { prepared, dropped };
}

/** rrweb's replayer iterates all four mutation lists; PostHog may leave an empty one undefined. */
function fillMutationArrays(event: JsonObject): void {
  const data = event.data;
  if (event.type !== 3 || !isObject(data) || data.source !== 0) return;
  if (MUTATION_FIELDS.every((f) => Array.isArray(data[f]))) return;
  const filled: JsonObject = { ...data };
  for (const f of MUTATION_FIELDS) if (!Array.isArray(filled[f])) filled[f] = [];
  event.data = filled;
}
