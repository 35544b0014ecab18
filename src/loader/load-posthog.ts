/**
 * Plays a recording straight from PostHog's API: metadata first, then the snapshot batches, each
 * decoded in the shared worker as it arrives. The first decodable part starts the player; later
 * parts are appended while it plays. Ongoing recordings are followed while the viewer is near the
 * live edge. Failures come out as ReplayMediaError with PostHog's reason in a sentence.
 */
import { ReplayMediaError } from '../core/media-error.js';
import {
  DecodeError,
  type DecodedRecording,
  type DecodeReport,
  type WindowSummary,
} from '../formats/types.js';
import { concatBytes } from '../utils/bytes.js';
import { decoder } from './decode-client.js';
import {
  fetchRecordingBatches,
  fetchRecordingMetadata,
  followRecordingBatches,
  PostHogApiError,
  type PostHogApiStatus,
  type PostHogRecordingMetadata,
  type PostHogRecordingRef,
  type RecordingBatch,
} from './posthog-api.js';

export interface PostHogLoadOptions {
  fetchInit?: RequestInit;
  apiKey?: string;
  sharingToken?: string;
  signal: AbortSignal;
  onStatus(status: PostHogApiStatus): void;
  onMetadata(metadata: PostHogRecordingMetadata): void;
  /** The first playable part (`complete` when it is all there is). */
  onStart(recording: DecodedRecording, complete: boolean): void;
  /** More events, with the report of everything so far. */
  onMore(events: DecodedRecording['events'], report: DecodeReport, complete: boolean): void;
  /** For ongoing recordings: whether to keep polling (the viewer is near the live edge). */
  nearLiveEdge(): boolean;
}

export async function loadFromPostHog(
  ref: PostHogRecordingRef,
  options: PostHogLoadOptions,
): Promise<void> {
  const { signal } = options;
  const api = {
    fetchInit: options.fetchInit,
    apiKey: options.apiKey,
    sharingToken: options.sharingToken,
    signal,
    onStatus: options.onStatus,
  };
  try {
    const metadata = await fetchRecordingMetadata(ref, api);
    options.onMetadata(metadata);
    const batches = metadata.ongoing
      ? followRecordingBatches(ref, { ...api, shouldPoll: options.nearLiveEdge })
      : fetchRecordingBatches(ref, api);
    await playBatches(batches, options);
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof PostHogApiError) throw new ReplayMediaError(error.code, error.message);
    throw error;
  }
}

async function playBatches(batches: AsyncIterable<RecordingBatch>, options: PostHogLoadOptions) {
  let pending: RecordingBatch[] = [];
  let report: DecodeReport | undefined;
  let lastError: unknown;
  for await (const batch of batches) {
    pending.push(batch);
    let decoded: DecodedRecording;
    try {
      decoded = await decoder.decode(joinBodies(pending), { signal: options.signal });
    } catch (error) {
      if (options.signal.aborted || !(error instanceof DecodeError)) throw error;
      // Before the first full snapshot a part cannot play on its own: wait for the next one.
      // Later, an undecodable part is left out (the replay has a gap) and the rest goes on.
      lastError = error;
      if (report) pending = [];
      continue;
    }
    pending = [];
    const warnings = batch.warning ? [batch.warning] : [];
    if (!report) {
      report = { ...decoded.report, warnings: [...decoded.report.warnings, ...warnings] };
      options.onStart({ events: decoded.events, report }, false);
    } else {
      report = mergeReports(report, decoded.report, warnings);
      options.onMore(decoded.events, report, false);
    }
  }
  if (!report) {
    const message =
      lastError instanceof Error ? lastError.message : 'PostHog sent no snapshot data.';
    throw new ReplayMediaError(
      lastError instanceof DecodeError ? lastError.code : 4,
      `Could not play the recording: ${message}`,
    );
  }
  options.onMore([], report, true);
}

/** Bodies of several batches as one: length-prefixed snappy blocks and JSONL both concatenate. */
function joinBodies(batches: RecordingBatch[]): Uint8Array {
  if (batches.length === 1) return batches[0].bytes;
  const newline = new Uint8Array([10]);
  const parts = batches.flatMap((b, i) =>
    b.encoding === 'text' && i > 0 ? [newline, b.bytes] : [b.bytes],
  );
  return concatBytes(parts);
}

/** The report of everything so far: windows by id in first-seen order, counts and times summed. */
export function mergeReports(
  so: DecodeReport,
  next: DecodeReport,
  warnings: string[] = [],
): DecodeReport {
  const windows = new Map<string, WindowSummary>(so.windows.map((w) => [w.id, { ...w }]));
  for (const w of next.windows) {
    const known = windows.get(w.id);
    if (!known) {
      windows.set(w.id, { ...w, index: windows.size + 1 });
      continue;
    }
    known.eventCount += w.eventCount;
    known.firstTimestamp = Math.min(known.firstTimestamp, w.firstTimestamp);
    known.lastTimestamp = Math.max(known.lastTimestamp, w.lastTimestamp);
    known.hasFullSnapshot ||= w.hasFullSnapshot;
  }
  return {
    ...so,
    windows: [...windows.values()],
    eventCount: so.eventCount + next.eventCount,
    droppedEventCount: so.droppedEventCount + next.droppedEventCount,
    warnings: [...new Set([...so.warnings, ...next.warnings, ...warnings])],
    startTimestamp: Math.min(so.startTimestamp, next.startTimestamp),
    endTimestamp: Math.max(so.endTimestamp, next.endTimestamp),
  };
}
