import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { PostHogReplay } from '../../src/posthog-replay.js';
import { control, loadedPlayer, part } from './helpers.js';

describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`the loaded player passes axe (${theme} theme)`, async () => {
      const player = await loadedPlayer();
      player.theme = theme;
      await player.updateComplete;
      await expect(player).to.be.accessible();
    });
  }

  it('each control passes axe on its own, driven by a player', async () => {
    const player = await loadedPlayer();
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <posthog-replay-play-button .media=${player}></posthog-replay-play-button>
        <posthog-replay-seek-button .media=${player} offset="-10"></posthog-replay-seek-button>
        <posthog-replay-timeline .media=${player}></posthog-replay-timeline>
        <posthog-replay-time-display .media=${player}></posthog-replay-time-display>
        <posthog-replay-speed-menu .media=${player}></posthog-replay-speed-menu>
        <posthog-replay-skip-inactivity-button
          .media=${player}
        ></posthog-replay-skip-inactivity-button>
        <posthog-replay-loop-button .media=${player}></posthog-replay-loop-button>
        <posthog-replay-fullscreen-button .media=${player}></posthog-replay-fullscreen-button>
      </div>`,
    );
    for (const element of container.children) {
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await expect(element).to.be.accessible();
    }
  });

  it('the error and loading views pass axe', async () => {
    const failing = await fixture<PostHogReplay>(
      html`<posthog-replay src="/nope.json"></posthog-replay>`,
    );
    await new Promise((r) => failing.addEventListener('error', r, { once: true }));
    await failing.updateComplete;
    await expect(failing).to.be.accessible();
  });

  it('every button has an accessible name and the seek bar speaks the time', async () => {
    const player = await loadedPlayer();
    player.currentTime = 65;
    await new Promise((r) => player.addEventListener('seeked', r, { once: true }));
    const controls = [
      ...player.shadowRoot!.querySelectorAll(
        '[part$="button"], posthog-replay-speed-menu, posthog-replay-time-display',
      ),
    ];
    expect(controls.length).to.be.at.least(8);
    for (const c of controls) {
      await (c as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const button = c.shadowRoot!.querySelector('button')!;
      expect(button.getAttribute('aria-label'), c.localName).to.match(/\w/);
    }
    const timeline = control(player, 'posthog-replay-timeline');
    await timeline.updateComplete;
    const slider = part(timeline, '[role="slider"]');
    expect(slider.getAttribute('aria-valuetext')).to.equal(
      '1 minute 5 seconds of 3 minutes 2 seconds',
    );
    expect(player.getAttribute('tabindex')).to.equal('0');
  });

  it('labels can be replaced (translation)', async () => {
    const player = await loadedPlayer();
    player.labels = { play: 'Abspielen', seek: 'Suchen', timeOf: (c, t) => `${c} von ${t}` };
    const play = control(player, 'posthog-replay-play-button');
    play.requestUpdate();
    await play.updateComplete;
    expect(part(play, 'button').getAttribute('aria-label')).to.equal('Abspielen');
    const timeline = control(player, 'posthog-replay-timeline');
    timeline.requestUpdate();
    await timeline.updateComplete;
    expect(part(timeline, '[role="slider"]').getAttribute('aria-label')).to.equal('Suchen');
    expect(part(timeline, '[role="slider"]').getAttribute('aria-valuetext')).to.contain(' von ');
  });
});
