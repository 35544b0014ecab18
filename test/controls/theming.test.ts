import { expect } from '@open-wc/testing';
import { control, loadedPlayer, part } from './helpers.js';

const rgb = (el: Element, property: string) =>
  getComputedStyle(el).getPropertyValue(property).trim();

describe('theming', () => {
  it('five custom properties re-brand the player, no ::part needed', async () => {
    const player = await loadedPlayer();
    player.style.setProperty('--posthog-replay-accent-color', 'rgb(255, 0, 128)');
    player.style.setProperty('--posthog-replay-background', 'rgb(1, 2, 3)');
    player.style.setProperty('--posthog-replay-control-bar-background', 'rgb(10, 20, 30)');
    player.style.setProperty('--posthog-replay-control-color', 'rgb(200, 210, 220)');
    player.style.setProperty('--posthog-replay-font-family', 'monospace');
    const timeline = control(player, 'posthog-replay-timeline');
    expect(rgb(part(timeline, '[part="progress"]'), 'background-color')).to.equal(
      'rgb(255, 0, 128)',
    );
    expect(rgb(part(timeline, '[part="thumb"]'), 'background-color')).to.equal('rgb(255, 0, 128)');
    expect(rgb(player, 'background-color')).to.equal('rgb(1, 2, 3)');
    expect(rgb(part(player, '[part="controls"]'), 'background-color')).to.equal('rgb(10, 20, 30)');
    const play = control(player, 'posthog-replay-play-button');
    expect(rgb(part(play, 'button'), 'color')).to.equal('rgb(200, 210, 220)');
    expect(
      rgb(part(control(player, 'posthog-replay-time-display'), 'button'), 'font-family'),
    ).to.equal('monospace');
  });

  it('seek bar tokens: track, progress, thumb, idle stretches, markers', async () => {
    const player = await loadedPlayer();
    player.style.setProperty('--posthog-replay-track-color', 'rgb(1, 1, 1)');
    player.style.setProperty('--posthog-replay-unloaded-color', 'rgb(4, 4, 4)');
    player.style.setProperty('--posthog-replay-progress-color', 'rgb(2, 2, 2)');
    player.style.setProperty('--posthog-replay-thumb-size', '20px');
    player.style.setProperty('--posthog-replay-marker-error-color', 'rgb(3, 3, 3)');
    const timeline = control(player, 'posthog-replay-timeline');
    expect(rgb(part(timeline, '[part="buffered"]'), 'background-color')).to.equal('rgb(1, 1, 1)');
    expect(rgb(part(timeline, '[part="track"]'), 'background-color')).to.equal('rgb(4, 4, 4)');
    expect(rgb(part(timeline, '[part="progress"]'), 'background-color')).to.equal('rgb(2, 2, 2)');
    expect(rgb(part(timeline, '[part="thumb"]'), 'width')).to.equal('20px');
    expect(rgb(part(timeline, '[part="marker"][data-kind="error"]'), 'background-color')).to.equal(
      'rgb(3, 3, 3)',
    );
  });

  it('light, dark and auto themes', async () => {
    const player = await loadedPlayer();
    player.theme = 'dark';
    await player.updateComplete;
    const dark = rgb(player, 'background-color');
    player.theme = 'light';
    await player.updateComplete;
    const light = rgb(player, 'background-color');
    expect(dark).to.not.equal(light);
    player.theme = 'auto';
    await player.updateComplete;
    const auto = rgb(player, 'background-color');
    const prefersLight = matchMedia('(prefers-color-scheme: light)').matches;
    expect(auto).to.equal(prefersLight ? light : dark);
  });

  it('::part styles reach the controls and their inner pieces', async () => {
    const style = document.createElement('style');
    style.textContent = `
      posthog-replay.parted::part(controls) { border-top: 3px solid rgb(9, 9, 9); }
      posthog-replay.parted::part(timeline__thumb) { border-radius: 0; }
      posthog-replay.parted::part(play-button__button) { background-color: rgb(7, 7, 7); }`;
    document.head.append(style);
    const player = await loadedPlayer();
    player.classList.add('parted');
    expect(rgb(part(player, '[part="controls"]'), 'border-top-color')).to.equal('rgb(9, 9, 9)');
    const timeline = control(player, 'posthog-replay-timeline');
    expect(rgb(part(timeline, '[part="thumb"]'), 'border-top-left-radius')).to.equal('0px');
    expect(
      rgb(part(control(player, 'posthog-replay-play-button'), 'button'), 'background-color'),
    ).to.equal('rgb(7, 7, 7)');
    style.remove();
  });

  it('custom states follow the player', async () => {
    const player = await loadedPlayer();
    expect(player.matches(':state(paused)')).to.equal(true);
    expect(player.matches(':state(playing)')).to.equal(false);
    await player.play();
    await player.updateComplete;
    expect(player.matches(':state(playing)')).to.equal(true);
    player.pause();
    await player.updateComplete;
    expect(player.matches(':state(paused)')).to.equal(true);
  });

  it('a narrow player (320 px) uses the compact layout', async () => {
    const player = await loadedPlayer('width: 320px; height: 260px');
    const back = player.shadowRoot!.querySelector('[part="seek-back-button"]')!;
    const play = player.shadowRoot!.querySelector('[part="play-button"]')!;
    expect(getComputedStyle(back).display).to.equal('none');
    expect(getComputedStyle(play).display).to.not.equal('none');
    const wide = await loadedPlayer('width: 800px; height: 500px');
    expect(
      getComputedStyle(wide.shadowRoot!.querySelector('[part="seek-back-button"]')!).display,
    ).to.not.equal('none');
  });
});
