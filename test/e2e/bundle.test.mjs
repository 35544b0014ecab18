// The single-file bundle, as a user embeds it: one <script src> and <posthog-replay src>.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { headingAt, launchBrowser, root, startServer, waitForPlayer } from './harness.mjs';

const ARTICLE = 'The beginner’s guide to hand-tool woodworking';
const page = (src, extra = '') => `<!doctype html><meta charset="utf-8">
<script src="/dist/posthog-replay.js"></script>
<posthog-replay src="${src}" style="width:800px;height:520px"></posthog-replay>${extra}`;

describe('dist/posthog-replay.js from a plain HTML page', () => {
  let server;
  let browser;
  before(async () => {
    const exportGz = gzipSync(
      await readFile(`${root}test/fixtures/posthog-js/posthog-demo.export.json`),
    );
    const csp =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self'";
    server = await startServer({
      '/export.html': { body: page('/recordings/export.ph-recording.json.gz') },
      '/rrweb.html': { body: page('/test/fixtures/posthog-js/posthog-demo.rrweb.json.gz') },
      '/csp.html': {
        body: page('/test/fixtures/posthog-js/posthog-demo.rrweb.json.gz'),
        headers: { 'content-security-policy': csp },
      },
      '/recordings/export.ph-recording.json.gz': {
        body: exportGz,
        headers: { 'content-type': 'application/octet-stream' },
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path) {
    const tab = await browser.newPage();
    const problems = [];
    const warnings = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await tab.goto(`${server.origin}${path}`);
    return { tab, problems, warnings };
  }

  it('plays a gzipped PostHog export v2, and currentTime = 60 shows the page at 60 s', async () => {
    const { tab, problems } = await open('/export.html');
    const state = await waitForPlayer(tab);
    assert.equal(state.error, null);
    assert.ok(Math.abs(state.duration - 182.771) < 0.01, `duration ${state.duration}`);
    assert.equal(await headingAt(tab, 60), ARTICLE);
    await tab.evaluate(() => document.querySelector('posthog-replay').play());
    await tab.waitForFunction(() => document.querySelector('posthog-replay').currentTime > 60.5);
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('plays a gzipped plain rrweb array', async () => {
    const { tab, problems } = await open('/rrweb.html');
    const state = await waitForPlayer(tab);
    assert.equal(state.error, null);
    assert.equal(await headingAt(tab, 60), ARTICLE);
    assert.equal(await headingAt(tab, 10), 'Tools that just work.');
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('under a CSP that blocks blob: workers, decodes on the main thread with one warning', async () => {
    const { tab, problems, warnings } = await open('/csp.html');
    const state = await waitForPlayer(tab);
    assert.equal(state.error, null);
    assert.equal(await headingAt(tab, 60), ARTICLE);
    const ours = warnings.filter((w) => w.includes('posthog-replay'));
    assert.equal(ours.length, 1, `warnings: ${warnings.join(' | ')}`);
    assert.match(ours[0], /main thread/);
    assert.deepEqual(problems, []);
    await tab.close();
  });
});
