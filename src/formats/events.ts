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

/** Why a raw snapshot was not kept (remembered in a PrepareCache so the reason is told again). */
type Dropped = 'not-event' | 'cv-corrupt' | 'unplayable' | 'mobile' | { cv: string };

/**
 * What prepareEvents made of each raw event object it saw. A streamed recording is decoded
 * again and again as it grows (each time over everything so far); with the cache each event is
 * decompressed and copied once, and every pass returns the very same event objects.
 */
export type PrepareCache = WeakMap<object, Prepared['event'] | Dropped>;

export function prepareEvents(
  raws: RawSnapshot[],
  notes: Notes,
  onBatch: (done: number) => void,
  cache?: PrepareCache,
): { prepared: Prepared[]; dropped: number } {
  const prepared: Prepared[] = [];
  let dropped = 0;
  for (let i = 0; i < raws.length; i++) {
    if (i % 2000 === 1999) onBatch(i);
    const { event: raw, windowId, batch = 0 } = raws[i];
    const known = cache && typeof raw === 'object' && raw !== null ? cache.get(raw) : undefined;
    const outcome = known ?? prepareOne(raw, windowId);
    if (cache && !known && typeof raw === 'object' && raw !== null) cache.set(raw, outcome);
    if (isDropped(outcome)) {
      if (outcome === 'mobile') throw new MobileRecordingError();
      dropped++;
      noteDropped(outcome, notes);
      continue;
    }
    prepared.push({ event: outcome, batch });
  }
  return { prepared, dropped };
}

function isDropped(outcome: Prepared['event'] | Dropped): outcome is Dropped {
  return typeof outcome === 'string' || !('type' in outcome);
}

/** Our own copy of one raw event, decompressed and tagged, or why it cannot be kept. */
function prepareOne(raw: unknown, windowId: string): Prepared['event'] | Dropped {
  if (!isEventLike(raw)) return 'not-event';
  // A shallow copy: decoding replaces `data` rather than editing it, so callers' objects stay intact.
  const event: JsonObject = { ...raw };
  const outcome = decompressEvent(event);
  if (outcome === 'unknown-version') return { cv: JSON.stringify(raw.cv) };
  if (outcome === 'corrupt') return 'cv-corrupt';
  if (isMobileEvent(event)) return 'mobile';
  if (!isPlayableShape(event)) return 'unplayable';
  fillMutationArrays(event);
  event.windowId = windowId;
  return event as Prepared['event'];
}

function noteDropped(reason: Dropped, notes: Notes): void {
  if (typeof reason === 'object') {
    const version = reason.cv;
    notes.count(
      `cv ${version}`,
      (n) =>
        `${plural(n, 'event')} compressed with unknown version ${version} could not be read and ${were(n)} dropped.`,
    );
  } else if (reason === 'not-event') {
    notes.count(
      'not-event',
      (n) =>
        `${plural(n, 'item')} that ${n === 1 ? 'is' : 'are'} not rrweb events ${were(n)} skipped.`,
    );
  } else if (reason === 'cv-corrupt') {
    notes.count(
      'cv-corrupt',
      (n) =>
        `${plural(n, 'compressed event')} could not be decompressed (corrupt or cut short) and ${were(n)} dropped.`,
    );
  } else if (reason === 'unplayable') {
    notes.count(
      'unplayable',
      (n) => `${plural(n, 'event')} with malformed snapshot data ${were(n)} dropped.`,
    );
  }
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
