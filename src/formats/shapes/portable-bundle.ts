/**
 * Our own portable recording file (docs/portable.md), written by `posthog-replay export`: PostHog's
 * metadata plus every window's decoded rrweb events, usually gzipped. `version` changes only
 * when a reader of the previous version would misread a file; additions keep version 1.
 */
import { DecodeError, type RawSnapshot, type RecordingFormat } from '../types.js';
import { isObject, windowIdOf } from './common.js';

export const BUNDLE_FORMAT = 'posthog-replay-bundle';
export const BUNDLE_VERSION = 1;

export interface PortableBundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** ISO 8601 time the file was written, and by what (e.g. `posthog-replay 0.1.0`). */
  createdAt?: string;
  generator?: string;
  /** Where the recording came from: a PostHog project, or a file. Never credentials. */
  source?: { apiHost?: string; projectId?: string; recordingId?: string; file?: string };
  /** PostHog's `GET …/session_recordings/{id}` answer; `person`/`distinct_id` may be stripped. */
  metadata?: Record<string, unknown>;
  /** One entry per browser window, in first-seen order; events are rrweb events in time order. */
  windows: { id: string; events: unknown[] }[];
}

export const portableBundle: RecordingFormat = {
  id: BUNDLE_FORMAT,
  label: 'posthog-replay bundle',
  // Any version matches, so a newer file gets "update the player" rather than "not a recording".
  matches: (value) =>
    isObject(value) && value.format === BUNDLE_FORMAT && Array.isArray(value.windows),
  metadata: (value) => bundleMetadata(value),
  extract: (value) => {
    const bundle = value as { version?: unknown; windows: unknown[] };
    if (bundle.version !== BUNDLE_VERSION) {
      throw new DecodeError(
        4,
        `This posthog-replay bundle is version ${JSON.stringify(bundle.version)}; this player reads version ${BUNDLE_VERSION}. Update posthog-replay to play it.`,
      );
    }
    const out: RawSnapshot[] = [];
    bundle.windows.forEach((window, batch) => {
      if (!isObject(window) || !Array.isArray(window.events)) {
        throw new DecodeError(
          3,
          `Window ${batch + 1} of this posthog-replay bundle has no events list; the file is damaged.`,
        );
      }
      // A window's events are one batch: the exporter already removed ingestion duplicates.
      const windowId = windowIdOf(window.id);
      for (const event of window.events) out.push({ windowId, event, batch });
    });
    return out;
  },
};

/** Groups decoded events (each carrying `windowId`) into a bundle's windows, in first-seen order. */
export function bundleWindows(events: readonly { windowId: string }[]): PortableBundle['windows'] {
  const windows = new Map<string, unknown[]>();
  for (const { windowId, ...event } of events) {
    let list = windows.get(windowId);
    if (!list) windows.set(windowId, (list = []));
    list.push(event);
  }
  return [...windows].map(([id, list]) => ({ id, events: list }));
}

/** The metadata of a bundle, or undefined for anything else (e.g. for a player's title bar). */
export function bundleMetadata(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) && value.format === BUNDLE_FORMAT && isObject(value.metadata)
    ? value.metadata
    : undefined;
}
