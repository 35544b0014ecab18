import { expect } from '@open-wc/testing';
import { decoder } from '../src/loader/decode-client.js';
import {
  DEMO_EXPORT,
  emptyPlayer,
  headingText,
  nextEvent,
  replayDocument,
  until,
  whenReady,
} from './helpers.js';

describe('<posthog-replay> playback of a real posthog-js export', () => {
  it('fires the media events in order and knows the duration', async () => {
    const player = await emptyPlayer();
    const seen: string[] = [];
    for (const type of ['loadstart', 'durationchange', 'loadedmetadata', 'loadeddata', 'canplay']) {
      player.addEventListener(type, () => seen.push(type));
    }
    expect(Number.isNaN(player.duration)).to.equal(true);
    expect(player.readyState).to.equal(0);
    const metadata = nextEvent(player, 'loadedmetadata');
    player.src = DEMO_EXPORT;
    const { detail } = (await metadata) as CustomEvent;
    // The file is decoded as it downloads: metadata comes with the first part of it.
    expect(detail.report.eventCount).to.be.within(2, 1331);
    expect(detail.timing.decodeMs).to.be.a('number');
    await whenReady(player);
    expect(player.report?.eventCount).to.equal(1331);
    // In order of first occurrence (durationchange comes again as the recording grows).
    expect([...new Set(seen)]).to.deep.equal([
      'loadstart',
      'durationchange',
      'loadedmetadata',
      'loadeddata',
      'canplay',
    ]);
    expect(player.duration).to.be.closeTo(182.771, 0.01);
    expect(player.readyState).to.equal(4);
    expect(player.paused).to.equal(true);
    expect(player.report?.windows).to.have.length(1);
    // The first page is on screen before anything plays.
    expect(headingText(player)).to.equal('Tools that just work.');
    expect(decoder.lastThread).to.equal('worker');
  });

  it('plays: currentTime advances and play/playing/timeupdate fire', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    await whenReady(player);
    const playing = nextEvent(player, 'playing');
    const timeupdate = nextEvent(player, 'timeupdate');
    await player.play();
    await playing;
    await timeupdate;
    expect(player.paused).to.equal(false);
    await new Promise((r) => setTimeout(r, 600));
    expect(player.currentTime).to.be.greaterThan(0.4);
    const paused = nextEvent(player, 'pause');
    player.pause();
    await paused;
    const at = player.currentTime;
    await new Promise((r) => setTimeout(r, 200));
    expect(player.currentTime).to.equal(at);
  });

  it('seeking shows the page that was on screen at that time', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    await whenReady(player);
    const seeked = nextEvent(player, 'seeked');
    player.currentTime = 60;
    expect(player.seeking).to.equal(true);
    await seeked;
    expect(player.seeking).to.equal(false);
    expect(player.currentTime).to.equal(60);
    expect(headingText(player)).to.equal('The beginner’s guide to hand-tool woodworking');
    player.currentTime = 20;
    await nextEvent(player, 'seeked');
    expect(headingText(player)).to.equal('Create your account');
    player.currentTime = 5;
    await nextEvent(player, 'seeked');
    expect(headingText(player)).to.equal('Tools that just work.');
  });

  it('coalesces a burst of seeks: one seeking, one seeked, the latest position shown', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    await whenReady(player);
    const core = (player as unknown as { player: { seek(ms: number): void } }).player;
    const seek = core.seek.bind(core);
    let applied = 0;
    core.seek = (ms: number) => {
      applied++;
      seek(ms);
    };
    const events: string[] = [];
    player.addEventListener('seeking', () => events.push('seeking'));
    player.addEventListener('seeked', () => events.push('seeked'));
    const seeked = nextEvent(player, 'seeked');
    for (let t = 10; t <= 60; t += 2) player.currentTime = t;
    expect(player.currentTime).to.equal(60);
    await seeked;
    expect(applied).to.equal(2);
    expect(events).to.deep.equal(['seeking', 'seeked']);
    expect(headingText(player)).to.equal('The beginner’s guide to hand-tool woodworking');
  });

  it('playbackRate speeds the clock up and fires ratechange', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    await whenReady(player);
    const ratechange = nextEvent(player, 'ratechange');
    player.playbackRate = 8;
    await ratechange;
    await player.play();
    await new Promise((r) => setTimeout(r, 500));
    player.pause();
    expect(player.currentTime).to.be.greaterThan(2.5);
  });

  it('ends at the end (ended, pause), and play() restarts from 0', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    await whenReady(player);
    player.currentTime = 182.5;
    await nextEvent(player, 'seeked');
    const ended = nextEvent(player, 'ended');
    await player.play();
    await ended;
    expect(player.ended).to.equal(true);
    expect(player.paused).to.equal(true);
    expect(player.currentTime).to.be.closeTo(182.771, 0.01);
    await player.play();
    expect(player.ended).to.equal(false);
    expect(player.currentTime).to.be.lessThan(1);
    player.pause();
  });

  it('loop starts again at the end', async () => {
    const player = await emptyPlayer();
    player.loop = true;
    player.src = DEMO_EXPORT;
    await whenReady(player);
    player.currentTime = 182.6;
    await nextEvent(player, 'seeked');
    await player.play();
    await until(() => player.currentTime < 1 && !player.paused, 3000, 'the loop to restart');
    expect(player.ended).to.equal(false);
    player.pause();
  });

  it('autoplay starts playing once it can', async () => {
    const player = await emptyPlayer();
    player.autoplay = true;
    player.src = DEMO_EXPORT;
    await nextEvent(player, 'playing');
    expect(player.paused).to.equal(false);
    player.pause();
  });

  it('scales the recorded page to the element, keeping its aspect ratio', async () => {
    const player = await emptyPlayer('width: 500px; height: 400px');
    player.src = DEMO_EXPORT;
    await whenReady(player);
    const viewport = player.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
    const iframe = replayDocument(player).defaultView!.frameElement as HTMLElement;
    const check = () => {
      const box = iframe.getBoundingClientRect();
      const view = viewport.getBoundingClientRect();
      expect(box.width / box.height).to.be.closeTo(1280 / 800, 0.01);
      expect(box.width).to.be.at.most(view.width + 0.5);
      expect(box.height).to.be.at.most(view.height + 0.5);
      expect(Math.max(box.width / view.width, box.height / view.height)).to.be.closeTo(1, 0.01);
    };
    check();
    player.style.width = '900px';
    await until(() => viewport.getBoundingClientRect().width > 800);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    check();
  });

  it('has a sensible default size when the page sets none', async () => {
    const player = await emptyPlayer('');
    const { width, height } = player.getBoundingClientRect();
    expect(width).to.be.greaterThan(300);
    expect(height).to.be.greaterThan(150);
  });

  it('destroys its Replayer on disconnect and when src changes', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    await whenReady(player);
    const root = player.shadowRoot!;
    expect(root.querySelectorAll('.replayer-wrapper')).to.have.length(1);
    const emptied = nextEvent(player, 'emptied');
    player.src = '/test/fixtures/rrweb/annotations-recording.json';
    await emptied;
    await whenReady(player);
    expect(root.querySelectorAll('.replayer-wrapper')).to.have.length(1);
    player.remove();
    expect(root.querySelectorAll('.replayer-wrapper')).to.have.length(0);
  });
});
