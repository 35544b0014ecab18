/**
 * PostHog's REST API for session recordings (docs/posthog-api.md), shared by the element and the
 * CLI: plain `fetch`, no DOM and no Node APIs, so it runs in browsers and in Node 20 alike.
 * Flow: metadata, the sources listing, then the sources themselves in batches; each batch's bytes
 * are something decodeRecording() reads, and joinBatchBodies() makes one body of several.
 */
import { unwrapBytes } from '../formats/containers/index.js';
import { concatBytes } from '../utils/bytes.js';

export interface PostHogRecordingRef {
  /** `https://us.posthog.com`, a self-hosted origin, or a same-origin proxy path like `/posthog`. */
  apiHost: string;
  projectId: string;
  recordingId: string;
  /** `environments` (the default; PostHog's current docs) or `projects` (older self-hosted). */
  pathStyle?: 'environments' | 'projects';
}

export type PostHogApiStatus =
  | { state: 'retrying'; attempt: number; delayMs: number; reason: string }
  | { state: 'loading'; loadedBatches: number; totalBatches: number };

export interface PostHogApiOptions {
  /** Merged into every request: headers (e.g. a proxy's own auth), credentials, mode… */
  fetchInit?: RequestInit;
  signal?: AbortSignal;
  onStatus?(status: PostHogApiStatus): void;
  /** Retries of a throttled or failing request before giving up (default 5). */
  maxRetries?: number;
  fetch?: typeof fetch;
  /** A personal API key, sent as `Authorization: Bearer`. For servers and the CLI, never page HTML. */
  apiKey?: string;
  /** A sharing token (PostHog's "share recording" link), sent as `sharing_access_token`. */
  sharingToken?: string;
  /** Ask for binary snappy bodies (`decompress=false`, the default) or for JSONL. */
  binary?: boolean;
  /** First backoff delay in ms (default 1000); it doubles per attempt, with jitter. */
  retryDelayMs?: number;
}

