/**
 * Runs one load for the element, whatever the source: a file or value (fetched, decoded in the
 * worker, delivered in slices) or PostHog's API (batches decoded as they arrive). Either way the
 * player starts on the first part that can show a page and the rest is appended, so the first
 * frame does not wait for the whole recording. The element supplies what to do at each step.
 */
import type { DecodedRecording, DecodeReport, RecordingEvent } from '../formats/types.js';
import type { ReplayLabels } from '../labels.js';
import { formatBytes } from './fetch-recording.js';
import { loadFromPostHog } from './load-posthog.js';
import { loadRecording, type RecordingSource } from './load-recording.js';
import type {
  PostHogApiStatus,
  PostHogRecordingMetadata,
  PostHogRecordingRef,
} from './posthog-api.js';

/** Timing of a load, in ms, sent with `loadedmetadata`. */
export interface LoadTiming {
  fetchMs: number;
  decodeMs: number;
}

export type PlayerSource =
  | RecordingSource
  | {
      kind: 'posthog';
      ref: PostHogRecordingRef;
      fetchInit?: RequestInit;
      apiKey?: string;
      sharingToken?: string;
    };

export interface SourceLoadHost {
  readonly labels: ReplayLabels;
  /** What the loading view says, and how far along it is (0..1) when known. */
  onLoading(message: string, fraction: number | undefined): void;
  /** "PostHog is busy… retrying", or '' once it answers. */
  onApiNote(note: string): void;
  onMetadata(metadata: PostHogRecordingMetadata): void;
  /** The first playable part; resolves once its first frame is on screen. */
  start(recording: DecodedRecording, timing: LoadTiming, complete: boolean): Promise<void>;
  /** More events, with the report of everything so far. */
  more(events: RecordingEvent[], report: DecodeReport, complete: boolean): void;
  /** What was started was not final after all: drop it; start() comes again with everything. */
  restart(): void;
  /** For ongoing recordings: whether the viewer is near the live edge (keep polling). */
  nearLiveEdge(): boolean;
}

const FULL_SNAPSHOT = 2;

/** Loads `source` into `host`; throws what failed (a ReplayMediaError, or the abort reason). */
export async function loadSource(
  source: PlayerSource,
  signal: AbortSignal,
  host: SourceLoadHost,
): Promise<void> {
  if (source.kind === 'posthog') return loadFromApi(source, signal, host);
  const started = performance.now();
  let fetched = started;
  const timing = (): LoadTiming => ({
    fetchMs: Math.round(fetched - started),
    decodeMs: Math.round(performance.now() - fetched),
  });
  let early: RecordingEvent[] = [];
  let shown: Promise<void> | undefined;
  const decoded = await loadRecording(source, {
    signal,
    onChunk: (events, report, done) => {
      if (signal.aborted) return;
      if (shown) return host.more(events, report, done);
      for (const event of events) early.push(event);
      if (done || (early.length >= 2 && early.some((e) => e.type === FULL_SNAPSHOT))) {
        shown = host.start({ events: early, report }, timing(), done);
      }
    },
    onReset: () => {
      // A new array, not an emptied one: a start() still in progress holds the old one and
      // must see that it is no longer current.
      early = [];
      if (shown) host.restart();
      shown = undefined;
    },
    onFetchProgress: ({ loaded, total }) => {
      fetched = performance.now();
      const size = `${formatBytes(loaded)}${total ? ` of ${formatBytes(total)}` : ''}`;
      host.onLoading(`${host.labels.loading} ${size}`, total ? (0.5 * loaded) / total : undefined);
    },
    onDecodeProgress: ({ fraction }) => {
      if (fetched === started) fetched = performance.now();
      host.onLoading(host.labels.decoding, fraction === undefined ? undefined : 0.5 + fraction / 2);
    },
  });
  if (signal.aborted) return;
  // A decoder that delivered no slices (none should) still gets shown.
  await (shown ?? host.start(decoded, timing(), true));
}

async function loadFromApi(
  source: Extract<PlayerSource, { kind: 'posthog' }>,
  signal: AbortSignal,
  host: SourceLoadHost,
): Promise<void> {
  const started = performance.now();
  let shown: Promise<void> | undefined;
  await loadFromPostHog(source.ref, {
    fetchInit: source.fetchInit,
    apiKey: source.apiKey,
    sharingToken: source.sharingToken,
    signal,
    onStatus: (status) => {
      host.onApiNote(status.state === 'retrying' ? retryNote(status) : '');
      if (status.state === 'loading' && status.totalBatches > 0) {
        host.onLoading(host.labels.loading, status.loadedBatches / status.totalBatches);
      }
    },
    onMetadata: (metadata) => host.onMetadata(metadata),
    onStart: (decoded, complete) => {
      const timing = { fetchMs: Math.round(performance.now() - started), decodeMs: 0 };
      shown = host.start(decoded, timing, complete);
    },
    onMore: (events, report, complete) => {
      if (!signal.aborted) host.more(events, report, complete);
    },
    nearLiveEdge: () => host.nearLiveEdge(),
  });
  await shown;
}

function retryNote(status: Extract<PostHogApiStatus, { state: 'retrying' }>): string {
  const seconds = Math.max(1, Math.round(status.delayMs / 1000));
  return `${status.reason} Retrying in ${seconds} s (attempt ${status.attempt})…`;
}
