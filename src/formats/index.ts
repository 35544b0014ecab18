/**
 * Recording decoder: any PostHog or rrweb recording shape in, sorted playable rrweb events out.
 * Synchronous on purpose: it runs inside the decode worker, or on the main thread as a fallback.
 * Pipeline: containers (bytes → text) → JSON/JSONL → format registry → per-event decode →
 * normalisation. Every failure surfaces as a DecodeError.
 */
import { messageOf, unwrapBytes, unwrapText } from './containers/index.js';
import { detectFormat } from './detect.js';
import { MobileRecordingError, prepareEvents } from './events.js';
import {
  backfillTimestamps,
  dedupe,
  patchMeta,
  sortByTime,
  summariseWindows,
} from './normalise.js';
import { Notes, plural } from './notes.js';
import { parseText } from './parse.js';
import { recordingFormats } from './registry.js';
import {
  DecodeError,
  type DecodedRecording,
  type DecodeProgress,
  type DecodeReport,
  type RecordingEvent,
} from './types.js';

export * from './types.js';
export { recordingFormats };

export interface DecodeOptions {
  onProgress?: (progress: DecodeProgress) => void;
}

export const MOBILE_MESSAGE =
  'This is a PostHog mobile recording; mobile recordings are not supported yet.';

export function decodeRecording(input: unknown, options: DecodeOptions = {}): DecodedRecording {
  const progress = (stage: DecodeProgress['stage'], fraction: number) => {
    try {
      options.onProgress?.({ stage, fraction });
    } catch {
      // A failing progress listener must not fail the decode.
    }
  };
  try {
    return decode(input, progress);
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError(3, `The recording could not be decoded: ${messageOf(error)}`);
  }
}

function decode(
  input: unknown,
  progress: (stage: DecodeProgress['stage'], fraction: number) => void,
): DecodedRecording {
  const notes = new Notes();
  const containers: string[] = [];
  let value: unknown;

  progress('inflate', 0);
  let text: string | undefined;
  let bytes = toBytes(input);
  if (typeof input === 'string') {
    const unwrapped = unwrapText(input);
    if (typeof unwrapped === 'string') text = unwrapped;
    else {
      containers.push('form-data-base64');
      bytes = unwrapped;
    }
  }
  if (bytes) {
    if (bytes.length === 0) throw new DecodeError(3, 'The recording is empty.');
    const unwrapped = unwrapBytes(bytes);
    containers.push(...unwrapped.containers);
    unwrapped.warnings.forEach((w) => notes.add(w));
    text = unwrapped.text;
  }

  if (text !== undefined) {
    progress('parse', 0.1);
    const parsed = parseText(text);
    value = parsed.value;
    if (parsed.badLines > 0) {
      notes.add(
        `${plural(parsed.badLines, 'line')} could not be parsed and ${parsed.badLines === 1 ? 'was' : 'were'} skipped (the first is line ${parsed.firstBadLine}).`,
      );
    }
  } else {
    if (input === undefined || input === null) throw new DecodeError(3, 'The recording is empty.');
    value = input;
  }

  const { format, value: inner, wrappers } = detectFormat(value, recordingFormats);
  containers.push(...wrappers);
  const base = { format: format.id, formatLabel: format.label, containers };
  const raws = format.extract(inner);

  progress('decode', 0.3);
  let prepared;
  try {
    prepared = prepareEvents(raws, notes, (done) =>
      progress('decode', 0.3 + (0.5 * done) / raws.length),
    );
  } catch (error) {
    if (error instanceof MobileRecordingError)
      throw new DecodeError(4, MOBILE_MESSAGE, { ...base, mobile: true });
    throw error;
  }

  progress('normalise', 0.8);
  backfillTimestamps(prepared.prepared, notes);
  sortByTime(prepared.prepared);
  const unique = dedupe(prepared.prepared, notes);
  const events = patchMeta(
    unique.map((p) => p.event),
    notes,
  ) as unknown as RecordingEvent[];
  const windows = summariseWindows(events, notes);

  const report: DecodeReport = {
    ...base,
    windows,
    eventCount: events.length,
    droppedEventCount: prepared.dropped + (prepared.prepared.length - unique.length),
    warnings: notes.list(),
    startTimestamp: events.length > 0 ? events[0].timestamp : 0,
    endTimestamp: events.length > 0 ? events[events.length - 1].timestamp : 0,
    mobile: false,
  };
  refuseUnplayable(report);
  progress('normalise', 1);
  return { events, report };
}

function toBytes(input: unknown): Uint8Array | undefined {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input))
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return undefined;
}

/** A recording the player could only show as white is refused with the reason (§8). */
function refuseUnplayable(report: DecodeReport): void {
  const why = report.warnings.length > 0 ? ` ${report.warnings.join(' ')}` : '';
  if (report.eventCount === 0) {
    throw new DecodeError(3, `The recording contains no playable events.${why}`, report);
  }
  if (!report.windows.some((w) => w.hasFullSnapshot)) {
    throw new DecodeError(
      3,
      `The recording has no full snapshot, so there is nothing to show (it may still be ingesting, or its start was lost).${why}`,
      report,
    );
  }
  if (report.eventCount < 2) {
    throw new DecodeError(
      3,
      `The recording has fewer than 2 events, so there is nothing to play.${why}`,
      report,
    );
  }
}
