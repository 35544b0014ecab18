import { expect } from '@open-wc/testing';
import type { PostHogReplay } from '../src/posthog-replay.js';
import {
  DEMO_EXPORT,
  emptyPlayer,
  FIXTURES,
  nextEvent,
  replayDocument,
  whenReady,
} from './helpers.js';

function bar(player: PostHogReplay, part: string): string {
  return player.shadowRoot!.querySelector(`[part="${part}"]`)?.textContent?.trim() ?? '';
}

async function seek(player: PostHogReplay, seconds: number) {
  const seeked = nextEvent(player, 'seeked');
  player.currentTime = seconds;
  await seeked;
  await player.updateComplete;
}

describe('<posthog-replay> windows and the page address', () => {
  it('plays a two-window recording on one timeline, switching window at the right time', async () => {
    const player = await emptyPlayer();
    player.src = `${FIXTURES}/posthog-api/recording_snapshots.jsonl`;
    await whenReady(player);
    expect(player.duration).to.be.closeTo(11.868, 0.001);
    expect(player.shadowRoot!.querySelectorAll('.replayer-wrapper')).to.have.length(2);
    expect(bar(player, 'window-label')).to.equal('Window 1 of 2');
    const firstDoc = replayDocument(player);
    await seek(player, 7.1);
    expect(bar(player, 'window-label')).to.equal('Window 1 of 2');
    await seek(player, 7.3);
    expect(bar(player, 'window-label')).to.equal('Window 2 of 2');
    expect(replayDocument(player)).to.not.equal(firstDoc);
    expect(bar(player, 'url')).to.equal('http://localhost:3000/');
    // And back: seeking before the switch shows window 1 again.
    await seek(player, 3);
    expect(bar(player, 'window-label')).to.equal('Window 1 of 2');
    expect(replayDocument(player)).to.equal(firstDoc);
  });

  it('switches window while playing', async () => {
    const player = await emptyPlayer();
    player.src = `${FIXTURES}/posthog-api/recording_snapshots.jsonl`;
    await whenReady(player);
    await seek(player, 6.8);
    player.playbackRate = 2;
    await player.play();
    await new Promise((r) => setTimeout(r, 600));
    await player.updateComplete;
    expect(player.currentTime).to.be.greaterThan(7.3);
    expect(bar(player, 'window-label')).to.equal('Window 2 of 2');
    player.pause();
  });

  it('reports a window without a full snapshot instead of showing it white', async () => {
    const player = await emptyPlayer();
    player.src = `${FIXTURES}/edge/edge_blob_v2_missing_meta_and_full_snapshot.jsonl`;
    await whenReady(player);
    expect(player.report?.windows.filter((w) => !w.hasFullSnapshot)).to.have.length(1);
    await player.updateComplete;
    expect(bar(player, 'notice')).to.contain('cannot be shown');
    expect(player.shadowRoot!.querySelectorAll('.replayer-wrapper')).to.have.length(1);
    await seek(player, player.duration - 0.5);
    expect(replayDocument(player).body).to.not.equal(null);
  });

  it('the address bar follows page loads and single-page navigation', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    await whenReady(player);
    await player.updateComplete;
    expect(bar(player, 'url')).to.equal('http://shop.acme.test:43437/');
    expect(bar(player, 'window-label')).to.equal('');
    await seek(player, 60);
    expect(bar(player, 'url')).to.equal('http://shop.acme.test:43437/article.html');
    await seek(player, 100);
    expect(bar(player, 'url')).to.equal('http://shop.acme.test:43437/spa/table');
    await seek(player, 110);
    expect(bar(player, 'url')).to.equal('http://shop.acme.test:43437/spa/settings');
  });
});
