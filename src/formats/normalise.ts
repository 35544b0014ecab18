/**
 * Ordering and repair after decoding (§4.3, §4.4, §8): timestamps back-filled, stable sort,
 * same-millisecond de-duplication, Meta patched in before FullSnapshots, windows summarised.
 */
import type { Prepared } from './events.js';
import { Notes, plural, were } from './notes.js';
import type { JsonObject } from './shapes/common.js';
import type { RecordingEvent, WindowSummary } from './types.js';

type Tagged = Prepared['event'];

/** Gives events without a numeric timestamp their file-order neighbour's (the previous, else the next). */
export function backfillTimestamps(prepared: Prepared[], notes: Notes): void {
  const missing = prepared.filter(({ event }) => !Number.isFinite(event.timestamp)).length;
  if (missing === 0) return;
  let previous: number | undefined;
  const known = prepared.find(({ event }) => Number.isFinite(event.timestamp));
  const firstKnown = known ? (known.event.timestamp as number) : undefined;
  for (const { event } of prepared) {
    if (Number.isFinite(event.timestamp)) previous = event.timestamp as number;
    else event.timestamp = previous ?? firstKnown ?? 0;
  }
  notes.add(
    firstKnown === undefined
      ? `No event has a timestamp; ${missing === 1 ? 'it was' : `all ${missing} were`} placed at time 0.`
      : `${plural(missing, 'event')} had no timestamp and ${were(missing)} given the timestamp of the event before (or after) ${missing === 1 ? 'it' : 'them'}.`,
  );
}

/** Stable sort by timestamp: events of the same millisecond keep their file order (rrweb#611). */
export function sortByTime(prepared: Prepared[]): void {
  prepared.sort((a, b) => (a.event.timestamp as number) - (b.event.timestamp as number));
}

function dedupeKey(event: JsonObject): string {
  const rest: JsonObject = {};
  for (const key in event) {
    if (key !== 'delay' && key !== 'seq' && key !== 'isMutationChunk') rest[key] = event[key];
  }
  return JSON.stringify(rest);
}

/**
 * Drops repeats within runs of equal timestamps in one window. A repeat is a duplicate when it
 * came from another line/batch (ingestion wrote it twice) or differs only by `delay`/`seq` (an
 * export read back). An exact repeat inside one batch is the page doing the same thing twice and
 * stays. Mutation chunks share timestamps by design and are never dropped.
 */
export function dedupe(prepared: Prepared[], notes: Notes): Prepared[] {
  const out: Prepared[] = [];
  let dropped = 0;
  for (let i = 0; i < prepared.length;) {
    const ts = prepared[i].event.timestamp;
    let j = i + 1;
    while (j < prepared.length && prepared[j].event.timestamp === ts) j++;
    if (j - i === 1) {
      out.push(prepared[i]);
    } else {
      const seen = new Map<string, { key: string; item: Prepared }[]>();
      for (let k = i; k < j; k++) {
        const item = prepared[k];
        const { event } = item;
        if (event.isMutationChunk) {
          out.push(item);
          continue;
        }
        const key = dedupeKey(event);
        const kept = seen.get(event.windowId) ?? [];
        const duplicate = kept.some(
          (other) =>
            other.key === key &&
            (other.item.batch !== item.batch ||
              other.item.event.delay !== event.delay ||
              other.item.event.seq !== event.seq),
        );
        if (duplicate) {
          dropped++;
          continue;
        }
        kept.push({ key, item });
        seen.set(event.windowId, kept);
        out.push(item);
      }
    }
    i = j;
  }
  if (dropped > 0) notes.add(`${plural(dropped, 'duplicate event')} ${were(dropped)} dropped.`);
  return out;
}

const DEFAULT_META = { width: 1280, height: 720, href: '' };

/**
 * rrweb shows nothing for a FullSnapshot without a Meta before it (§8). Patch one in, sized like
 * the last Meta seen in any window (else the recording's first Meta, else 1280×720).
 */
export function patchMeta(events: Tagged[], notes: Notes): Tagged[] {
  const metaSinceFull = new Set<string>();
  const firstMeta = events.find((e) => e.type === 4);
  let lastMeta: Tagged | undefined;
  let patched = 0;
  let defaulted = false;
  const out: Tagged[] = [];
  for (const event of events) {
    if (event.type === 4) {
      metaSinceFull.add(event.windowId);
      lastMeta = event;
    } else if (event.type === 2) {
      if (!metaSinceFull.has(event.windowId)) {
        const source = lastMeta ?? firstMeta;
        const data =
          source && typeof source.data === 'object' ? { ...source.data } : { ...DEFAULT_META };
        defaulted ||= !source;
        out.push({ type: 4, timestamp: event.timestamp, data, windowId: event.windowId });
        patched++;
      }
      metaSinceFull.delete(event.windowId);
    }
    out.push(event);
  }
  if (patched > 0) {
    const size = defaulted
      ? 'a default 1280×720 page size'
      : 'the page size of a nearby Meta event';
    notes.add(
      `${plural(patched, 'full snapshot')} had no Meta event before ${patched === 1 ? 'it' : 'them'}; one was added with ${size}.`,
    );
  }
  return out;
}

/** Windows in order of first appearance in time, with what the player needs to label them. */
export function summariseWindows(events: RecordingEvent[], notes: Notes): WindowSummary[] {
  const windows = new Map<string, WindowSummary>();
  for (const event of events) {
    let summary = windows.get(event.windowId);
    if (!summary) {
      summary = {
        id: event.windowId,
        index: windows.size + 1,
        eventCount: 0,
        firstTimestamp: event.timestamp,
        lastTimestamp: event.timestamp,
        hasFullSnapshot: false,
      };
      windows.set(event.windowId, summary);
    }
    summary.eventCount++;
    summary.lastTimestamp = event.timestamp;
    if (event.type === 2) summary.hasFullSnapshot = true;
  }
  const list = [...windows.values()];
  if (list.length > 1 || list.some((w) => !w.hasFullSnapshot)) {
    for (const w of list) {
      const name = `Window ${w.index} of ${list.length}${w.id ? ` (${w.id})` : ''}`;
      if (!w.hasFullSnapshot) {
        notes.add(
          `${name} has no full snapshot, so its ${plural(w.eventCount, 'event')} cannot be shown.`,
        );
      } else if (w.eventCount < 2) {
        notes.add(`${name} has only one event and cannot be shown.`);
      }
    }
  }
  return list;
}
