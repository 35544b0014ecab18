import { expect, fixture, html } from '@open-wc/testing';
import { Replayer } from 'rrweb';
import type { eventWithTime } from '@rrweb/types';
import { REPLAY_STYLE_RULES, ReplayPlayer } from '../../src/core/replay-player.js';
import type { DecodedRecording, RecordingEvent } from '../../src/formats/types.js';
import { decodeRecording } from '../../src/loader/decode-client.js';
import { DEMO_EXPORT, fixtureBytes, until } from '../helpers.js';

/** A ReplayPlayer in a connected box, with its callbacks recorded. */
async function makePlayer(recording: DecodedRecording, complete: boolean) {
  const root = await fixture<HTMLDivElement>(html`<div style="width:640px;height:400px"></div>`);
  const calls: string[] = [];
  const player = new ReplayPlayer(
    root,
    recording,
    {
      onTimeUpdate: () => {},
      onEnded: () => calls.push('ended'),
      onViewChange: () => {},
      onSkip: () => calls.push('skip'),
      onWaitingChange: (waiting) => calls.push(waiting ? 'waiting' : 'resumed'),
    },
    { complete },
  );
  return { player, calls, root };
}

describe('ReplayPlayer progressive loading', () => {
  it('plays the first part, waits at its end, and goes on when the rest is appended', async () => {
    const whole = await decodeRecording(await fixtureBytes(DEMO_EXPORT));
    const cut = whole.events.findIndex((e) => e.timestamp - whole.report.startTimestamp > 30_000);
    const first = { events: whole.events.slice(0, cut), report: whole.report };
    const { player, calls, root } = await makePlayer(first, false);
    expect(player.loadedMs).to.be.lessThan(30_000);
    expect(player.loadedMs).to.be.greaterThan(25_000);
    player.skipInactive = false;
    player.seek(player.loadedMs - 300);
    player.setSpeed(4);
    player.play();
    await until(() => calls.includes('waiting'), 3000, 'waiting at the loaded end');
    const held = player.currentTimeMs;
    await new Promise((r) => setTimeout(r, 200));
    expect(player.currentTimeMs).to.equal(held);
    player.append(whole.events.slice(cut), whole.report, true);
    expect(calls).to.include('resumed');
    await until(() => player.currentTimeMs > held + 500, 3000, 'clock moving again');
    expect(player.durationMs).to.equal(whole.report.endTimestamp - whole.report.startTimestamp);
    // The page after the cut (the article at 44 s) is reachable once appended.
    player.pause();
    player.seek(60_000);
    const doc = root.querySelector('iframe')!.contentDocument!;
    expect(doc.querySelector('h1')?.textContent).to.contain('hand-tool woodworking');
    player.destroy();
    expect(root.querySelectorAll('.replayer-wrapper')).to.have.length(0);
  });
});

/**
 * A gzipped rrweb JSON array as one window's recording, read here rather than through the loader
 * so that these tests depend on the player only.
 */
async function plainRrwebFile(path: string): Promise<DecodedRecording> {
  const response = await fetch(path);
  const text = await new Response(
    response.body!.pipeThrough(new DecompressionStream('gzip')),
  ).text();
  const raw = JSON.parse(text) as eventWithTime[];
  const events = raw.map((event) => ({ ...event, windowId: 'w' }));
  const first = events[0].timestamp;
  const last = events[events.length - 1].timestamp;
  return {
    events,
    report: {
      format: 'rrweb',
      formatLabel: 'rrweb',
      containers: ['gzip'],
      windows: [
        {
          id: 'w',
          index: 1,
          eventCount: events.length,
          firstTimestamp: first,
          lastTimestamp: last,
          hasFullSnapshot: true,
        },
      ],
      eventCount: events.length,
      droppedEventCount: 0,
      warnings: [],
      startTimestamp: first,
      endTimestamp: last,
      mobile: false,
    },
  };
}

/** What a replay document shows: its markup, and the scroll offsets of the page and elements. */
function pageState(doc: Document) {
  const scrolls: string[] = [];
  doc.querySelectorAll('*').forEach((el, i) => {
    if (el.scrollTop || el.scrollLeft) scrolls.push(`${i}:${el.scrollLeft},${el.scrollTop}`);
  });
  const win = doc.defaultView!;
  return {
    // rrweb marks the element under the pointer with a `:hover` class and takes it off again,
    // leaving `class=""` behind, so the same page can differ in that alone depending on the
    // seeks that led to it (in rrweb's own player too): empty class attributes do not count.
    html: doc.documentElement.outerHTML.replaceAll(' class=""', ''),
    scroll: `${win.scrollX},${win.scrollY} ${scrolls.join(' ')}`,
  };
}

/**
 * The page a fresh rrweb Replayer shows after seeking to `localMs`, configured as ours is (no
 * virtual DOM, our style rules) but seeking the plain way: every scroll applied as it comes, from
 * the recording's own FullSnapshots.
 */
async function plainRrwebState(events: RecordingEvent[], localMs: number) {
  const root = await fixture<HTMLDivElement>(html`<div style="width:640px;height:400px"></div>`);
  const replayer = new Replayer(events, {
    root,
    showWarning: false,
    mouseTail: false,
    pauseAnimation: true,
    UNSAFE_replayCanvas: false,
    useVirtualDom: false,
    insertStyleRules: REPLAY_STYLE_RULES,
    logger: { log: () => {}, warn: () => {} },
  });
  replayer.pause(localMs);
  const state = pageState(replayer.iframe.contentDocument!);
  replayer.destroy();
  return state;
}

describe('ReplayPlayer seeks show what rrweb shows', () => {
  // The benchmark's stress recording: heavy mutation, scrolling (also inside its FullSnapshots),
  // inputs and CSSOM rule changes, a FullSnapshot every 60 s.
  it('at points forward and back on the stress recording', async function () {
    this.timeout(120_000);
    const recording = await plainRrwebFile('/bench/data/large.rrweb.json.gz');
    const { player, root } = await makePlayer(recording, true);
    player.skipInactive = false;
    const doc = () => root.querySelector('iframe')!.contentDocument!;
    // Just after a FullSnapshot, late in a minute, back, then forward within one minute.
    for (const ms of [62_000, 118_500, 41_000, 181_000, 203_700]) {
      player.seek(ms);
      // Let a frame pass, as on screen: nothing queued may change the page afterwards.
      await new Promise((r) => requestAnimationFrame(r));
      const ours = pageState(doc());
      const plain = await plainRrwebState(recording.events, ms);
      expect(ours.scroll, `scroll offsets at ${ms} ms`).to.equal(plain.scroll);
      expect(ours.html === plain.html, `same page as rrweb at ${ms} ms`).to.equal(true);
    }
    player.destroy();
  });
});
