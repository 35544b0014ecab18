import { expect, fixture, html } from '@open-wc/testing';
import type { PostHogReplay } from '../../src/posthog-replay.js';
import { DEMO_EXPORT, headingText, nextEvent, until, whenReady } from '../helpers.js';
import { control, loadedPlayer, part, seekTo } from './helpers.js';

describe('features for docs pages and dashboards', () => {
  it('skip inactivity jumps over the idle stretch, says so, and seeking still works', async () => {
    const player = await loadedPlayer();
    expect(player.skipInactivity).to.equal(true);
    await seekTo(player, 121);
    const skipped = nextEvent(player, 'inactivityskip');
    player.playbackRate = 2;
    await player.play();
    const { detail } = (await skipped) as CustomEvent<{ from: number; to: number }>;
    expect(detail.from).to.be.closeTo(122.8, 0.5);
    expect(detail.to).to.be.closeTo(142.4, 0.5);
    await player.updateComplete;
    expect(part(player, '[part="skip-hint"]').textContent).to.match(/Skipped 20 s of inactivity/);
    expect(player.matches(':state(skipping)')).to.equal(true);
    // The seek bar stays usable while skipping is on (rrweb-player blocks it: rrweb #884).
    await seekTo(player, 130);
    expect(player.currentTime).to.be.at.least(130);
    player.pause();
  });

  it('with skipping off, idle stretches play in real time', async () => {
    const player = await loadedPlayer();
    player.skipInactivity = false;
    let skips = 0;
    player.addEventListener('inactivityskip', () => skips++);
    await seekTo(player, 122.5);
    await player.play();
    await new Promise((r) => setTimeout(r, 700));
    player.pause();
    expect(skips).to.equal(0);
    expect(player.currentTime).to.be.lessThan(124);
  });

  it('setting properties by code fires no event of ours', async () => {
    const player = await loadedPlayer();
    const fired: string[] = [];
    for (const type of ['inactivityskip', 'loopchange', 'change', 'input']) {
      player.addEventListener(type, () => fired.push(type));
    }
    player.skipInactivity = false;
    player.loop = true;
    player.theme = 'dark';
    await player.updateComplete;
    expect(fired).to.deep.equal([]);
  });

  it('start and end play a clip; the seek bar shows only the clip', async () => {
    const player = await fixture<PostHogReplay>(
      html`<posthog-replay
        start="0:50"
        end="70"
        style="width:640px;height:400px"
      ></posthog-replay>`,
    );
    player.src = DEMO_EXPORT;
    await whenReady(player);
    expect(player.duration).to.equal(20);
    expect(player.currentTime).to.equal(0);
    expect(headingText(player)).to.equal('The beginner’s guide to hand-tool woodworking');
    expect(player.timeline!.markers.every((m) => m.time >= 0 && m.time <= 20)).to.equal(true);
    const timeline = control(player, 'posthog-replay-timeline');
    await timeline.updateComplete;
    expect(part(timeline, '[role="slider"]').getAttribute('aria-valuemax')).to.equal('20');
    await seekTo(player, 19.7);
    const ended = nextEvent(player, 'ended');
    await player.play();
    await ended;
    expect(player.currentTime).to.equal(20);
    // Changing the clip later moves the range.
    player.start = '1:30';
    player.end = '';
    await player.updateComplete;
    expect(player.duration).to.be.closeTo(182.771 - 90, 0.01);
  });

  it('without-controls hides the built-in control bar', async () => {
    const player = await loadedPlayer();
    player.withoutControls = true;
    await player.updateComplete;
    expect(getComputedStyle(part(player, '[part="controls"]')).display).to.equal('none');
    expect(player.hasAttribute('without-controls')).to.equal(true);
  });

  it('slots replace the control bar and add buttons', async () => {
    const player = await fixture<PostHogReplay>(
      html`<posthog-replay style="width:640px;height:400px">
        <button slot="controls-end" id="extra">Share</button>
      </posthog-replay>`,
    );
    const extra = player.querySelector('#extra')!;
    expect(extra.assignedSlot?.name).to.equal('controls-end');
    const custom = await fixture<PostHogReplay>(
      html`<posthog-replay style="width:640px;height:400px">
        <div slot="controls"><posthog-replay-play-button></posthog-replay-play-button></div>
      </posthog-replay>`,
    );
    custom.src = DEMO_EXPORT;
    await whenReady(custom);
    const play = custom.querySelector('posthog-replay-play-button')!;
    await play.updateComplete;
    part<HTMLButtonElement>(play, 'button').click();
    expect(custom.paused).to.equal(false);
    custom.pause();
  });

  it('loading="lazy" fetches only near the viewport', async () => {
    const src = `${DEMO_EXPORT}?lazy=${Date.now()}`;
    const container = await fixture<HTMLDivElement>(
      html`<div style="height:300px;overflow:auto">
        <div style="height:4000px"></div>
        <posthog-replay loading="lazy" src=${src} style="width:400px;height:250px"></posthog-replay>
      </div>`,
    );
    const player = container.querySelector('posthog-replay')!;
    await new Promise((r) => setTimeout(r, 400));
    expect(player.readyState).to.equal(0);
    expect(performance.getEntriesByName(new URL(src, location.href).href).length).to.equal(0);
    player.scrollIntoView();
    await whenReady(player);
    expect(player.readyState).to.equal(4);
  });

  it('autoplay starts when the player is visible and pauses when it scrolls away', async () => {
    const container = await fixture<HTMLDivElement>(
      html`<div style="height:300px;overflow:auto">
        <div style="height:2000px"></div>
        <posthog-replay
          autoplay
          src=${DEMO_EXPORT}
          style="width:400px;height:250px"
        ></posthog-replay>
        <div style="height:2000px"></div>
      </div>`,
    );
    const player = container.querySelector('posthog-replay')!;
    await whenReady(player);
    await new Promise((r) => setTimeout(r, 200));
    expect(player.paused).to.equal(true);
    player.scrollIntoView();
    await until(() => !player.paused, 3000, 'autoplay on scroll into view');
    container.scrollTop = 0;
    await until(() => player.paused, 3000, 'pause on scroll away');
    player.scrollIntoView();
    await until(() => !player.paused, 3000, 'resume on scroll back');
    player.pause();
  });

  it('a poster: the first frame is on screen before play, with a play button over it', async () => {
    const player = await loadedPlayer();
    expect(headingText(player)).to.equal('Tools that just work.');
    const poster = part<HTMLButtonElement>(player, '[part="poster-button"]');
    poster.click();
    expect(player.paused).to.equal(false);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('[part="poster-button"]') === null).to.equal(true);
    player.pause();
  });
});
