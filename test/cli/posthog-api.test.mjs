// src/loader/posthog-api.ts against the stand-in PostHog: the request flow, batching, and every
// error the API documents. The module is bundled for the browser and run here on Node's fetch.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { RECORDINGS } from '../support/posthog-stand-in.mjs';
import { KEY, loadApi, standIn } from './helpers.mjs';

let api;
let server;
const ref = (recordingId, extra = {}) => ({
  apiHost: server.origin,
  projectId: '1',
  recordingId,
  ...extra,
});
const fast = { apiKey: KEY, retryDelayMs: 5 };

async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The snapshot requests for `id` made since `from` (an index into server.requests). */
const blobRequests = (id, from = 0) =>
  server.requests.slice(from).filter((r) => r.path.endsWith(`${id}/snapshots`) && r.query.source);

async function rejects(promise, check) {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e) => e,
  );
  assert.equal(error.name, 'PostHogApiError', error.stack);
  check(error);
}

before(async () => {
  api = await loadApi();
  server = await standIn();
});
after(() => server.close());

describe('posthog-api: the happy path', () => {
  it('reads metadata from /api/environments/… with the Bearer key', async () => {
    const from = server.requests.length;
    const meta = await api.fetchRecordingMetadata(ref(RECORDINGS.small), fast);
    assert.equal(meta.id, RECORDINGS.small);
    assert.equal(meta.start_url, 'http://localhost:3000/');
    assert.equal(meta.recording_duration, 11);
    assert.match(server.requests[from].path, /^\/api\/environments\/1\/session_recordings\//);
  });

  it('also speaks /api/projects/…, and an apiHost with a trailing slash', async () => {
    const meta = await api.fetchRecordingMetadata(
      { ...ref('demo', { pathStyle: 'projects' }), apiHost: `${server.origin}/` },
      fast,
    );
    assert.equal(meta.id, 'demo');
    assert.match(server.requests.at(-1).path, /^\/api\/projects\/1\//);
  });

  it('fetches 45 blob_v2 blocks as binary batches 0–19, 20–39, 40–44 and they decode', async () => {
    const from = server.requests.length;
    const statuses = [];
    const batches = await collect(
      api.fetchRecordingBatches(ref('demo'), { ...fast, onStatus: (s) => statuses.push(s) }),
    );
    const ranges = blobRequests('demo', from).map((r) => [
      r.query.start_blob_key,
      r.query.end_blob_key,
      r.query.decompress,
    ]);
    assert.deepEqual(ranges, [
      ['0', '19', 'false'],
      ['20', '39', 'false'],
      ['40', '44', 'false'],
    ]);
    assert.deepEqual(
      batches.map((b) => [b.batch, b.totalBatches, b.encoding, b.source]),
      [1, 2, 3].map((n) => [n, 3, 'snappy-blocks', 'blob_v2']),
    );
    assert.deepEqual(statuses.at(-1), { state: 'loading', loadedBatches: 3, totalBatches: 3 });
    // Playback can start on the first batch alone; all of them together are the whole recording.
    const first = api.decodeRecording(batches[0].bytes);
    assert.equal(first.report.eventCount, 600);
    assert.deepEqual(first.report.containers, ['snappy-length-prefixed']);
    const whole = api.decodeRecording(api.joinBatchBodies(batches));
    assert.equal(whole.report.eventCount, 1331);
    assert.equal((whole.report.endTimestamp - whole.report.startTimestamp) / 1000, 182.771);
  });

  it('asks for JSONL (decompress=true) when binary is off, with the same result', async () => {
    const from = server.requests.length;
    const batches = await collect(
      api.fetchRecordingBatches(ref('demo'), { ...fast, binary: false }),
    );
    assert.ok(blobRequests('demo', from).every((r) => r.query.decompress === undefined));
    assert.ok(batches.every((b) => b.encoding === 'text'));
    assert.equal(api.decodeRecording(api.joinBatchBodies(batches)).report.eventCount, 1331);
  });

  it('reads the 49-event fixture from blob_v2 (17 blocks in one batch)', async () => {
    const batches = await collect(api.fetchRecordingBatches(ref(RECORDINGS.small), fast));
    assert.equal(batches.length, 1);
    const { report } = api.decodeRecording(batches[0].bytes);
    assert.equal(report.eventCount, 49);
    assert.equal(report.windows.length, 2);
  });

  it('falls back to blob + realtime when there is no blob_v2, and to blob_v2_lts', async () => {
    const legacy = await collect(api.fetchRecordingBatches(ref('legacy'), fast));
    assert.deepEqual(
      legacy.map((b) => b.source),
      ['blob', 'realtime'],
    );
    assert.equal(blobRequests('legacy').at(-1).query.version, '2024-04-30');
    assert.equal(api.decodeRecording(api.joinBatchBodies(legacy)).report.eventCount, 49);
    const lts = await collect(api.fetchRecordingBatches(ref('lts'), fast));
    assert.equal(lts.length, 1);
    assert.equal(api.decodeRecording(lts[0].bytes).report.eventCount, 49);
  });

  it('joins a realtime `og` answer with other text bodies', () => {
    const enc = (text) => ({ bytes: new TextEncoder().encode(text), encoding: 'text' });
    const meta = { type: 4, data: { href: 'https://x.test/', width: 9, height: 9 }, timestamp: 1 };
    const full = { type: 2, data: { node: { type: 0, id: 1, childNodes: [] } }, timestamp: 2 };
    const joined = api.joinBatchBodies([
      enc(JSON.stringify(['w', meta])),
      enc(JSON.stringify({ snapshots: [{ window_id: 'w', data: [full] }] })),
    ]);
    assert.equal(api.decodeRecording(joined).report.eventCount, 2);
  });
});

describe('posthog-api: planning batches', () => {
  it('never puts more than 20 keys in a batch, splits at gaps, and prefers blob_v2', () => {
    const v2 = (keys) => keys.map((k) => ({ source: 'blob_v2', blob_key: String(k) }));
    const plan = (sources) => api.planBatches(sources).map((p) => p.keys ?? p.source);
    const keys = Array.from({ length: 41 }, (_, i) => i);
    assert.deepEqual(plan(v2(keys)), [
      [0, 19],
      [20, 39],
      [40, 40],
    ]);
    assert.deepEqual(plan(v2([0, 1, 2, 5, 6])), [
      [0, 2],
      [5, 6],
    ]);
    const mixed = [...v2([0]), { source: 'blob', blob_key: '1-2' }, { source: 'realtime' }];
    assert.deepEqual(plan(mixed), [[0, 0]]);
    assert.deepEqual(plan([{ source: 'blob_v2', blob_key: 'a/b/c' }]), ['blob_v2_lts']);
  });
});

describe('posthog-api: errors', () => {
  it('401: names the URL and the scope, and does not retry', async () => {
    const from = server.requests.length;
    await rejects(api.fetchRecordingMetadata(ref('demo'), { apiKey: 'phx_wrong' }), (e) => {
      assert.equal(e.status, 401);
      assert.equal(e.code, 2);
      assert.equal(e.retryable, false);
      assert.match(e.message, /PostHog refused the API key \(HTTP 401\) for http:\/\/127\.0\.0\.1/);
      assert.match(e.message, /session_recording:read/);
    });
    assert.equal(server.requests.length - from, 1);
  });

  it('403: says the key lacks the scope or the project', async () => {
    const scoped = await standIn({ scopelessKey: 'phx_noscope' });
    try {
      const r = { ...ref('demo'), apiHost: scoped.origin };
      await rejects(api.fetchRecordingMetadata(r, { apiKey: 'phx_noscope' }), (e) => {
        assert.equal(e.status, 403);
        assert.match(e.message, /lacks the session_recording:read scope or access to project 1/);
      });
    } finally {
      await scoped.close();
    }
  });

  it('404: an unknown recording is code 2 (as a missing src) and says what to check', async () => {
    await rejects(api.fetchRecordingMetadata(ref('nope'), fast), (e) => {
      assert.equal(e.status, 404);
      assert.equal(e.code, 2);
      assert.match(e.message, /no recording nope in project 1/);
    });
  });

  it('410: says the recording was deleted, and when', async () => {
    await rejects(api.fetchRecordingMetadata(ref('deleted'), fast), (e) => {
      assert.equal(e.status, 410);
      assert.equal(e.code, 4);
      assert.match(e.message, /deleted in PostHog on 2025-06-01T10:00:00Z/);
    });
  });

  it('429: backs off (visible as "retrying") and then succeeds', async () => {
    const statuses = [];
    const meta = await api.fetchRecordingMetadata(ref('throttled'), {
      ...fast,
      onStatus: (s) => statuses.push(s),
    });
    assert.equal(meta.id, 'throttled');
    const retrying = statuses.filter((s) => s.state === 'retrying');
    assert.deepEqual(
      retrying.map((s) => [s.attempt, s.reason]),
      [
        [1, 'PostHog answered HTTP 429'],
        [2, 'PostHog answered HTTP 429'],
      ],
    );
  });

  it('429: honours Retry-After', async () => {
    const slow = await standIn({ retryAfter: '1', throttleTimes: 1 });
    try {
      const delays = [];
      const started = Date.now();
      const r = { ...ref('throttled'), apiHost: slow.origin };
      await api.fetchRecordingMetadata(r, {
        ...fast,
        onStatus: (s) => s.state === 'retrying' && delays.push(s.delayMs),
      });
      assert.deepEqual(delays, [1000]);
      assert.ok(Date.now() - started >= 1000);
    } finally {
      await slow.close();
    }
  });

  it('503: retried with backoff, then the batches arrive', async () => {
    const batches = await collect(api.fetchRecordingBatches(ref('overloaded'), fast));
    assert.equal(api.decodeRecording(batches[0].bytes).report.eventCount, 49);
  });

  it('500 that persists: gives up after maxRetries, retryable', async () => {
    const from = server.requests.length;
    await rejects(api.fetchRecordingMetadata(ref('broken'), { ...fast, maxRetries: 2 }), (e) => {
      assert.equal(e.status, 500);
      assert.equal(e.retryable, true);
      assert.match(e.message, /failed \(HTTP 500\).*still failed after 2 retries/);
    });
    assert.equal(server.requests.length - from, 3);
  });

  it('502 recording_blocks_unavailable: no retry, code 4', async () => {
    const from = server.requests.length;
    await rejects(collect(api.fetchRecordingBatches(ref('blocks-unavailable'), fast)), (e) => {
      assert.equal(e.status, 502);
      assert.equal(e.code, 4);
      assert.equal(e.retryable, false);
      assert.match(e.message, /recording_blocks_unavailable.*retrying will not help/);
    });
    assert.equal(blobRequests('blocks-unavailable', from).length, 1);
  });

  it('a partial batch is fetched once more, then kept with a warning about the gap', async () => {
    const from = server.requests.length;
    const [batch] = await collect(api.fetchRecordingBatches(ref('partial'), fast));
    assert.equal(blobRequests('partial', from).length, 2);
    assert.match(batch.warning, /returned 16 of the 17 blocks 0–16/);
    assert.equal(api.countBlocks(batch.bytes), 16);
    assert.ok(api.decodeRecording(batch.bytes).report.eventCount < 49);
  });

  it('a connection that fails (as CORS does in a browser) explains the proxy', async () => {
    const port = await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      });
    });
    const r = { ...ref('demo'), apiHost: `http://127.0.0.1:${port}` };
    await rejects(api.fetchRecordingMetadata(r, fast), (e) => {
      assert.equal(e.code, 2);
      assert.equal(e.status, undefined);
      assert.match(e.message, /failed before PostHog answered.*CORS.*same-origin proxy/);
    });
  });

  it('a sharing token goes in the query, gets the cut-down metadata, and is never shown', async () => {
    const shared = await standIn({ sharingToken: 'sh-secret-123' });
    try {
      const r = { ...ref('demo'), apiHost: shared.origin };
      const meta = await api.fetchRecordingMetadata(r, { sharingToken: 'sh-secret-123' });
      assert.deepEqual(Object.keys(meta).sort(), [
        'end_time',
        'id',
        'recording_duration',
        'start_time',
      ]);
      await rejects(api.fetchRecordingMetadata(r, { sharingToken: 'sh-wrong-456' }), (e) => {
        assert.equal(e.status, 401);
        assert.doesNotMatch(e.message, /sh-wrong-456/);
      });
    } finally {
      await shared.close();
    }
  });

  it('flaky mode (every 3rd request 503): the whole recording still arrives', async () => {
    const flaky = await standIn({ flaky: 3 });
    try {
      const r = { ...ref('demo'), apiHost: flaky.origin };
      const batches = await collect(api.fetchRecordingBatches(r, fast));
      assert.equal(api.decodeRecording(api.joinBatchBodies(batches)).report.eventCount, 1331);
      assert.ok(flaky.requests.some((q) => q.status === 503));
    } finally {
      await flaky.close();
    }
  });

  it('slow mode: aborting stops the request and the backoff promptly', async () => {
    const slow = await standIn({ slowMs: 2000 });
    try {
      const abort = new AbortController();
      const started = Date.now();
      setTimeout(() => abort.abort(new Error('stopped by test')), 100);
      const r = { ...ref('demo'), apiHost: slow.origin };
      await assert.rejects(
        api.fetchRecordingMetadata(r, { ...fast, signal: abort.signal }),
        /stopped by test/,
      );
      assert.ok(Date.now() - started < 1000);
      const backoff = new AbortController();
      const fresh = await standIn();
      after(() => fresh.close());
      const throttled = { ...ref('throttled'), apiHost: fresh.origin };
      const pending = api.fetchRecordingMetadata(throttled, {
        apiKey: KEY,
        retryDelayMs: 60_000,
        signal: backoff.signal,
        onStatus: () => backoff.abort(new Error('stopped in backoff')),
      });
      await assert.rejects(pending, /stopped in backoff/);
    } finally {
      await slow.close();
    }
  });
});

