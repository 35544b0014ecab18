import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { nextEvent } from '../helpers.js';
import { control, frame, loadedPlayer, part } from './helpers.js';

function center(el: Element) {
  const r = el.getBoundingClientRect();
  return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), r };
}

describe('pointer', () => {
  afterEach(() => resetMouse());

  it('click on the seek bar seeks; dragging scrubs', async () => {
    const player = await loadedPlayer();
    const timeline = control(player, 'posthog-replay-timeline');
    const slider = part(timeline, '[role="slider"]');
    const { y, r } = center(slider);
    const at = (fraction: number) => Math.round(r.left + r.width * fraction);
    await sendMouse({ type: 'move', position: [at(0.5), y] });
    await sendMouse({ type: 'down' });
    await frame();
    expect(player.currentTime / player.duration).to.be.closeTo(0.5, 0.02);
    await sendMouse({ type: 'move', position: [at(0.25), y] });
    await frame();
    await sendMouse({ type: 'move', position: [at(0.8), y] });
    await frame();
    await sendMouse({ type: 'up' });
    expect(player.currentTime / player.duration).to.be.closeTo(0.8, 0.02);
  });

  it('hovering the seek bar shows the time under the pointer', async () => {
    const player = await loadedPlayer();
    const timeline = control(player, 'posthog-replay-timeline');
    const { y, r } = center(part(timeline, '[role="slider"]'));
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width * 0.5), y] });
    await timeline.updateComplete;
    expect(part(timeline, '[part="tooltip"]').textContent?.trim()).to.equal('1:31');
  });

  it('markers show page views, errors and clicks; a click on one seeks to it', async () => {
    const player = await loadedPlayer();
    const markers = player.timeline!.markers;
    const kinds = new Set(markers.map((m) => m.kind));
    expect([...kinds]).to.include.members(['pageview', 'click', 'error']);
    const article = markers.find((m) => m.kind === 'pageview' && m.label.includes('article.html'))!;
    expect(article.time).to.be.closeTo(43.98, 0.05);
    const timeline = control(player, 'posthog-replay-timeline');
    const buttons = [...timeline.shadowRoot!.querySelectorAll<HTMLElement>('[part="marker"]')];
    expect(buttons).to.have.length(markers.length);
    const button = buttons.find((b) => b.getAttribute('aria-label')?.includes('article.html'))!;
    const seeked = nextEvent(player, 'seeked');
    const { x, y } = center(button);
    await sendMouse({ type: 'move', position: [x, y] });
    await timeline.updateComplete;
    expect(part(timeline, '[part="tooltip"]').textContent).to.contain('article.html');
    await sendMouse({ type: 'click', position: [x, y] });
    await seeked;
    expect(player.currentTime).to.be.closeTo(article.time, 0.01);
  });

  it('idle stretches are drawn on the track', async () => {
    const player = await loadedPlayer();
    const idle = player.timeline!.inactive.find((r) => r.end - r.start > 15)!;
    expect(idle.start).to.be.closeTo(122.8, 0.5);
    expect(idle.end).to.be.closeTo(142.4, 0.5);
    const timeline = control(player, 'posthog-replay-timeline');
    expect(timeline.shadowRoot!.querySelectorAll('[part="inactive"]').length).to.equal(
      player.timeline!.inactive.length,
    );
  });

  it('the time display switches to the time remaining on click', async () => {
    const player = await loadedPlayer();
    const display = control(player, 'posthog-replay-time-display');
    part<HTMLButtonElement>(display, 'button').click();
    await display.updateComplete;
    expect(part(display, 'button').textContent?.trim()).to.equal('-3:02 / 3:02');
  });

  it('play button restarts at the end', async () => {
    const player = await loadedPlayer();
    player.currentTime = player.duration - 0.5;
    await nextEvent(player, 'seeked');
    const ended = nextEvent(player, 'ended');
    await player.play();
    await ended;
    const play = control(player, 'posthog-replay-play-button');
    await play.updateComplete;
    expect(part(play, 'button').getAttribute('aria-label')).to.equal('Replay');
    part<HTMLButtonElement>(play, 'button').click();
    expect(player.paused).to.equal(false);
    expect(player.currentTime).to.be.lessThan(1);
    player.pause();
  });
});
