import { expect, fixture, html } from '@open-wc/testing';
import type { PostHogReplay } from '../src/posthog-replay.js';
import { headingText, nextEvent, statusText, until, whenReady } from './helpers.js';

/** A player reading recording `id` from the stand-in API mounted at `host`. */
async function apiPlayer(id: string, host = '/posthog', extra: Partial<PostHogReplay> = {}) {
  const player = await fixture<PostHogReplay>(
    html`<posthog-replay style="width:640px;height:420px"></posthog-replay>`,
  );
  Object.assign(player, extra);
  player.apiHost = host;
  player.projectId = '1';
  player.recordingId = id;
  return player;
}

function bar(player: PostHogReplay, part: string): string {
  return player.shadowRoot!.querySelector(`[part="${part}"]`)?.textContent?.trim() ?? '';
}

describe('<posthog-replay> straight from PostHog', () => {
  it('plays a recording by id: first batch starts it, the rest streams in', async () => {
    const player = await apiPlayer('demo');
    const complete = nextEvent(player, 'canplaythrough', 20_000);
    await whenReady(player);
    await complete;
    expect(player.report?.eventCount).to.equal(1331);
    expect(player.duration).to.be.closeTo(182.771, 0.01);
    player.currentTime = 60;
    await nextEvent(player, 'seeked');
    expect(headingText(player)).to.equal('The beginner’s guide to hand-tool woodworking');
    await player.updateComplete;
    expect(bar(player, 'recording-info')).to.match(/3 min/);
  });

  it('fires waiting when the playhead outruns the batches, and goes on when they arrive', async () => {
    const player = await apiPlayer('demo', '/posthog-slow');
    await whenReady(player, false);
    expect(player.readyState).to.equal(3);
    const loaded = player.buffered.end(0);
    expect(loaded).to.be.lessThan(150); // the first of three batches
    // PostHog's metadata says how long it is: the seek bar spans all of it, the arrived part drawn.
    expect(player.duration).to.be.closeTo(183, 1);
    const timeline = player.shadowRoot!.querySelector('posthog-replay-timeline')!;
    await timeline.updateComplete;
    const width = (part: string) =>
      timeline.shadowRoot!.querySelector(`[part="${part}"]`)!.getBoundingClientRect().width;
    expect(width('buffered') / width('track')).to.be.closeTo(loaded / player.duration, 0.02);
    player.skipInactivity = false;
    player.currentTime = Math.max(0, loaded - 0.5);
    await nextEvent(player, 'seeked');
    const waiting = nextEvent(player, 'waiting');
    player.playbackRate = 4;
    await player.play();
    await waiting;
    const held = player.currentTime;
    await nextEvent(player, 'playing', 20_000);
    await until(() => player.currentTime > held + 0.5, 5000, 'playback going on');
    expect(player.buffered.end(0)).to.be.greaterThan(loaded);
    player.pause();
  });

  it('shows the person only when the page opts in', async () => {
    const hidden = await apiPlayer('demo');
    await whenReady(hidden);
    await hidden.updateComplete;
    const info = bar(hidden, 'recording-info');
    const shown = await apiPlayer('demo', '/posthog', { showPerson: true });
    await whenReady(shown);
    await shown.updateComplete;
    expect(bar(shown, 'recording-info').length).to.be.greaterThan(info.length);
  });

  it('plays a two-window recording split in many small blocks', async () => {
    const player = await apiPlayer(
      '187d7c7619e1d62-0a36a9481897db-1d525634-384000-187d7c7619f3d4f',
    );
    await whenReady(player);
    await until(() => player.report?.eventCount === 49, 10_000, 'all 49 events');
    expect(player.report?.windows).to.have.length(2);
  });

  it('retries 429 with backoff, saying so, then plays', async () => {
    const player = await apiPlayer('throttled');
    const notes: string[] = [];
    const observer = setInterval(() => notes.push(statusText(player), bar(player, 'notice')), 50);
    await whenReady(player);
    clearInterval(observer);
    expect(notes.join(' ')).to.match(/retrying/i);
  });

  for (const [id, code, pattern] of [
    ['deleted', 4, /deleted/i],
    ['no-such-recording', 2, /not found|404/i],
    ['blocks-unavailable', 4, /unavailable|blocks/i],
  ] as const) {
    it(`${id}: code ${code}, said in the player`, async () => {
      const player = await apiPlayer(id);
      await nextEvent(player, 'error', 20_000);
      await player.updateComplete;
      expect(player.error?.code).to.equal(code);
      expect(statusText(player)).to.match(pattern);
    });
  }

  it('a missing key is explained (401), a key or a sharing token is accepted', async () => {
    const refused = await apiPlayer('demo', '/posthog-private');
    await nextEvent(refused, 'error', 20_000);
    await refused.updateComplete;
    expect(statusText(refused)).to.match(/key|401/i);
    const keyed = await apiPlayer('demo', '/posthog-private', { apiKey: 'phx_test' });
    await whenReady(keyed);
    const shared = await apiPlayer('demo', '/posthog-private', { sharingToken: 'share_test' });
    await whenReady(shared);
  });
});

describe('<posthog-replay> playing a portable bundle', () => {
  it("shows the bundle's metadata in the top bar, the person only on opt-in", async () => {
    const exported = (await (
      await fetch('/test/fixtures/posthog-js/posthog-demo.export.json')
    ).json()) as {
      data: { snapshots: { windowId: string }[] };
    };
    const bundle = {
      format: 'posthog-replay-bundle',
      version: 1,
      metadata: {
        id: 'demo',
        start_time: '2026-11-20T10:00:00Z',
        recording_duration: 183,
        person: { name: 'Ada Lovelace' },
      },
      windows: [{ id: exported.data.snapshots[0].windowId, events: exported.data.snapshots }],
    };
    const player = await apiPlayer('unused', '');
    player.recording = bundle;
    await whenReady(player);
    await player.updateComplete;
    expect(player.report?.format).to.equal('posthog-replay-bundle');
    expect(bar(player, 'recording-info')).to.match(/3 min/);
    expect(bar(player, 'recording-info')).to.not.contain('Ada');
    player.showPerson = true;
    await player.updateComplete;
    expect(bar(player, 'recording-info')).to.contain('Ada Lovelace');
  });
});
