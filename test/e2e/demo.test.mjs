// The demo page the README's first command serves: it must play its shipped recording.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, waitForPlayer } from './harness.mjs';

describe('demo/', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('index.html plays the shipped recording from the single-file bundle', async () => {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(`${server.origin}/demo/index.html`);
    const state = await waitForPlayer(tab, '#player');
    assert.equal(state.error, null);
    await tab.evaluate(() => document.querySelector('#player').play());
    await tab.waitForFunction(() => document.querySelector('#player').currentTime > 0.5);
    await tab.waitForFunction(() =>
      document.querySelector('#report').textContent.includes('1331 events'),
    );
    assert.deepEqual(problems, []);
    await tab.close();
  });
});
