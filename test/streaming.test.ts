/**
 * A recording from `src` plays while it is still downloading: the download is held halfway by
 * the test server (test/support/held-file.mjs) until the test releases it.
 */
import { expect } from '@open-wc/testing';
import type { PostHogReplay } from '../src/posthog-replay.js';
import { emptyPlayer, headingText, nextEvent, until, whenReady } from './helpers.js';

const DEMO_GZ = 'posthog-js/posthog-demo.rrweb.json.gz';
let tokens = 0;

/** How much of the seek bar's track the `buffered` part covers (0..1). */
function bufferedShare(player: PostHogReplay): number {
  const timeline = player.shadowRoot!.querySelector('posthog-replay-timeline')!;
  const track = timeline.shadowRoot!.querySelector<HTMLElement>('[part="track"]')!;
  const loaded = timeline.shadowRoot!.querySelector<HTMLElement>('[part="buffered"]')!;
  return loaded.getBoundingClientRect().width / track.getBoundingClientRect().width;
}

/** A URL whose download stops halfway, and the function that lets it finish. */
function heldDownload(path: string): { url: string; release: () => Promise<void> } {
  const token = `t${Date.now()}-${tokens++}`;
  return {
    url: `/held/${token}/${path}`,
    release: async () => void (await fetch(`/held-release/${token}`)),
  };
}

describe('<posthog-replay> streaming a download', () => {
  it('shows the first page before the download has finished, then loads the rest', async () => {
    const { url, release } = heldDownload(DEMO_GZ);
    const player = await emptyPlayer();
    let complete = false;
    player.addEventListener('canplaythrough', () => (complete = true));
    const shown = nextEvent(player, 'loadeddata');
    player.src = url;
    try {
      await shown;
      await until(() => headingText(player) === 'Tools that just work.', 5_000, 'first page');
      expect(complete).to.equal(false);
      expect(player.readyState).to.equal(3);
      // Half the file holds part of the recording: the seek bar shows how much.
      const loaded = player.buffered.end(0);
      expect(loaded).to.be.greaterThan(0);
      expect(loaded).to.be.lessThan(182);
      expect(player.report!.eventCount).to.be.lessThan(1331);
      // A plain file does not say how long it is: the duration is what has been decoded so far,
      // growing (PostHog's metadata would make it the whole 183 s).
      expect(player.duration).to.be.lessThan(182);
    } finally {
      await release();
    }
    await whenReady(player);
    expect(player.readyState).to.equal(4);
    expect(player.report!.eventCount).to.equal(1331);
    expect(player.duration).to.be.closeTo(182.771, 0.01);
    expect(player.buffered.end(0)).to.be.closeTo(182.771, 0.01);
    await until(() => bufferedShare(player) > 0.999, 3_000, 'the whole bar loaded');
  });

  it('waits at the end of what has arrived while playing, and goes on once the rest comes', async () => {
    const { url, release } = heldDownload(DEMO_GZ);
    const player = await emptyPlayer();
    player.src = url;
    let loaded = 0;
    try {
      await whenReady(player, false);
      // Let the whole first half arrive (nothing more comes until the release).
      let last = -1;
      await until(
        () => {
          const now = player.buffered.end(0);
          const still = now === last;
          last = now;
          return still;
        },
        10_000,
        'the first half decoded',
        500,
      );
      loaded = player.buffered.end(0);
      player.playbackRate = 16;
      player.currentTime = Math.max(0, loaded - 2);
      const waiting = nextEvent(player, 'waiting');
      await player.play();
      await waiting;
      expect(player.paused).to.equal(false);
      expect(loaded).to.be.lessThan(182);
      expect(player.currentTime).to.be.closeTo(loaded, 0.05);
    } finally {
      const playing = nextEvent(player, 'playing');
      await release();
      await playing;
    }
    await until(() => player.currentTime > loaded + 1, 5_000, 'the clock going past the wait');
    player.pause();
  });

  it('stops a download that is no longer wanted and loads the new source', async () => {
    const { url, release } = heldDownload(DEMO_GZ);
    const player = await emptyPlayer();
    player.src = url;
    try {
      await whenReady(player, false);
      const emptied = nextEvent(player, 'emptied');
      player.src = '/test/fixtures/posthog-js/posthog-demo.export.json';
      await emptied;
      await whenReady(player);
      expect(player.report!.eventCount).to.equal(1331);
      expect(player.error).to.equal(null);
    } finally {
      await release();
    }
  });

  it('a connection that breaks halfway ends in a clear error naming the URL', async () => {
    const { url, release } = heldDownload(DEMO_GZ);
    const player = await emptyPlayer();
    player.src = `${url}?cut`;
    await whenReady(player, false);
    const failed = nextEvent(player, 'error');
    await release();
    await failed;
    expect(player.error?.code).to.equal(2);
    expect(player.error?.message).to.contain('connection broke');
    expect(player.error?.message).to.contain(url);
  });
});

describe('<posthog-replay> a download far out of order', () => {
  it('plays what was handed on, then starts again with everything once the file says otherwise', async () => {
    // test/support/held-file.mjs makes it: 1,503 events, the last one stamped 2.05 s in.
    const { url, release } = heldDownload('generated/out-of-order.json');
    const player = await emptyPlayer();
    let starts = 0;
    player.addEventListener('loadedmetadata', () => starts++);
    player.src = url;
    try {
      await whenReady(player, false);
      expect(player.readyState).to.equal(3);
      expect(player.report!.eventCount).to.be.lessThan(1503);
    } finally {
      await release();
    }
    await whenReady(player);
    // The player was started a second time, with everything in order.
    expect(starts).to.equal(2);
    expect(player.error).to.equal(null);
    expect(player.report!.eventCount).to.equal(1503);
    expect(player.duration).to.be.closeTo(150, 0.01);
    // The late event is in its place: a marker 2.05 s in.
    expect(player.timeline!.markers.some((m) => Math.abs(m.time - 2.05) < 0.01)).to.equal(true);
    // Each once: nothing handed on before the restart was kept twice.
    expect(player.timeline!.markers.filter((m) => m.kind === 'custom')).to.have.length(1501);
    const seeked = nextEvent(player, 'seeked');
    player.currentTime = 100;
    await seeked;
    expect(player.currentTime).to.equal(100);
  });
});
