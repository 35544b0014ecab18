// A stand-in for PostHog's session-recording API (shared/docs/posthog-formats.md §3), serving the
// repo's fixtures in the documented response shapes, for node:test and (via koaMiddleware) for
// @web/test-runner. It only ever listens on 127.0.0.1.
//
// Recordings (ids are exported as RECORDINGS):
//   small  — recording_snapshots.jsonl (49 events, 2 windows) as 17 blob_v2 blocks of 3 events
//   demo   — posthog-demo (1331 events) as 45 blob_v2 blocks: three batches of ≤ 20 keys
//   legacy — no blob_v2: one `blob` source (window 1) and a `realtime` tail (window 2)
//   lts    — one blob_v2_lts source (the raw snappy fixture)
//   ongoing — demo's blocks, five more revealed by each sources listing; metadata `ongoing: true`
//   deleted (410), blocks-unavailable (502 on blocks), partial (block 1 always missing),
//   throttled (429 twice per URL), overloaded (503 twice per URL), broken (500 always);
//   any other id is 404.
// Options: apiKey (then Bearer auth is required: 401 otherwise, 403 for `scopelessKey`),
//   sharingToken, projectId ('1'), slowMs (delay per answer), flaky (every Nth request fails
//   with 503), retryAfter (Retry-After seconds on 429, default '0'), throttleTimes (429s per
//   URL for `throttled`, default 2), pagination ('cursor' or 'offset'), cors (allow any origin).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import snappy from 'snappyjs';

const fixtures = new URL('../fixtures/', import.meta.url);
const read = (path) => readFileSync(new URL(path, fixtures));
const json = (path) => JSON.parse(read(path).toString('utf8'));

export const RECORDINGS = {
  small: json('posthog-api/recording_meta.json').id,
  demo: 'demo',
  legacy: 'legacy',
  lts: 'lts',
  ongoing: 'ongoing',
  deleted: 'deleted',
  blocksUnavailable: 'blocks-unavailable',
  partial: 'partial',
  throttled: 'throttled',
  overloaded: 'overloaded',
  broken: 'broken',
};

/** Blocks of `[windowId, event]` JSONL lines, `size` lines each, as the v2 ingester writes. */
function toBlocks(lines, size) {
  const blocks = [];
  for (let i = 0; i < lines.length; i += size) {
    const chunk = lines.slice(i, i + size);
    const times = chunk.map((line) => JSON.parse(line)[1].timestamp);
    blocks.push({ text: chunk.join('\n'), start: Math.min(...times), end: Math.max(...times) });
  }
  return blocks;
}

function loadData() {
  const v1Lines = read('posthog-api/recording_snapshots.jsonl')
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const smallPairs = v1Lines
    .flatMap((line) => line.data.map((event) => [line.window_id, event]))
    .sort((a, b) => a[1].timestamp - b[1].timestamp)
    .map((pair) => JSON.stringify(pair));
  const demoPairs = gunzipSync(read('posthog-js/posthog-demo.posthog-v2.jsonl.gz'))
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
  const smallMeta = json('posthog-api/recording_meta.json');
  const demoBlocks = toBlocks(demoPairs, 30);
  const demoMeta = {
    ...json('posthog-api/large_recording_meta.json'),
    id: 'demo',
    start_time: new Date(demoBlocks[0].start).toISOString(),
    end_time: new Date(demoBlocks.at(-1).end).toISOString(),
    recording_duration: Math.round((demoBlocks.at(-1).end - demoBlocks[0].start) / 1000),
    start_url: 'http://shop.acme.test:43437/',
    ongoing: false,
  };
  return {
    small: { meta: smallMeta, blocks: toBlocks(smallPairs, 3) },
    demo: { meta: demoMeta, blocks: demoBlocks },
    legacyLines: v1Lines.map((line) => JSON.stringify(line)),
    lts: Buffer.from(json('formats/blob_v2_lts_raw_snappy_body.json').body_base64, 'base64'),
  };
}

let cached;
const data = () => (cached ??= loadData());

/** `[u32be length][snappy]` per block, as `decompress=false` answers; compressed once per block. */
function lengthPrefixed(blocks) {
  const parts = blocks.map((block) => {
    if (!block.framed) {
      const compressed = Buffer.from(snappy.compress(Buffer.from(block.text, 'utf8')));
      const prefix = Buffer.alloc(4);
      prefix.writeUInt32BE(compressed.length);
      block.framed = Buffer.concat([prefix, compressed]);
    }
    return block.framed;
  });
  return Buffer.concat(parts);
}

