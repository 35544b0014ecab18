/**
 * Recording decoder: any PostHog or rrweb recording shape in, sorted playable rrweb events out.
 * `decodeRecording` is synchronous (the CLI and tests use it); `decodeRecordingAsync` is the same
 * pipeline with the outermost gzip layer inflated by the platform's `DecompressionStream` (native
 * code, several times faster than fflate) where there is one; the decode worker uses it.
 * Pipeline: containers (bytes → text) → JSON/JSONL → format registry → per-event decode →
 * normalisation. Every failure surfaces as a DecodeError.
 */
import { isGzip, gunzipNative } from './containers/gzip.js';
import { messageOf, unwrapBytes, unwrapText } from './containers/index.js';
import { detectFormat } from './detect.js';
import { MobileRecordingError, prepareEvents, type PrepareCache } from './events.js';
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
export { Notes, plural };
export { recordingFormats };

export interface DecodeOptions {
  onProgress?: (progress: DecodeProgress) => void;
}

export const MOBILE_MESSAGE =
  'This is a PostHog mobile recording; mobile recordings are not supported yet.';

export type Progress = (stage: DecodeProgress['stage'], fraction: number) => void;

function progressOf(options: DecodeOptions): Progress {
  return (stage, fraction) => {
    try {
      options.onProgress?.({ stage, fraction });
    } catch {
      // A failing progress listener must not fail the decode.
    }
  };
}

function asDecodeError(error: unknown): DecodeError {
  if (error instanceof DecodeError) return error;
  return new DecodeError(3, `The recording could not be decoded: ${messageOf(error)}`);
}

export function decodeRecording(input: unknown, options: DecodeOptions = {}): DecodedRecording {
  const progress = progressOf(options);
  try {
    progress('inflate', 0);
    return decode({ input }, [], progress);
  } catch (error) {
    throw asDecodeError(error);
  }
}

/**
 * `decodeRecording`, but gzip bytes are inflated by `DecompressionStream` when the platform has
 * it (falling back to fflate when it has not, or when the stream fails, so that a corrupt file
 * reports the same error either way). Resolves with the same result; rejects with a DecodeError.
 */
export async function decodeRecordingAsync(
  input: unknown,
  options: DecodeOptions = {},
): Promise<DecodedRecording> {
  const progress = progressOf(options);
  progress('inflate', 0);
  let containers: string[] = [];
  const source = { input };
  input = undefined;
  const bytes = toBytes(source.input);
  if (bytes && isGzip(bytes)) {
    const inflated = await gunzipNative(bytes);
    if (inflated) {
      containers = ['gzip'];
      source.input = inflated;
    }
  }
  try {
    return decode(source, containers, progress);
  } catch (error) {
    throw asDecodeError(error);
  }
}

/**
 * The pipeline. `source.input` is taken out of its holder so that nothing keeps the input (tens
 * of MB of bytes or text for a large recording) alive once it has been read.
 */
function decode(
  source: { input: unknown },
  peeled: string[],
  progress: Progress,
): DecodedRecording {
  const notes = new Notes();
  const containers: string[] = [...peeled];
  let value: unknown;

  let input = source.input;
  source.input = undefined;
  let text: string | undefined;
  let bytes = toBytes(input);
  if (bytes) input = undefined;
  if (typeof input === 'string') {
    const unwrapped = unwrapText(input);
    input = undefined;
    if (typeof unwrapped === 'string') text = unwrapped;
    else {
      containers.push('form-data-base64');
      bytes = unwrapped;
    }
  }
  if (bytes) {
    if (bytes.length === 0) throw new DecodeError(3, 'The recording is empty.');
    const unwrapped = unwrapBytes(bytes);
    bytes = undefined;
    containers.push(...unwrapped.containers);
    unwrapped.warnings.forEach((w) => notes.add(w));
    text = unwrapped.text;
  }

  if (text !== undefined) {
    progress('parse', 0.1);
    const parsed = parseText(text);
    text = undefined;
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

  return decodeValue(value, { containers, notes, progress });
}

export interface DecodeValueOptions {
  /** Wrappers already peeled off the bytes (e.g. `['gzip']`). */
  containers: string[];
  /** What was noted before the value was parsed (e.g. skipped JSON lines). */
  notes: Notes;
  progress?: Progress;
  /** Remembers each raw event's decoded copy across passes over a growing value. */
  cache?: PrepareCache;
  /**
   * The value is the first part of a recording still arriving: nothing is refused for what
   * may still come, and undefined is returned (rather than a guess) where later data could
   * change the answer, e.g. for events without a timestamp.
   */
  partial?: boolean;
}

/** The pipeline after parsing: format, events, normalisation, report. */
export function decodeValue(
  value: unknown,
  options: DecodeValueOptions & { partial?: false },
): DecodedRecording;
export function decodeValue(
  value: unknown,
  options: DecodeValueOptions,
): DecodedRecording | undefined;
export function decodeValue(
  value: unknown,
  { containers: peeled, notes, progress = () => {}, cache, partial = false }: DecodeValueOptions,
): DecodedRecording | undefined {
  const { format, value: inner, wrappers } = detectFormat(value, recordingFormats);
  const containers = [...peeled, ...wrappers];
  const base = { format: format.id, formatLabel: format.label, containers };
  const raws = format.extract(inner);

  progress('decode', 0.3);
  let prepared;
  try {
    prepared = prepareEvents(
      raws,
      notes,
      (done) => progress('decode', 0.3 + (0.5 * done) / raws.length),
      cache,
    );
  } catch (error) {
    if (error instanceof MobileRecordingError)
      throw new DecodeError(4, MOBILE_MESSAGE, { ...base, mobile: true });
    throw error;
  }

  progress('normalise', 0.8);
  if (partial && prepared.prepared.some(({ event }) => !Number.isFinite(event.timestamp)))
    return undefined;
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
    metadata: format.metadata?.(inner),
  };
  if (!partial) refuseUnplayable(report);
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
