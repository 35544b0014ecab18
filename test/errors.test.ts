import { expect } from '@open-wc/testing';
import type { PostHogReplay } from '../src/posthog-replay.js';
import { emptyPlayer, FIXTURES, nextEvent, statusText } from './helpers.js';

/** Loads `src` and returns the player once `error` fired; fails if anything reached the page. */
async function failingLoad(src: string | undefined, recording?: unknown): Promise<PostHogReplay> {
  const escaped: unknown[] = [];
  const onError = (e: ErrorEvent) => escaped.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => escaped.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    const player = await emptyPlayer();
    const error = nextEvent(player, 'error');
    if (recording !== undefined) player.recording = recording;
    else player.src = src!;
    await error;
    await player.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(escaped, 'nothing thrown into the page').to.deep.equal([]);
    return player;
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

describe('<posthog-replay> errors are UI', () => {
  it('404: code 2, and the message names the status and the URL', async () => {
    const player = await failingLoad('/test/fixtures/nope.json');
    expect(player.error?.code).to.equal(2);
    expect(player.error?.message).to.contain('HTTP 404').and.contain('/test/fixtures/nope.json');
    expect(statusText(player)).to.contain('HTTP 404').and.contain('/test/fixtures/nope.json');
    expect(player.readyState).to.equal(0);
    expect(Number.isNaN(player.duration)).to.equal(true);
  });

  it('an unreachable server: code 2 with a hint', async () => {
    const player = await failingLoad('http://127.0.0.1:9/recording.json');
    expect(player.error?.code).to.equal(2);
    expect(statusText(player)).to.contain('127.0.0.1:9');
  });

  it('malformed JSON: code 3, visible', async () => {
    const url = URL.createObjectURL(
      new Blob(['{"version": "2023-04-28", "data": {"snapshots": [']),
    );
    const player = await failingLoad(url);
    expect(player.error?.code).to.equal(3);
    expect(statusText(player)).to.contain("can't be played");
    expect(statusText(player)).to.contain(url);
  });

  it('JSON that is not a recording: code 4, visible', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify({ hello: 'world', items: [1, 2] })]));
    const player = await failingLoad(url);
    expect(player.error?.code).to.equal(4);
    expect(statusText(player).length).to.be.greaterThan(30);
  });

  it('a PostHog mobile recording: code 4, "not supported yet", never a blank frame', async () => {
    const player = await failingLoad(`${FIXTURES}/mobile/synthetic_mobile_wireframe_blob_v2.jsonl`);
    expect(player.error?.code).to.equal(4);
    expect(statusText(player)).to.match(/mobile recordings are not supported yet/);
  });

  it('a recording with no full snapshot says so instead of showing white', async () => {
    const player = await failingLoad(`${FIXTURES}/rrweb/mutation.blocked_middlechild_element.json`);
    expect(player.error?.code).to.be.oneOf([3, 4]);
    expect(statusText(player).toLowerCase()).to.match(/full snapshot|nothing to show|not enough/);
  });

  it('play() on a failed player rejects, pause() does not throw', async () => {
    const player = await failingLoad('/test/fixtures/nope.json');
    let rejected = false;
    await player.play().catch(() => (rejected = true));
    expect(rejected).to.equal(true);
    player.pause();
    player.currentTime = 10;
  });

  it('a pending play() rejects when the load fails, without an unhandled rejection', async () => {
    const player = await emptyPlayer();
    const play = player.play();
    player.src = '/test/fixtures/nope.json';
    let rejected = false;
    await play.catch(() => (rejected = true));
    expect(rejected).to.equal(true);
  });
});
