/**
 * What the seek bar draws besides progress, derived once per recording: idle stretches (no
 * user input for 5 s or more), an activity histogram, and markers for page views, clicks,
 * console errors and custom events. Pure data, in ms from the recording's start.
 */
import type { RecordingEvent } from '../formats/types.js';
import { isActiveEvent } from './window-segments.js';

export type MarkerKind = 'pageview' | 'click' | 'error' | 'custom';

export interface TimelineMarker {
  timeMs: number;
  kind: MarkerKind;
  /** What a tooltip says, e.g. "Page view: /article.html", "Console error: …". */
  label: string;
}

export interface TimeRange {
  startMs: number;
  endMs: number;
}

export interface TimelineInfo {
  inactive: TimeRange[];
  markers: TimelineMarker[];
  /** Activity per bucket (0..1, log-scaled), buckets spread evenly over the recording. */
  activity: number[];
}

/** No user input for this long makes a stretch idle (PostHog's threshold). */
export const IDLE_THRESHOLD_MS = 5_000;
const ACTIVITY_BUCKETS = 120;
const META = 4;
const CUSTOM = 5;
const PLUGIN = 6;
const INCREMENTAL = 3;
const MOUSE_INTERACTION = 2;
const CLICK = 2;
/** posthog-js bookkeeping events that are noise on a timeline ($pageview has its own kind). */
const QUIET_CUSTOM =
  /^(\$|sessionIdle|sessionNoLongerIdle|window (visible|hidden)|browser (on|off)line|chrome-extension-stripped|recording (paused|resumed)|triggerGroup)/;

export function buildTimelineInfo(
  events: readonly RecordingEvent[],
  startMs: number,
  endMs: number,
  /** While the recording still arrives, where the arrived part ends: nothing after it is idle. */
  loadedEndMs = endMs,
): TimelineInfo {
  const durationMs = Math.max(1, endMs - startMs);
  const inactive: TimeRange[] = [];
  const markers: TimelineMarker[] = [];
  const counts = new Array<number>(ACTIVITY_BUCKETS).fill(0);
  let lastActive = startMs;
  let lastHref = '';
  for (const event of events) {
    const t = event.timestamp;
    if (isActiveEvent(event) && event.type !== META) {
      if (t - lastActive >= IDLE_THRESHOLD_MS)
        inactive.push({ startMs: lastActive - startMs, endMs: t - startMs });
      lastActive = Math.max(lastActive, t);
      counts[
        Math.min(ACTIVITY_BUCKETS - 1, Math.floor(((t - startMs) / durationMs) * ACTIVITY_BUCKETS))
      ]++;
    }
    const marker = markerFor(event, lastHref);
    if (marker) {
      if (marker.kind === 'pageview') lastHref = marker.label;
      markers.push({ ...marker, timeMs: t - startMs, label: describe(marker) });
    }
  }
  const idleEnd = Math.min(endMs, loadedEndMs);
  if (idleEnd - lastActive >= IDLE_THRESHOLD_MS)
    inactive.push({ startMs: lastActive - startMs, endMs: idleEnd - startMs });
  const max = Math.max(...counts);
  const activity = counts.map((c) => (max > 0 ? Math.log1p(c) / Math.log1p(max) : 0));
  return { inactive, markers, activity };
}

function markerFor(
  event: RecordingEvent,
  lastHref: string,
): { kind: MarkerKind; label: string } | undefined {
  const data = event.data as Record<string, unknown> & { payload?: Record<string, unknown> };
  if (event.type === META && typeof data.href === 'string' && data.href && data.href !== lastHref) {
    return { kind: 'pageview', label: data.href };
  }
  if (event.type === CUSTOM) {
    const tag = typeof data.tag === 'string' ? data.tag : '';
    const href = data.payload?.href;
    if (tag === '$pageview' && typeof href === 'string' && href !== lastHref)
      return { kind: 'pageview', label: href };
    if (tag && !QUIET_CUSTOM.test(tag)) return { kind: 'custom', label: tag };
  }
  if (event.type === INCREMENTAL && data.source === MOUSE_INTERACTION && data.type === CLICK) {
    return { kind: 'click', label: '' };
  }
  if (
    event.type === PLUGIN &&
    data.plugin === 'rrweb/console@1' &&
    data.payload?.level === 'error'
  ) {
    const first = (data.payload.payload as unknown[] | undefined)?.[0];
    return { kind: 'error', label: typeof first === 'string' ? unquote(first) : '' };
  }
  return undefined;
}

/** Console payload entries are JSON strings ("\"text\""): show the text. */
function unquote(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}

function describe({ kind, label }: { kind: MarkerKind; label: string }): string {
  const short = label.length > 80 ? `${label.slice(0, 79)}…` : label;
  if (kind === 'pageview') return `Page view: ${short}`;
  if (kind === 'click') return 'Click';
  if (kind === 'error') return short ? `Console error: ${short}` : 'Console error';
  return `Event: ${short}`;
}

/** The idle stretch containing `timeMs`, if any. */
export function inactiveRangeAt(
  ranges: readonly TimeRange[],
  timeMs: number,
): TimeRange | undefined {
  return ranges.find((r) => timeMs >= r.startMs && timeMs < r.endMs);
}
