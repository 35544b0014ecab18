// `posthog-replay export` and `info`, run as a user runs them (node bin/posthog-replay.mjs …),
// against the stand-in PostHog on 127.0.0.1. Needs `npm run build` (dist/cli) first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { RECORDINGS } from '../support/posthog-stand-in.mjs';
import { KEY, fixture, loadApi, runCli, standIn, tempDir } from './helpers.mjs';

let server;
let api;
const env = () => ({ POSTHOG_API_KEY: KEY, POSTHOG_HOST: server.origin, POSTHOG_PROJECT_ID: '1' });
const exportTo = (dir, ...args) =>
  runCli(['export', '--out', dir, '--retry-delay', '5', ...args], env());
const readBundle = async (path) => JSON.parse(gunzipSync(await readFile(path)).toString('utf8'));
const bundlePath = (dir, id) => join(dir, `${id}.posthog-replay.json.gz`);

before(async () => {
  server = await standIn();
  api = await loadApi();
});
after(() => server.close());

describe('posthog-replay export', () => {
  it('writes one gzip bundle per recording that the decoder plays, with metadata', async () => {
    const dir = await tempDir();
    const { code, stderr } = await exportTo(dir, RECORDINGS.small, 'demo');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /2 exported, 0 skipped, 0 failed/);
    const bundle = await readBundle(bundlePath(dir, 'demo'));
    assert.equal(bundle.format, 'posthog-replay-bundle');
    assert.equal(bundle.version, 1);
    assert.equal(bundle.metadata.id, 'demo');
    assert.equal(bundle.metadata.start_url, 'http://shop.acme.test:43437/');
    assert.ok(bundle.metadata.person, 'person is kept unless --strip-person');
    assert.deepEqual(bundle.source, {
      apiHost: server.origin,
      projectId: '1',
      recordingId: 'demo',
    });
    const decoded = api.decodeRecording(await readFile(bundlePath(dir, 'demo')));
    assert.equal(decoded.report.format, 'posthog-replay-bundle');
    assert.deepEqual(decoded.report.containers, ['gzip']);
    assert.equal(decoded.report.eventCount, 1331);
    const small = api.decodeRecording(await readFile(bundlePath(dir, RECORDINGS.small)));
    assert.equal(small.report.eventCount, 49);
    assert.equal(small.report.windows.length, 2);
  });

  it('is resumable: existing bundles are skipped, --force rewrites them', async () => {
    const dir = await tempDir();
    await writeFile(bundlePath(dir, RECORDINGS.small), 'already here');
    const from = server.requests.length;
    const first = await exportTo(dir, RECORDINGS.small, 'legacy');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /1 exported, 1 skipped/);
    assert.equal(await readFile(bundlePath(dir, RECORDINGS.small), 'utf8'), 'already here');
    assert.ok(!server.requests.slice(from).some((r) => r.path.includes(RECORDINGS.small)));
    const forced = await exportTo(dir, RECORDINGS.small, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(
      (await readBundle(bundlePath(dir, RECORDINGS.small))).metadata.id,
      RECORDINGS.small,
    );
    assert.ok(!(await readdir(dir)).some((f) => f.endsWith('.partial')));
  });

  it('--strip-person leaves out person and distinct_id', async () => {
    const dir = await tempDir();
    const { code } = await exportTo(dir, RECORDINGS.small, '--strip-person');
    assert.equal(code, 0);
    const { metadata } = await readBundle(bundlePath(dir, RECORDINGS.small));
    assert.equal(metadata.person, undefined);
    assert.equal(metadata.distinct_id, undefined);
    assert.equal(metadata.recording_duration, 11);
  });

  it('selects recordings by date range through the list endpoint, page by page', async () => {
    const dir = await tempDir();
    const from = server.requests.length;
    const { code, stderr } = await exportTo(dir, '--from', '2020-01-01', '--to', '2030-01-01');
    assert.equal(code, 0, stderr);
    const lists = server.requests.slice(from).filter((r) => /session_recordings$/.test(r.path));
    assert.equal(lists[0].query.date_from, '2020-01-01');
    assert.equal(lists[0].query.date_to, '2030-01-01');
    assert.deepEqual((await readdir(dir)).sort(), [
      `${RECORDINGS.small}.posthog-replay.json.gz`,
      'demo.posthog-replay.json.gz',
    ]);
    const none = await exportTo(await tempDir(), '--from', '2001-01-01', '--to', '2001-01-02');
    assert.match(none.stderr, /0 exported/);
  });

  it('keeps going past a failed recording, says why, and exits 1', async () => {
    const dir = await tempDir();
    const { code, stderr } = await exportTo(dir, 'deleted', RECORDINGS.small, 'nope');
    assert.equal(code, 1);
    assert.match(stderr, /deleted: FAILED\. The recording was deleted in PostHog/);
    assert.match(stderr, /nope: FAILED\. PostHog has no recording nope in project 1 \(HTTP 404/);
    assert.match(stderr, /1 exported, 0 skipped, 2 failed/);
    assert.deepEqual(await readdir(dir), [`${RECORDINGS.small}.posthog-replay.json.gz`]);
  });

  it('waits out 429 and 503 answers', async () => {
    const dir = await tempDir();
    const from = server.requests.length;
    const { code, stderr } = await exportTo(dir, 'throttled', 'overloaded');
    assert.equal(code, 0, stderr);
    const statuses = server.requests.slice(from).map((r) => r.status);
    assert.ok(statuses.includes(429) && statuses.includes(503));
  });

  it('a refused key stops the whole run after the first failure', async () => {
    const dir = await tempDir();
    const { code, stderr } = await runCli(
      ['export', '--out', dir, '--concurrency', '1', 'demo', RECORDINGS.small],
      { ...env(), POSTHOG_API_KEY: 'phx_wrong' },
    );
    assert.equal(code, 1);
    assert.match(stderr, /PostHog refused the API key \(HTTP 401\)/);
    assert.match(stderr, /0 exported, 0 skipped, 1 failed/);
  });

  it('downloads at most --concurrency recordings at once', async () => {
    const slow = await standIn({ slowMs: 80 });
    try {
      const dir = await tempDir();
      const ids = [RECORDINGS.small, 'legacy', 'lts', 'overloaded'];
      const { code, stderr } = await runCli(
        ['export', '--out', dir, '--concurrency', '2', '--retry-delay', '5', ...ids],
        {
          ...env(),
          POSTHOG_HOST: slow.origin,
        },
      );
      assert.equal(code, 0, stderr);
      assert.equal(slow.stats.maxInFlight, 2);
    } finally {
      await slow.close();
    }
  });

  it('refuses to run without a key or a selection, with exit code 2', async () => {
    const noKey = await runCli(['export', 'demo'], { ...env(), POSTHOG_API_KEY: '' });
    assert.equal(noKey.code, 2);
    assert.match(noKey.stderr, /Set POSTHOG_API_KEY to a personal API key/);
    const nothing = await runCli(['export'], env());
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /Name recordings to export/);
  });
});

