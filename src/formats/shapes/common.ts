/**
 * Shape predicates and helpers shared by the format modules. They look at parsed JSON only,
 * never at file names, so detection works the same for files, URLs and pasted data.
 */
import type { RawSnapshot } from '../types.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Something that can be an rrweb event: an object with a numeric `type`. */
export function isEventLike(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.type === 'number';
}

/** A blob v1 / realtime line: `{window_id | windowId, data: [events]}`. */
export function isV1Line(value: unknown): value is JsonObject & { data: unknown[] } {
  return (
    isObject(value) &&
    Array.isArray(value.data) &&
    typeof value.type !== 'number' &&
    (isWindowId(value.window_id) || isWindowId(value.windowId))
  );
}

/** A blob_v2 line: `[windowId, event]`. */
export function isV2Pair(value: unknown): value is [string | number, JsonObject] {
  return Array.isArray(value) && value.length === 2 && isWindowId(value[0]) && isObject(value[1]);
}

function isWindowId(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** PostHog window ids are strings on the wire and small numbers in newer exports. */
export function windowIdOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export function v1LineWindow(line: JsonObject): string {
  return windowIdOf(line.window_id ?? line.windowId);
}

/**
 * Numbers batches for flat event lists, where no line or block boundary survives: a new batch
 * starts whenever a window's time runs backwards, which is what a re-written block looks like.
 */
export class BatchCounter {
  private next = 0;
  private readonly current = new Map<string, { batch: number; last: number }>();

  /** Returns the batch number for an event of `windowId` at `timestamp` (unknown → same batch). */
  batchFor(windowId: string, timestamp: unknown): number {
    let state = this.current.get(windowId);
    if (!state) {
      state = { batch: this.next++, last: -Infinity };
      this.current.set(windowId, state);
    }
    if (typeof timestamp === 'number') {
      if (timestamp < state.last) state.batch = this.next++;
      state.last = timestamp;
    }
    return state.batch;
  }

  /** A batch number nobody else has, for formats that do know their line or batch boundaries. */
  fresh(): number {
    return this.next++;
  }
}

/** Flattens a list of events that may carry their own `windowId` (exports, rrweb arrays). */
export function extractEventList(events: unknown[], fallbackWindow = ''): RawSnapshot[] {
  const batches = new BatchCounter();
  return events.map((event) => {
    const windowId =
      isObject(event) && 'windowId' in event ? windowIdOf(event.windowId) : fallbackWindow;
    const timestamp = isObject(event) ? event.timestamp : undefined;
    return { windowId, event, batch: batches.batchFor(windowId, timestamp) };
  });
}

/** Flattens v1 lines, v2 pairs and windowed events in one list (JSONL may mix them). */
export function extractLines(lines: unknown[]): RawSnapshot[] {
  const batches = new BatchCounter();
  const out: RawSnapshot[] = [];
  for (const line of lines) {
    if (isV1Line(line)) {
      // One line is one ingested `$snapshot` message, so it is one batch.
      const windowId = v1LineWindow(line);
      const batch = batches.fresh();
      for (const event of line.data) out.push({ windowId, event, batch });
    } else if (isV2Pair(line)) {
      const windowId = windowIdOf(line[0]);
      out.push({ windowId, event: line[1], batch: batches.batchFor(windowId, line[1].timestamp) });
    } else {
      const windowId = isObject(line) ? windowIdOf(line.windowId) : '';
      const timestamp = isObject(line) ? line.timestamp : undefined;
      out.push({ windowId, event: line, batch: batches.batchFor(windowId, timestamp) });
    }
  }
  return out;
}

export function nonEmptyArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}

/** Items that make an array something other than a list of events. */
export function isLineOrCapture(item: unknown): boolean {
  return isV1Line(item) || isV2Pair(item) || (isObject(item) && typeof item.event === 'string');
}
