import { expect, fixture, html } from '@open-wc/testing';
import 'media-chrome';
import type { PostHogReplay } from '../src/posthog-replay.js';
import { DEMO_EXPORT, until, whenReady } from './helpers.js';

describe('<posthog-replay> as the media of media-chrome', () => {
  it("media-chrome's play button, time range and time display drive and follow it", async () => {
    const controller = await fixture<HTMLElement>(
      html`<media-controller style="width:640px;height:420px">
        <posthog-replay slot="media" without-controls src=${DEMO_EXPORT}></posthog-replay>
        <media-control-bar>
          <media-play-button></media-play-button>
          <media-time-range></media-time-range>
          <media-time-display showduration></media-time-display>
        </media-control-bar>
      </media-controller>`,
    );
    const player = controller.querySelector('posthog-replay') as PostHogReplay;
    await whenReady(player);
    const display = controller.querySelector('media-time-display')!;
    await until(
      () => (display.shadowRoot?.textContent ?? '').includes('3:02'),
      5000,
      'duration shown',
    );

    const play = controller.querySelector('media-play-button') as HTMLElement;
    play.click();
    await until(() => !player.paused, 3000, 'play from media-play-button');
    await until(
      () => controller.hasAttribute('mediapaused') === false,
      3000,
      'controller sees playing',
    );
    play.click();
    await until(() => player.paused, 3000, 'pause from media-play-button');

    // The time range asks the controller to seek, as it does when dragged.
    const range = controller.querySelector('media-time-range') as HTMLElement;
    range.dispatchEvent(
      new CustomEvent('mediaseekrequest', { detail: 60, bubbles: true, composed: true }),
    );
    await until(() => Math.abs(player.currentTime - 60) < 0.01, 3000, 'seek from media-time-range');
    await until(
      () => (display.shadowRoot?.textContent ?? '').includes('1:00'),
      3000,
      'time display follows',
    );
    expect(controller.getAttribute('mediaduration')).to.match(/^182\.7/);
  });
});