describe('posthog-api: ongoing recordings and listing', () => {
  it('follows a growing sources listing without refetching, and stops when it goes quiet', async () => {
    const from = server.requests.length;
    const batches = await collect(
      api.followRecordingBatches(ref('ongoing'), {
        ...fast,
        pollIntervalMs: 10,
        maxPollIntervalMs: 20,
        idleTimeoutMs: 60,
      }),
    );
    const keys = blobRequests('ongoing', from).map((r) => [
      Number(r.query.start_blob_key),
      Number(r.query.end_blob_key),
    ]);
    // Five blocks appear per listing; each is fetched once, in order, none skipped.
    assert.deepEqual(keys[0], [0, 4]);
    for (let i = 1; i < keys.length; i++) assert.equal(keys[i][0], keys[i - 1][1] + 1);
    assert.equal(keys.at(-1)[1], 44);
    assert.deepEqual(
      batches.map((b) => b.batch),
      keys.map((_, i) => i + 1),
    );
    assert.equal(api.decodeRecording(api.joinBatchBodies(batches)).report.eventCount, 1331);
  });

  it('does not poll while shouldPoll() says the viewer is away from the live edge', async () => {
    const fresh = await standIn();
    try {
      let polls = 0;
      const r = { ...ref('ongoing'), apiHost: fresh.origin };
      await collect(
        api.followRecordingBatches(r, {
          ...fast,
          pollIntervalMs: 5,
          idleTimeoutMs: 0,
          shouldPoll: () => (polls++, false),
        }),
      ).catch(() => {});
      const listings = fresh.requests.filter(
        (q) => q.path.endsWith('/snapshots') && !q.query.source,
      );
      assert.equal(listings.length, 1);
    } finally {
      await fresh.close();
    }
  });

  it('lists recordings page by page, by cursor or by offset', async () => {
    for (const pagination of ['cursor', 'offset']) {
      const list = await standIn({ pagination });
      try {
        const query = { apiHost: list.origin, projectId: '1', params: { limit: '1' } };
        const ids = (await collect(api.listRecordings(query, fast))).map((m) => m.id);
        assert.deepEqual(ids, [RECORDINGS.small, 'demo']);
        const second = list.requests.at(-1).query;
        assert.ok(pagination === 'cursor' ? second.after : second.offset === '1', pagination);
      } finally {
        await list.close();
      }
    }
  });
});
