// `posthog-replay html`: one file that plays by double-click. Opened under file:// in headless
// Chromium, it must play to the end without a single network request, and its
// Content-Security-Policy must stop a recording's own assets from reaching any server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { headingAt, launchBrowser, waitForPlayer } from '../e2e/harness.mjs';
import { fixture, runCli, tempDir } from './helpers.mjs';

const ARTICLE = 'The beginner’s guide to hand-tool woodworking';
let browser;
let dir;

before(async () => {
  browser = await launchBrowser();
  dir = await tempDir();
});
after(() => browser?.close());

/** Opens a local file and records every request the page (and its frames) starts. */
async function open(file) {
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, problems };
}

/** Plays the last `seconds` of the recording and waits for `ended`. */
async function playToEnd(page, seconds = 3) {
  return page.evaluate(async (seconds) => {
    const player = document.querySelector('posthog-replay');
    player.currentTime = Math.max(0, player.duration - seconds);
    player.playbackRate = 4;
    const ended = new Promise((resolve) =>
      player.addEventListener('ended', resolve, { once: true }),
    );
    await player.play();
    await ended;
    return { currentTime: player.currentTime, duration: player.duration };
  }, seconds);
}

/** The recording inside a generated page, as the page's own script would read it. */
async function inlinedBundle(file) {
  const html = await readFile(file, 'utf8');
  const base64 = /id="posthog-replay-recording">([^<]+)</.exec(html)[1];
  return JSON.parse(gunzipSync(Buffer.from(base64, 'base64')).toString('utf8'));
}

describe('posthog-replay html', () => {
  it('turns the demo export into one file that plays offline to the end', async () => {
    const out = join(dir, 'demo.html');
    const input = fixture('posthog-js/posthog-demo.export.json');
    const { code, stderr } = await runCli(['html', input, '-o', out]);
    assert.equal(code, 0, stderr);
    const size = (await stat(out)).size;
    assert.match(stderr, /demo\.html \(\d+ KB\): open it in a browser/);
    assert.ok(size < 1_200_000, `${size} bytes`);

    const { page, requests, problems } = await open(out);
    const state = await waitForPlayer(page);
    assert.equal(state.error, null);
    assert.ok(Math.abs(state.duration - 182.771) < 0.01, `duration ${state.duration}`);
    assert.equal(await headingAt(page, 60), ARTICLE);
    const end = await playToEnd(page);
    assert.equal(end.currentTime, end.duration);
    // The page itself, and the Blob the decoder worker starts from: nothing else at all.
    const network = requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:'));
    assert.deepEqual(network, []);
    assert.equal(requests.filter((url) => url.startsWith('file:')).length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("blocks a recording's own images and stylesheets: no server ever sees a request", async () => {
    const hits = [];
    const server = createServer((req, res) => {
      hits.push(req.url);
      res.end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${server.address().port}`;
    try {
      const input = join(dir, 'assets.json');
      await writeFile(input, JSON.stringify(recordingWithAssets(origin)));
      const out = join(dir, 'assets.html');
      assert.equal((await runCli(['html', input, '-o', out])).code, 0);
      const { page } = await open(out);
      assert.equal((await waitForPlayer(page)).error, null);
      await playToEnd(page);
      await page.close();
      assert.deepEqual(hits, []);
    } finally {
      server.close();
    }
  });

  it('strips person data by default; --keep-person keeps it', async () => {
    const input = join(dir, 'with-person.json');
    const exported = JSON.parse(
      await readFile(fixture('formats/export-v2023-04-28-string-windowid.ph-recording.json')),
    );
    exported.data.person = { name: 'Ada Example', properties: { email: 'ada@example.test' } };
    await writeFile(input, JSON.stringify(exported));
    const stripped = join(dir, 'stripped.html');
    const kept = join(dir, 'kept.html');
    assert.equal((await runCli(['html', input, '-o', stripped])).code, 0);
    assert.equal((await runCli(['html', input, '-o', kept, '--keep-person'])).code, 0);
    assert.doesNotMatch(await readFile(stripped, 'utf8'), /ada@example/);
    assert.equal((await inlinedBundle(stripped)).metadata?.person, undefined);
    assert.equal((await inlinedBundle(kept)).metadata.person.name, 'Ada Example');
    assert.equal((await inlinedBundle(kept)).windows.length, 2);
  });

  it('refuses a file the player could not play, and says why', async () => {
    const input = join(dir, 'not-a-recording.json');
    await writeFile(input, '{"version": "2099-01-01", "data": {}}');
    const { code, stderr } = await runCli(['html', input, '-o', join(dir, 'x.html')]);
    assert.equal(code, 1);
    assert.match(stderr, /Cannot play .*not-a-recording\.json: Unsupported PostHog export version/);
  });
});

/** A Meta, a FullSnapshot with an <img> and a stylesheet on `origin`, and a mouse move. */
function recordingWithAssets(origin) {
  const t = 1_700_000_000_000;
  const el = (id, tagName, attributes, childNodes = []) => ({
    type: 2,
    id,
    tagName,
    attributes,
    childNodes,
  });
  const link = el(6, 'link', { rel: 'stylesheet', href: `${origin}/style.css` });
  const img = el(5, 'img', { src: `${origin}/image.png` });
  const html = el(2, 'html', {}, [el(3, 'head', {}, [link]), el(4, 'body', {}, [img])]);
  return [
    { type: 4, data: { href: `${origin}/page`, width: 800, height: 600 }, timestamp: t },
    {
      type: 2,
      data: { node: { type: 0, id: 1, childNodes: [html] }, initialOffset: { top: 0, left: 0 } },
      timestamp: t + 10,
    },
    {
      type: 3,
      data: { source: 1, positions: [{ x: 5, y: 5, id: 4, timeOffset: 0 }] },
      timestamp: t + 2000,
    },
  ];
}