describe('posthog-replay info', () => {
  it('describes a PostHog export: format, windows, duration, histogram', async () => {
    const file = fixture('posthog-js/posthog-demo.export.json');
    const { code, stdout } = await runCli(['info', file]);
    assert.equal(code, 0);
    assert.match(stdout, /format: {3}PostHog export \(2023-04-28\) \(posthog-export-v2\)/);
    assert.match(stdout, /duration: 182\.771 s/);
    assert.match(stdout, /events: {3}1331/);
    assert.match(stdout, /windows: {2}1/);
    assert.match(stdout, /\s343 {2}IncrementalSnapshot \/ Mutation/);
    assert.match(stdout, /\s34 {2}Plugin \/ rrweb\/console@1/);
  });

  it('--json, on an exported bundle, with its warnings; a bad file exits 1', async () => {
    const dir = await tempDir();
    await exportTo(dir, RECORDINGS.small);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"hello": 1}');
    const { code, stdout, stderr } = await runCli([
      'info',
      '--json',
      bundlePath(dir, RECORDINGS.small),
      fixture('edge/edge_blob_v2_missing_meta_and_full_snapshot.jsonl'),
      bad,
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /Cannot play .*bad\.json: This file is JSON but not a session recording/);
    const [bundle, edge] = JSON.parse(stdout);
    assert.equal(bundle.format, 'posthog-replay-bundle');
    assert.equal(bundle.events, 49);
    assert.equal(bundle.metadata.id, RECORDINGS.small);
    assert.equal(bundle.histogram.FullSnapshot, 2);
    assert.ok(edge.warnings.length > 0);
    assert.ok(edge.windows.some((w) => !w.playable));
    assert.ok((await stat(bundlePath(dir, RECORDINGS.small))).size < 20_000);
  });
});
