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
 *
 * Cheap on purpose (it runs on every decode): a lone event is never looked at; a run whose events
 * all share one batch, `delay` and `seq` cannot hold a duplicate (so a plain rrweb array, which
 * has none of them, is never hashed); otherwise only events whose type, source and window repeat
 * within the run are serialised and compared.
 */
export function dedupe(prepared: Prepared[], notes: Notes): Prepared[] {
  const out: Prepared[] = [];
  let dropped = 0;
  for (let i = 0; i < prepared.length;) {
    const ts = prepared[i].event.timestamp;
    let j = i + 1;
    while (j < prepared.length && prepared[j].event.timestamp === ts) j++;
    if (j - i === 1 || cannotRepeat(prepared, i, j)) {
      for (let k = i; k < j; k++) out.push(prepared[k]);
    } else {
      dropped += dedupeRun(prepared, i, j, out);
    }
    i = j;
  }
  if (dropped > 0) notes.add(`${plural(dropped, 'duplicate event')} ${were(dropped)} dropped.`);
  return out;
}

/** True when no two events of `prepared[i..j)` differ in batch, `delay` or `seq`. */
function cannotRepeat(prepared: Prepared[], i: number, j: number): boolean {
  const { batch, event } = prepared[i];
  for (let k = i + 1; k < j; k++) {
    const other = prepared[k];
    if (
      other.batch !== batch ||
      other.event.delay !== event.delay ||
      other.event.seq !== event.seq
    ) {
      return false;
    }
  }
  return true;
}

/** A cheap part of the de-duplication key: events that differ here cannot be repeats. */
function fingerprint(event: Tagged): string {
  const data = event.data;
  const source = typeof data === 'object' && data !== null ? (data as JsonObject).source : '';
  return `${event.windowId}\u0000${String(event.type)}\u0000${String(source)}`;
}

/** De-duplicates one run of equal timestamps into `out`; returns how many it dropped. */
function dedupeRun(prepared: Prepared[], i: number, j: number, out: Prepared[]): number {
  const counts = new Map<string, number>();
  const prints: string[] = [];
  for (let k = i; k < j; k++) {
    const print = fingerprint(prepared[k].event);
    prints.push(print);
    counts.set(print, (counts.get(print) ?? 0) + 1);
  }
  let dropped = 0;
  const seen = new Map<string, { key: string; item: Prepared }[]>();
  for (let k = i; k < j; k++) {
    const item = prepared[k];
    const { event } = item;
    const print = prints[k - i];
    if (event.isMutationChunk || counts.get(print) === 1) {
      out.push(item);
      continue;
    }
    const key = dedupeKey(event);
    const kept = seen.get(print) ?? [];
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
    seen.set(print, kept);
    out.push(item);
  }
  return dropped;
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