const sourceOf = (block, key) => ({
  source: 'blob_v2',
  start_timestamp: new Date(block.start).toISOString(),
  end_timestamp: new Date(block.end).toISOString(),
  blob_key: String(key),
});

export function createPostHogStandIn(options = {}) {
  const projectId = options.projectId ?? '1';
  const requests = [];
  const perUrl = new Map();
  let count = 0;
  let listings = 0;
  let server;

  /** Which blocks and metadata a recording id has; undefined for unknown ids (404). */
  function recording(id) {
    const d = data();
    if (id === RECORDINGS.small) return d.small;
    if (id === 'demo') return d.demo;
    if (id === 'ongoing') {
      const shown = Math.min(d.demo.blocks.length, 5 * listings);
      return { meta: { ...d.demo.meta, id, ongoing: true }, blocks: d.demo.blocks, shown };
    }
    if (['legacy', 'lts'].includes(id)) return { meta: { ...d.small.meta, id }, blocks: [] };
    if (Object.values(RECORDINGS).includes(id))
      return { ...d.small, meta: { ...d.small.meta, id } };
    return undefined;
  }

  function sources(id, rec) {
    const d = data();
    if (id === 'legacy') {
      const [first] = d.small.blocks;
      return [
        {
          source: 'blob',
          start_timestamp: null,
          end_timestamp: null,
          blob_key: `${first.start}-${first.end}`,
        },
        { source: 'realtime', start_timestamp: null, end_timestamp: null, blob_key: null },
      ];
    }
    if (id === 'lts')
      return [{ source: 'blob_v2_lts', blob_key: 'lts/1/lts', start_timestamp: null }];
    const blocks = rec.blocks.slice(0, rec.shown ?? rec.blocks.length);
    return blocks.map(sourceOf);
  }

  function snapshots(id, rec, query, send) {
    const d = data();
    const source = query.get('source');
    const decompress = query.get('decompress') !== 'false';
    if (source === 'blob') return send(200, d.legacyLines[0], 'application/json');
    if (source === 'realtime') {
      if (query.get('version') === '2024-04-30')
        return send(200, d.legacyLines[1], 'application/json');
      return send(200, JSON.stringify({ snapshots: [JSON.parse(d.legacyLines[1])] }));
    }
    if (source === 'blob_v2_lts') {
      if (query.get('blob_key') !== 'lts/1/lts') return send(404, { detail: 'Not found.' });
      if (!decompress) return send(200, d.lts, 'application/octet-stream');
      return send(200, Buffer.from(snappy.uncompress(d.lts)), 'application/jsonl');
    }
    if (source !== 'blob_v2') return send(400, { detail: `Invalid source: ${source}` });
    const single = query.get('blob_key');
    const start = Number(single ?? query.get('start_blob_key'));
    const end = Number(single ?? query.get('end_blob_key'));
    if (!Number.isInteger(start) || !Number.isInteger(end) || end < start)
      return send(400, { detail: 'start_blob_key and end_blob_key must be integers' });
    if (end - start > 20)
      return send(400, { detail: 'Cannot request more than 20 blob keys at once' });
    if (end >= rec.blocks.length) return send(404, { detail: 'Recording not found' });
    if (id === 'blocks-unavailable')
      return send(502, {
        type: 'server_error',
        code: 'recording_blocks_unavailable',
        detail: 'Failed to load recording blocks',
      });
    let blocks = rec.blocks.slice(start, end + 1);
    if (id === 'partial') blocks = blocks.filter((_, i) => start + i !== 1);
    if (!decompress) return send(200, lengthPrefixed(blocks), 'application/octet-stream');
    return send(200, blocks.map((b) => b.text).join('\n'), 'application/jsonl');
  }

  function list(query, send) {
    const d = data();
    const from = query.get('date_from') ? Date.parse(query.get('date_from')) : -Infinity;
    const to = query.get('date_to') ? Date.parse(query.get('date_to')) : Infinity;
    const all = [d.small.meta, d.demo.meta].filter((m) => {
      const t = Date.parse(m.start_time);
      return t >= from && t <= to;
    });
    const limit = Number(query.get('limit') ?? 1);
    const offset = query.get('after')
      ? Number(atob(query.get('after')))
      : Number(query.get('offset') ?? 0);
    const results = all.slice(offset, offset + limit);
    const hasNext = offset + limit < all.length;
    const next = hasNext && options.pagination !== 'offset' ? btoa(String(offset + limit)) : null;
    send(200, { results, has_next: hasNext, version: 4, ...(next ? { next_cursor: next } : {}) });
  }

  const stats = { inFlight: 0, maxInFlight: 0 };

  async function handler(req, res) {
    stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
    res.on('close', () => stats.inFlight--);
    const url = new URL(req.url, 'http://stand-in');
    const entry = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    };
    requests.push(entry);
    const send = (status, body, type = 'application/json', headers = {}) => {
      entry.status = status;
      const payload =
        Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': type, ...cors(), ...headers });
      res.end(payload);
    };
    const cors = () =>
      options.cors
        ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization' }
        : {};
    if (req.method === 'OPTIONS') return send(204, '');
    if (options.slowMs) await new Promise((r) => setTimeout(r, options.slowMs));
    if (options.flaky && ++count % options.flaky === 0)
      return send(503, { detail: 'Over capacity (flaky mode)' });

    const auth = req.headers.authorization ?? '';
    const token = url.searchParams.get('sharing_access_token');
    if (options.apiKey || options.sharingToken) {
      const shared =
        options.sharingToken &&
        (token === options.sharingToken || auth === `Bearer ${options.sharingToken}`);
      if (options.scopelessKey && auth === `Bearer ${options.scopelessKey}`)
        return send(403, {
          type: 'authentication_error',
          detail: "API key missing required scope 'session_recording:read'",
        });
      if (!shared && auth !== `Bearer ${options.apiKey}`)
        return send(401, {
          type: 'authentication_error',
          code: 'authentication_failed',
          detail: 'Invalid personal API key.',
        });
    }

    const match =
      /^\/api\/(environments|projects)\/([^/]+)\/session_recordings(?:\/([^/]+)(\/snapshots)?)?\/?$/.exec(
        url.pathname,
      );
    if (!match || req.method !== 'GET') return send(404, { detail: 'Not found.' });
    const [, , project, rawId, isSnapshots] = match;
    if (project !== projectId) return send(404, { detail: 'Project not found.' });
    if (!rawId) return list(url.searchParams, send);
    const id = decodeURIComponent(rawId);
    const rec = recording(id);
    if (!rec) return send(404, { detail: 'Recording not found' });
    if (id === 'deleted')
      return send(410, {
        error: 'recording_deleted',
        message: 'This recording has been deleted',
        deleted_at: '2025-06-01T10:00:00Z',
        deleted_by: 'someone@example.com',
      });
    const key = `${url.pathname}?${url.searchParams}`;
    const seen = (perUrl.get(key) ?? 0) + 1;
    perUrl.set(key, seen);
    if (id === 'throttled' && seen <= (options.throttleTimes ?? 2))
      return send(429, { detail: 'Request was throttled.' }, 'application/json', {
        'retry-after': options.retryAfter ?? '0',
      });
    if (id === 'overloaded' && seen <= 2) return send(503, { detail: 'ClickHouse over capacity' });
    if (id === 'broken') return send(500, { detail: 'Internal server error' });

    if (!isSnapshots) {
      const { person, ...rest } = rec.meta;
      return send(
        200,
        token
          ? {
              id: rest.id,
              recording_duration: rest.recording_duration,
              start_time: rest.start_time,
              end_time: rest.end_time,
            }
          : { ...rest, person },
      );
    }
    if (!url.searchParams.has('source')) {
      if (id === 'ongoing') listings++;
      return send(200, { sources: sources(id, recording(id)) });
    }
    return snapshots(id, rec, url.searchParams, send);
  }

  return {
    handler: (req, res) =>
      handler(req, res).catch((error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error?.stack ?? error));
      }),
    requests,
    /** Requests being answered now, and the most at once (for concurrency tests). */
    stats,
    origin: undefined,
    async listen(port = 0) {
      server = createServer(this.handler);
      // Dropped connections must not keep the test process alive.
      server.keepAliveTimeout = 100;
      await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
      this.origin = `http://127.0.0.1:${server.address().port}`;
      return this.origin;
    },
    close() {
      server?.closeAllConnections();
      return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    koa(prefix) {
      return koaAdapter(prefix, this.handler);
    },
  };
}

function koaAdapter(prefix, handler) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(`${prefix}/api/`)) return next();
    ctx.respond = false;
    ctx.req.url = ctx.req.url.slice(prefix.length);
    await new Promise((resolve) => {
      ctx.res.on('finish', resolve);
      ctx.res.on('close', resolve);
      void handler(ctx.req, ctx.res);
    });
  };
}

/** For @web/test-runner's `middleware`: serves the stand-in at `${prefix}/api/…`, same origin. */
export function koaMiddleware(prefix = '/posthog', options = {}) {
  return createPostHogStandIn(options).koa(prefix);
}
