import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers.js';
import { control, frame, loadedPlayer, part, press, seekTo } from './helpers.js';

describe('keyboard', () => {
  it('shortcuts work only while focus is inside the player', async () => {
    const player = await loadedPlayer();
    const outside = document.createElement('button');
    outside.textContent = 'page button';
    document.body.append(outside);
    outside.focus();
    await press('k');
    await press('ArrowRight');
    expect(player.paused).to.equal(true);
    expect(player.currentTime).to.equal(0);
    outside.remove();
  });

  it('Space/K play and pause, arrows and J/L seek, Home/End, digits, < and >', async () => {
    const player = await loadedPlayer();
    player.focus();
    await press('Space');
    expect(player.paused).to.equal(false);
    await press('k');
    expect(player.paused).to.equal(true);
    await seekTo(player, 60);
    const steps: [string, (t: number) => boolean][] = [
      ['ArrowRight', (t) => Math.abs(t - 65) < 0.05],
      ['ArrowLeft', (t) => Math.abs(t - 60) < 0.05],
      ['l', (t) => Math.abs(t - 70) < 0.05],
      ['j', (t) => Math.abs(t - 60) < 0.05],
      ['End', (t) => Math.abs(t - player.duration) < 0.05],
      ['Home', (t) => t === 0],
      ['5', (t) => Math.abs(t - player.duration / 2) < 0.05],
    ];
    for (const [key, ok] of steps) {
      await press(key);
      expect(ok(player.currentTime), `${key} → ${player.currentTime}`).to.equal(true);
    }
    await press('>');
    expect(player.playbackRate).to.equal(2);
    await press('>');
    expect(player.playbackRate).to.equal(4);
    await press('<');
    expect(player.playbackRate).to.equal(2);
  });

  it(', and . jump to the previous and next marker', async () => {
    const player = await loadedPlayer();
    const times = player.timeline!.markers.map((m) => m.time);
    await seekTo(player, 50);
    player.focus();
    const next = times.find((t) => t > 50.05)!;
    await press('.');
    expect(player.currentTime).to.equal(next);
    const previous = times.filter((t) => t < next - 0.5).at(-1)!;
    await press(',');
    expect(player.currentTime).to.equal(previous);
    expect(previous).to.be.lessThan(50);
  });

  it('? opens the list of shortcuts, and its button closes it', async () => {
    const player = await loadedPlayer();
    player.focus();
    await press('?');
    await player.updateComplete;
    const help = part(player, '[part="help"]');
    expect(help.textContent).to.contain('Play / pause');
    part<HTMLButtonElement>(player, '.help .close').click();
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('[part="help"]') === null).to.equal(true);
  });

  it('every control can be reached with Tab and used with keys', async () => {
    const player = await loadedPlayer();
    const play = part<HTMLButtonElement>(control(player, 'posthog-replay-play-button'), 'button');
    play.focus();
    await press('Enter');
    expect(player.paused).to.equal(false);
    await press('Enter');
    expect(player.paused).to.equal(true);
    // The seek bar is a slider.
    const slider = part(control(player, 'posthog-replay-timeline'), '[role="slider"]');
    slider.focus();
    const before = player.currentTime;
    await press('PageUp');
    expect(player.currentTime).to.be.closeTo(before + player.duration / 10, 0.01);
    // The speed menu opens with Enter, moves with arrows, picks with Enter.
    const speed = control(player, 'posthog-replay-speed-menu');
    part<HTMLButtonElement>(speed, '[part="button"]').focus();
    const ratechange = nextEvent(player, 'ratechange');
    await press('Enter');
    await speed.updateComplete;
    await frame();
    await press('ArrowDown');
    await press('Enter');
    await ratechange;
    expect(player.playbackRate).to.equal(2);
    await speed.updateComplete;
    expect(speed.shadowRoot!.querySelector('[part="menu"]') === null).to.equal(true);
    // Toggles say their state.
    const skip = part<HTMLButtonElement>(
      control(player, 'posthog-replay-skip-inactivity-button'),
      'button',
    );
    expect(skip.getAttribute('aria-pressed')).to.equal('true');
    skip.focus();
    await press('Enter');
    await control(player, 'posthog-replay-skip-inactivity-button').updateComplete;
    expect(player.skipInactivity).to.equal(false);
    expect(skip.getAttribute('aria-pressed')).to.equal('false');
  });
});
