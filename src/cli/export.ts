/**
 * `posthog-replay export`: recordings from PostHog's API into portable bundles on local disk.
 * Resumable (existing bundles are skipped), a few recordings at a time, 429s waited out.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecording, DecodeError } from '../formats/index.js';
import {
  fetchRecordingBatches,
  fetchRecordingMetadata,
  joinBatchBodies,
  listRecordings,
  PostHogApiError,
  type PostHogApiOptions,
  type PostHogRecordingRef,
  type RecordingBatch,
} from '../loader/posthog-api.js';
import type { Progress } from './progress.js';
import { formatSize, gzipBundle, makeBundle, writeAtomically } from './recording-file.js';

export interface ExportOptions {
  apiHost: string;
  projectId: string;
  pathStyle: 'environments' | 'projects';
  apiKey?: string;
  outDir: string;
  ids: string[];
  /** List-endpoint parameters (date_from, date_to, …) when exporting by query. */
  query?: Record<string, string>;
  limit: number;
  concurrency: number;
  force: boolean;
  stripPerson: boolean;
  retryDelayMs?: number;
}

export interface ExportSummary {
  written: string[];
  skipped: string[];
  failed: { id: string; message: string }[];
}

export const bundleName = (id: string) =>
  `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.posthog-replay.json.gz`;

export async function exportRecordings(
  options: ExportOptions,
  progress: Progress,
): Promise<ExportSummary> {
  await mkdir(options.outDir, { recursive: true });
  const summary: ExportSummary = { written: [], skipped: [], failed: [] };
  const abort = new AbortController();
  const api: PostHogApiOptions = {
    apiKey: options.apiKey,
    signal: abort.signal,
    retryDelayMs: options.retryDelayMs,
  };
  // One queue the workers share, whether the ids were given or come page by page from a listing.
  const ids: Iterator<string> | AsyncIterator<string> =
    options.ids.length > 0 ? options.ids[Symbol.iterator]() : fromQuery(options, api);
  let started = 0;

  const worker = async () => {
    for (;;) {
      const next = await ids.next();
      if (next.done || abort.signal.aborted) return;
      const id = next.value;
      const n = ++started;
      const out = join(options.outDir, bundleName(id));
      if (existsSync(out) && !options.force) {
        summary.skipped.push(out);
        progress.done(`${n}. ${id}: skipped, ${out} exists (--force to overwrite)`);
        continue;
      }
      try {
        const line = await exportOne({ ...options, recordingId: id }, out, api, (status) =>
          progress.update(id, `${n}. ${id}: ${status}`),
        );
        summary.written.push(out);
        progress.done(`${n}. ${id} → ${line}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        summary.failed.push({ id, message });
        progress.done(`${n}. ${id}: FAILED. ${message}`);
        // A refused key fails every recording the same way: stop instead of repeating it.
        if (error instanceof PostHogApiError && (error.status === 401 || error.status === 403))
          abort.abort(error);
      } finally {
        progress.clear(id);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } catch (error) {
    // The list endpoint failed: nothing more can be exported.
    summary.failed.push({ id: '(list)', message: (error as Error).message });
    progress.done(`Listing recordings failed: ${(error as Error).message}`);
  }
  return summary;
}

async function exportOne(
  ref: PostHogRecordingRef & ExportOptions,
  out: string,
  api: PostHogApiOptions,
  status: (text: string) => void,
): Promise<string> {
  const options: PostHogApiOptions = {
    ...api,
    onStatus: (s) =>
      status(
        s.state === 'retrying'
          ? `retrying in ${(s.delayMs / 1000).toFixed(1)} s (${s.reason}, attempt ${s.attempt})`
          : `batch ${s.loadedBatches}/${s.totalBatches}`,
      ),
  };
  status('metadata');
  const metadata = await fetchRecordingMetadata(ref, options);
  const batches: RecordingBatch[] = [];
  const gaps: string[] = [];
  for await (const batch of fetchRecordingBatches(ref, options)) {
    batches.push(batch);
    if (batch.warning) gaps.push(batch.warning);
  }
  let decoded;
  try {
    decoded = decodeRecording(joinBatchBodies(batches));
  } catch (error) {
    if (error instanceof DecodeError)
      throw new Error(`PostHog's snapshot data cannot be played: ${error.message}`);
    throw error;
  }
  const source = { apiHost: ref.apiHost, projectId: ref.projectId, recordingId: ref.recordingId };
  const bundle = makeBundle(decoded, metadata, source, ref);
  const bytes = gzipBundle(bundle);
  await writeAtomically(out, bytes);
  const seconds = (decoded.report.endTimestamp - decoded.report.startTimestamp) / 1000;
  const warn = gaps.length ? ` WARNING: ${gaps.join(' ')}` : '';
  return `${out} (${decoded.report.eventCount} events, ${seconds.toFixed(1)} s, ${formatSize(bytes.length)})${warn}`;
}

async function* fromQuery(options: ExportOptions, api: PostHogApiOptions) {
  let count = 0;
  const params = { limit: String(Math.min(options.limit, 100)), ...options.query };
  for await (const recording of listRecordings({ ...options, params }, api)) {
    if (count++ >= options.limit) return;
    yield recording.id;
  }
}
