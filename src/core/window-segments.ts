/**
 * Which window (browser tab) is on screen at each moment of a multi-window recording, the way
 * PostHog's player decides it: the window of the latest "active" event wins, where active means a
 * FullSnapshot, a Meta, or user input. A window can only take the screen once it has a
 * FullSnapshot, so a window without one is never shown as white.
 */
import type { RecordingEvent } from '../formats/types.js';

/** A stretch of the timeline, in ms from the recording's start, shown from one window. */
export interface WindowSegment {
  windowId: string;
  startMs: number;
  endMs: number;
}

const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const META = 4;
/** Incremental sources that mean a person did something: mouse, scroll, resize, input, touch, media, drag. */
const USER_SOURCES = new Set([1, 2, 3, 4, 5, 6, 7, 12]);

export function isActiveEvent(event: RecordingEvent): boolean {
  if (event.type === FULL_SNAPSHOT || event.type === META) return true;
  if (event.type !== INCREMENTAL) return false;
  const source = (event.data as { source?: number }).source;
  return source !== undefined && USER_SOURCES.has(source);
}

/** Cuts the timeline into window segments. `events` are sorted; the result covers 0..duration. */
export function buildWindowSegments(events: readonly RecordingEvent[]): WindowSegment[] {
  if (events.length === 0) return [];
  const start = events[0].timestamp;
  const durationMs = events[events.length - 1].timestamp - start;
  const snapshotted = new Set<string>();
  const segments: WindowSegment[] = [];
  for (const event of events) {
    if (event.type === FULL_SNAPSHOT) snapshotted.add(event.windowId);
    if (!snapshotted.has(event.windowId) || !isActiveEvent(event)) continue;
    const current = segments[segments.length - 1];
    if (current?.windowId === event.windowId) continue;
    const at = event.timestamp - start;
    if (current) current.endMs = at;
    // Before the first shown window's snapshot there is nothing to show: it covers from 0.
    segments.push({ windowId: event.windowId, startMs: current ? at : 0, endMs: durationMs });
  }
  return segments.filter((s, i) => s.endMs > s.startMs || i === segments.length - 1);
}

/** The segment that covers `timeMs` (the last one for times past the end). */
export function segmentAt(
  segments: readonly WindowSegment[],
  timeMs: number,
): WindowSegment | undefined {
  let found = segments[0];
  for (const segment of segments) {
    if (segment.startMs > timeMs) break;
    found = segment;
  }
  return found;
}