export interface PostHogPerson {
  id?: number | string;
  name?: string;
  distinct_ids?: string[];
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** `GET …/session_recordings/{id}`; a sharing token gets only id, duration, start and end. */
export interface PostHogRecordingMetadata {
  id: string;
  recording_duration?: number;
  start_time?: string;
  end_time?: string;
  start_url?: string | null;
  snapshot_source?: 'web' | 'mobile' | null;
  ongoing?: boolean;
  distinct_id?: string;
  person?: PostHogPerson | null;
  [key: string]: unknown;
}

export interface SnapshotSource {
  source: string;
  start_timestamp?: string | null;
  end_timestamp?: string | null;
  blob_key?: string | null;
}

/** One request's worth of snapshot data. `snappy-blocks` bodies can simply be concatenated. */
export interface RecordingBatch {
  bytes: Uint8Array;
  source: string;
  batch: number;
  totalBatches: number;
  encoding: 'snappy-blocks' | 'text';
  /** Set when PostHog left blocks out of the batch: the recording will have a gap. */
  warning?: string;
}

/** Why PostHog (or the way to it) failed. `code` is MediaError's: 2 network, 4 unplayable. */
export class PostHogApiError extends Error {
  override readonly name = 'PostHogApiError';
  constructor(
    message: string,
    readonly code: 2 | 4,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The documented limit is "20 keys" per personal-key request; the server allows 21 (§3.4b). */
export const MAX_KEYS_PER_BATCH = 20;

export async function fetchRecordingMetadata(
  ref: PostHogRecordingRef,
  options: PostHogApiOptions = {},
): Promise<PostHogRecordingMetadata> {
  const url = recordingUrl(ref, '', {}, options);
  const value = await readJson(await request(url, ref, options), url);
  if (!isObject(value) || typeof value.id !== 'string') {
    throw new PostHogApiError(
      `${shown(url)} did not answer with recording metadata: check that api-host points at PostHog (or at a proxy that passes /api/ through).`,
      4,
      false,
    );
  }
  return value as PostHogRecordingMetadata;
}

/** The sources listing (§3.2). It changes while a recording is ongoing: poll, don't cache. */
export async function fetchRecordingSources(
  ref: PostHogRecordingRef,
  options: PostHogApiOptions = {},
): Promise<SnapshotSource[]> {
  const url = recordingUrl(ref, '/snapshots', { blob_v2: 'true' }, options);
  const value = await readJson(await request(url, ref, options), url);
  if (!isObject(value) || !Array.isArray(value.sources)) {
    throw new PostHogApiError(
      `${shown(url)} did not answer with a list of snapshot sources; PostHog servers from before 2023 are not supported (export the recording to a file in PostHog instead).`,
      4,
      false,
    );
  }
  return value.sources.filter(
    (s): s is SnapshotSource => isObject(s) && typeof s.source === 'string',
  );
}

interface BatchPlan {
  source: string;
  params: Record<string, string>;
  /** Inclusive blob_v2 key range, for counting the blocks that came back. */
  keys?: [number, number];
}

/**
 * Which requests fetch the whole recording: `blob_v2` keys in runs of at most 20 when any exist
 * (mixing them with older sources would duplicate data), else every LTS, `blob` and `realtime`.
 */
export function planBatches(sources: SnapshotSource[], fromKey = 0): BatchPlan[] {
  const v2Keys = sources
    .filter((s) => s.source === 'blob_v2' && /^\d+$/.test(s.blob_key ?? ''))
    .map((s) => Number(s.blob_key))
    .filter((key) => key >= fromKey)
    .sort((a, b) => a - b);
  if (sources.some((s) => s.source === 'blob_v2' && /^\d+$/.test(s.blob_key ?? ''))) {
    const plans: BatchPlan[] = [];
    for (const key of new Set(v2Keys)) {
      const last = plans[plans.length - 1]?.keys;
      if (last && key === last[1] + 1 && key - last[0] < MAX_KEYS_PER_BATCH) last[1] = key;
      else plans.push({ source: 'blob_v2', params: {}, keys: [key, key] });
    }
    for (const plan of plans) {
      plan.params = { start_blob_key: String(plan.keys![0]), end_blob_key: String(plan.keys![1]) };
    }
    return plans;
  }
  const plans: BatchPlan[] = [];
  for (const s of sources) {
    const lts = s.source === 'blob_v2_lts' || (s.source === 'blob_v2' && s.blob_key);
    if (lts && s.blob_key) plans.push({ source: 'blob_v2_lts', params: { blob_key: s.blob_key } });
    else if (s.source === 'blob' && s.blob_key)
      plans.push({ source: 'blob', params: { blob_key: s.blob_key } });
    else if (s.source === 'realtime')
      plans.push({ source: 'realtime', params: { version: '2024-04-30' } });
  }
  return plans;
}

/** Every source of the recording as it stands now, batch by batch, in time order. */
export async function* fetchRecordingBatches(
  ref: PostHogRecordingRef,
  options: PostHogApiOptions = {},
): AsyncGenerator<RecordingBatch> {
  const plans = planBatches(await fetchRecordingSources(ref, options));
  if (plans.length === 0) {
    throw new PostHogApiError(
      `PostHog lists no snapshot data for recording ${ref.recordingId} yet; it may still be ingesting (try again in a minute) or have been recorded without replay data.`,
      4,
      false,
    );
  }
  yield* fetchPlans(ref, plans, 0, options);
}

export interface FollowOptions extends PostHogApiOptions {
  /** First wait between polls of the sources listing (default 10 s, as PostHog's app). */
  pollIntervalMs?: number;
  /** The wait doubles while nothing changes, up to this (default 60 s). */
  maxPollIntervalMs?: number;
  /** Stop after this long without a new source (default 5 min). */
  idleTimeoutMs?: number;
  /** Asked before each poll: return false while the viewer is far from the live edge. */
  shouldPoll?(): boolean;
}

/**
 * For ongoing recordings: everything there is now, then new `blob_v2` blocks (and a fresh
 * `realtime` tail on old servers) as the sources listing grows. Ends once the recording has
 * been quiet for `idleTimeoutMs`, or throws the abort reason when `signal` aborts.
 */
export async function* followRecordingBatches(
  ref: PostHogRecordingRef,
  options: FollowOptions = {},
): AsyncGenerator<RecordingBatch> {
  const base = options.pollIntervalMs ?? 10_000;
  const maxInterval = options.maxPollIntervalMs ?? 60_000;
  const idleTimeout = options.idleTimeoutMs ?? 300_000;
  let nextKey = 0;
  let batch = 0;
  let lastTail = -1;
  let interval = base;
  let idle = 0;
  for (let first = true; first || idle < idleTimeout; first = false) {
    if (!first) {
      await sleep(interval, options.signal);
      if (options.shouldPoll && !options.shouldPoll()) continue;
    }
    const plans = planBatches(await fetchRecordingSources(ref, options), nextKey);
    let changed = false;
    for await (const item of fetchPlans(ref, plans, batch, options)) {
      // An unchanged realtime tail is not news; anything else is.
      if (item.source === 'realtime' && item.bytes.length === lastTail) continue;
      if (item.source === 'realtime') lastTail = item.bytes.length;
      changed = true;
      batch = item.batch;
      yield item;
    }
    const v2 = plans.filter((p) => p.keys).map((p) => p.keys![1] + 1);
    nextKey = Math.max(nextKey, ...v2);
    if (changed) [interval, idle] = [base, 0];
    else if (!first) [idle, interval] = [idle + interval, Math.min(interval * 2, maxInterval)];
  }
}

async function* fetchPlans(
  ref: PostHogRecordingRef,
  plans: BatchPlan[],
  done: number,
  options: PostHogApiOptions,
): AsyncGenerator<RecordingBatch> {
  const totalBatches = done + plans.length;
  options.onStatus?.({ state: 'loading', loadedBatches: done, totalBatches });
  for (const [i, plan] of plans.entries()) {
    const { bytes, encoding, warning } = await fetchBatch(ref, plan, options);
    const batch = done + i + 1;
    yield { bytes, source: plan.source, batch, totalBatches, encoding, warning };
    options.onStatus?.({ state: 'loading', loadedBatches: batch, totalBatches });
  }
}

async function fetchBatch(ref: PostHogRecordingRef, plan: BatchPlan, options: PostHogApiOptions) {
  const binary = options.binary !== false && plan.source.startsWith('blob_v2');
  const params = {
    source: plan.source,
    ...plan.params,
    ...(binary ? { decompress: 'false' } : {}),
  };
  const url = recordingUrl(ref, '/snapshots', params, options);
  // A batch missing blocks is retried once: the blocks PostHog could not read may come back.
  for (let attempt = 0; ; attempt++) {
    const response = await request(url, ref, options);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const octets = (response.headers.get('content-type') ?? '').includes('octet-stream');
    const encoding = binary && octets && plan.keys ? 'snappy-blocks' : 'text';
    if (encoding === 'text' || !plan.keys) return { bytes, encoding } as const;
    const wanted = plan.keys[1] - plan.keys[0] + 1;
    const got = countBlocks(bytes);
    if (got >= wanted) return { bytes, encoding } as const;
    if (attempt === 0) continue;
    const warning = `PostHog returned ${got} of the ${wanted} blocks ${plan.keys[0]}–${plan.keys[1]} of recording ${ref.recordingId}; the replay will have a gap there.`;
    return { bytes, encoding, warning } as const;
  }
}

/** Blocks in a `[u32 length][snappy]…` body, by walking the lengths (no decompression). */
export function countBlocks(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = 0; at + 4 <= bytes.length; count++) {
    const length = view.getUint32(at);
    if (length === 0 || at + 4 + length > bytes.length) break;
    at += 4 + length;
  }
  return count;
}

/**
 * One body decodeRecording() reads from several batches: binary batches are concatenated as they
 * are (the length prefixes keep working); otherwise everything becomes JSONL lines.
 */
export function joinBatchBodies(batches: Pick<RecordingBatch, 'bytes' | 'encoding'>[]): Uint8Array {
  if (batches.every((b) => b.encoding === 'snappy-blocks'))
    return concatBytes(batches.map((b) => b.bytes));
  const lines: string[] = [];
  for (const { bytes } of batches) {
    const text = unwrapBytes(bytes).text.trim();
    if (text.startsWith('{')) {
      // A realtime `og` answer is one JSON object holding the lines (§3.3).
      try {
        const value: unknown = JSON.parse(text);
        if (isObject(value) && Array.isArray(value.snapshots)) {
          lines.push(...value.snapshots.map((line) => JSON.stringify(line)));
          continue;
        }
      } catch {
        // Not one JSON value: JSONL that starts with an object line.
      }
    }
    if (text) lines.push(text);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

export interface ListQuery {
  apiHost: string;
  projectId: string;
  pathStyle?: 'environments' | 'projects';
  /** Query parameters of the list endpoint, e.g. `date_from`, `date_to`, `limit`. */
  params?: Record<string, string>;
}

/** `GET …/session_recordings?…`, following pages (`next_cursor`, else `offset`). */
export async function* listRecordings(
  query: ListQuery,
  options: PostHogApiOptions = {},
): AsyncGenerator<PostHogRecordingMetadata> {
  const ref = { ...query, recordingId: '' };
  let params: Record<string, string> = { ...query.params };
  let offset = Number(params.offset ?? 0);
  for (;;) {
    const url = recordingUrl(ref, '', params, options);
    const value = await readJson(await request(url, ref, options), url);
    const results = isObject(value) && Array.isArray(value.results) ? value.results : null;
    if (!results) {
      throw new PostHogApiError(
        `${shown(url)} did not answer with a list of recordings.`,
        4,
        false,
      );
    }
    for (const item of results) if (isObject(item)) yield item as PostHogRecordingMetadata;
    if (!isObject(value) || value.has_next !== true || results.length === 0) return;
    offset += results.length;
    params =
      typeof value.next_cursor === 'string'
        ? { ...query.params, after: value.next_cursor }
        : { ...query.params, offset: String(offset) };
  }
}

function recordingUrl(
  ref: PostHogRecordingRef,
  suffix: string,
  params: Record<string, string>,
  options: PostHogApiOptions,
): string {
  const host = resolveHost(ref.apiHost);
  const style = ref.pathStyle ?? 'environments';
  const id = ref.recordingId ? `/${encodeURIComponent(ref.recordingId)}` : '';
  const url = new URL(
    `${host}/api/${style}/${encodeURIComponent(ref.projectId)}/session_recordings${id}${suffix}`,
  );
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (options.sharingToken) url.searchParams.set('sharing_access_token', options.sharingToken);
  return url.href;
}

function resolveHost(apiHost: string): string {
  const trimmed = apiHost.trim().replace(/\/+$/, '');
  try {
    return new URL(trimmed).href.replace(/\/+$/, '');
  } catch {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    if (base) return new URL(trimmed || '/', base).href.replace(/\/+$/, '');
    throw new PostHogApiError(
      `"${apiHost}" is not an address: give api-host as https://us.posthog.com, https://eu.posthog.com or your own PostHog's origin.`,
      4,
      false,
    );
  }
}

/** A URL fit for messages: a sharing token is a credential, so it is never shown. */
function shown(url: string): string {
  return url.replace(/(sharing_access_token=)[^&]+/, '$1…');
}

async function request(
  url: string,
  ref: Pick<PostHogRecordingRef, 'projectId' | 'recordingId'>,
  options: PostHogApiOptions,
): Promise<Response> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxRetries = options.maxRetries ?? 5;
  const headers = new Headers(options.fetchInit?.headers);
  if (options.apiKey && !headers.has('authorization'))
    headers.set('authorization', `Bearer ${options.apiKey}`);
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await doFetch(url, { ...options.fetchInit, headers, signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      // One retry for a dropped connection; a browser's CORS refusal looks the same and persists.
      if (attempt <= Math.min(1, maxRetries)) {
        await backoff(attempt, undefined, 'the connection failed', options);
        continue;
      }
      throw new PostHogApiError(networkMessage(url), 2, true);
    }
    if (response.ok) return response;
    const body = await response.text().catch(() => '');
    const failure = describeFailure(response.status, body, url, ref);
    if (!failure.retryable || attempt > maxRetries) {
      const tried = failure.retryable ? ` It still failed after ${maxRetries} retries.` : '';
      throw new PostHogApiError(
        failure.message + tried,
        failure.code,
        failure.retryable,
        response.status,
      );
    }
    const reason = `PostHog answered HTTP ${response.status}`;
    await backoff(attempt, retryAfterMs(response.headers.get('retry-after')), reason, options);
  }
}

const MAX_DELAY_MS = 30_000;
/** A Retry-After longer than this is not waited out: the caller is better off told. */
const MAX_RETRY_AFTER_MS = 120_000;

async function backoff(
  attempt: number,
  retryAfter: number | undefined,
  reason: string,
  options: PostHogApiOptions,
): Promise<void> {
  const base = options.retryDelayMs ?? 1000;
  // Full exponential backoff with jitter, so many clients throttled together spread out.
  const exponential = Math.min(MAX_DELAY_MS, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
  const delayMs = Math.round(Math.max(exponential, Math.min(retryAfter ?? 0, MAX_RETRY_AFTER_MS)));
  options.onStatus?.({ state: 'retrying', attempt, delayMs, reason });
  await sleep(delayMs, options.signal);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

interface Failure {
  message: string;
  code: 2 | 4;
  retryable: boolean;
}

function describeFailure(
  status: number,
  body: string,
  url: string,
  ref: Pick<PostHogRecordingRef, 'projectId' | 'recordingId'>,
): Failure {
  const at = shown(url);
  const recording = ref.recordingId ? `recording ${ref.recordingId}` : 'recordings';
  const fail = (message: string, code: 2 | 4, retryable = false) => ({ message, code, retryable });
  switch (status) {
    case 401:
      return fail(
        `PostHog refused the API key (HTTP 401) for ${at}: check that the key (or sharing token) is right, has the session_recording:read scope, and belongs to this PostHog instance (us/eu).`,
        2,
      );
    case 403:
      return fail(
        `PostHog denied access (HTTP 403) to ${at}: the key lacks the session_recording:read scope or access to project ${ref.projectId}.`,
        2,
      );
    case 404:
      return fail(
        `PostHog has no ${recording} in project ${ref.projectId} (HTTP 404 for ${at}): check the recording id, the project id and the API host (us.posthog.com or eu.posthog.com).`,
        // As for a `src` that is not found: a network-level failure (MediaError 2).
        2,
      );
    case 410: {
      const when = /"deleted_at"\s*:\s*"([^"]+)"/.exec(body)?.[1];
      return fail(
        `The recording was deleted in PostHog${when ? ` on ${when}` : ''} (HTTP 410 for ${at}): it cannot be played any more.`,
        4,
      );
    }
    case 429:
      return fail(
        `PostHog is rate-limiting requests (HTTP 429) for ${at}: wait a minute and try again, or fetch fewer recordings at once.`,
        2,
        true,
      );
  }
  if (status === 502 && body.includes('recording_blocks_unavailable')) {
    return fail(
      `PostHog could not read any stored block of this part of ${recording} (HTTP 502 recording_blocks_unavailable for ${at}): its storage is damaged or expired, and retrying will not help.`,
      4,
    );
  }
  if (status >= 500) {
    return fail(
      `PostHog failed (HTTP ${status}) for ${at}: it may be overloaded; try again in a few minutes.`,
      2,
      true,
    );
  }
  return fail(`PostHog answered HTTP ${status} for ${at}: check the address and parameters.`, 2);
}

function networkMessage(url: string): string {
  return (
    `The request for ${shown(url)} failed before PostHog answered. In a browser this is usually ` +
    "CORS: PostHog's API does not accept calls from this page's origin, so serve it through a " +
    'same-origin proxy (docs/posthog-api.md). Otherwise check the API host and your connection.'
  );
}

async function readJson(response: Response, url: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new PostHogApiError(
      `${shown(url)} answered with something other than JSON: check that api-host points at PostHog (or at a proxy that passes /api/ through).`,
      4,
      false,
      response.status,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
