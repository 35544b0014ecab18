/**
 * The address of the page on screen at each moment, for the bar above the viewport: from Meta
 * events (`href`, every page load) and posthog-js's `$pageview` / `$url_changed` custom events
 * (single-page-app navigation, which rrweb itself does not see).
 */
import type { RecordingEvent } from '../formats/types.js';

export interface UrlMark {
  /** Global ms from the recording's start. */
  timeMs: number;
  href: string;
}

const META = 4;
const CUSTOM = 5;
const URL_TAGS = new Set(['$pageview', '$url_changed']);

function hrefOf(event: RecordingEvent): string | undefined {
  const data = event.data as { href?: unknown; tag?: unknown; payload?: { href?: unknown } };
  if (event.type === META) return typeof data.href === 'string' ? data.href : undefined;
  if (event.type === CUSTOM && URL_TAGS.has(String(data.tag))) {
    const href = data.payload?.href;
    return typeof href === 'string' ? href : undefined;
  }
  return undefined;
}

/** URL marks per window id, in time order. */
export function collectPageUrls(
  events: readonly RecordingEvent[],
  startTimestamp: number,
): Map<string, UrlMark[]> {
  const marks = new Map<string, UrlMark[]>();
  for (const event of events) {
    const href = hrefOf(event);
    if (!href) continue;
    const list = marks.get(event.windowId) ?? [];
    if (list[list.length - 1]?.href !== href)
      list.push({ timeMs: event.timestamp - startTimestamp, href });
    marks.set(event.windowId, list);
  }
  return marks;
}

/** The URL in effect at `timeMs` (the first one before any mark). */
export function urlAt(marks: readonly UrlMark[] | undefined, timeMs: number): string {
  if (!marks?.length) return '';
  let href = marks[0].href;
  for (const mark of marks) {
    if (mark.timeMs > timeMs) break;
    href = mark.href;
  }
  return href;
}
