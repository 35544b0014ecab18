/**
 * The contract between recording formats, the decoder pipeline and the player.
 * Everything here is plain data that survives structured clone (it crosses the worker boundary).
 */
import type { eventWithTime } from '@rrweb/types';

/** MediaError-style codes the decoder can fail with: 3 = decode, 4 = format not supported. */
export type DecodeErrorCode = 3 | 4;

/** An rrweb event tagged with the PostHog window (browser tab) it was recorded in. */
export type RecordingEvent = eventWithTime & { windowId: string };

/** Identifies the shape a recording arrived in (see docs/formats.md). */
export type RecordingFormatId = string;

/** What the decoder learned about one window of the recording. */
export interface WindowSummary {
  /** The window id as found in the data (numeric ids are stringified). */
  id: string;
  /** 1-based position in first-seen order, used for labels like "Window 2 of 3". */
  index: number;
  eventCount: number;
  firstTimestamp: number;
  lastTimestamp: number;
  /** A window without a FullSnapshot cannot be shown. */
  hasFullSnapshot: boolean;
}

/** What the decoder did, for the page to show ("read-only report" on the element). */
export interface DecodeReport {
  /** The detected format id, e.g. `posthog-export-v2`. */
  format: RecordingFormatId;
  /** A human name for the format, e.g. "PostHog export (2023-04-28)". */
  formatLabel: string;
  /** Wrappers peeled off before the format was read, outermost first, e.g. `['gzip']`. */
  containers: string[];
  windows: WindowSummary[];
  /** Events kept after normalisation. */
  eventCount: number;
  /** Events dropped (undecodable, duplicate, without timestamp). */
  droppedEventCount: number;
  /** Human sentences, one per kind of thing the decoder had to fix or drop. */
  warnings: string[];
  /** Epoch ms of the first and last kept event. */
  startTimestamp: number;
  endTimestamp: number;
  /** True when the data is a PostHog mobile (wireframe) recording. */
  mobile: boolean;
  /** Metadata the file carried (start time, duration, start URL, person…), if any. */
  metadata?: Record<string, unknown>;
}

/** A decoded recording: sorted, de-duplicated, decompressed events plus the report. */
export interface DecodedRecording {
  events: RecordingEvent[];
  report: DecodeReport;
}

/** Progress the decoder reports while it works, for the loading view. */
export interface DecodeProgress {
  stage: 'inflate' | 'parse' | 'decode' | 'normalise';
  /** 0..1 within the whole decode, when known. */
  fraction?: number;
}

/** Raised for any input that does not end in a playable recording. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
    /** What the decoder had learned before it gave up, when it got that far (e.g. `mobile`). */
    readonly report?: Partial<DecodeReport>,
  ) {
    super(message);
  }
}

/** One event as a format found it, before decompression and normalisation. */
export interface RawSnapshot {
  /** The window id as found (numbers are stringified later; missing becomes `''`). */
  windowId: string;
  /** Whatever sat in the event's place; the pipeline checks that it is an rrweb event. */
  event: unknown;
  /**
   * The line, batch or block the event came from. Identical events from different batches are
   * ingestion duplicates; identical events inside one batch are things the page really did twice.
   */
  batch?: number;
}

/** One accepted recording shape: detection by content, extraction into raw snapshots. */
export interface RecordingFormat {
  id: RecordingFormatId;
  label: string;
  /** True when `value` (parsed JSON, or the array of parsed JSONL lines) has this shape. */
  matches(value: unknown): boolean;
  /** Lists the events; only called after `matches` returned true. */
  extract(value: unknown): RawSnapshot[];
  /** The recording's metadata when the format carries it (PostHog's `session_recordings` shape). */
  metadata?(value: unknown): Record<string, unknown> | undefined;
}
