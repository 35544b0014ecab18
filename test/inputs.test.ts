import { expect, fixture, html } from '@open-wc/testing';
import { gzipSync } from 'fflate';
import type { PostHogReplay } from '../src/posthog-replay.js';
import {
  DEMO_EXPORT,
  emptyPlayer,
  fixtureBytes,
  FIXTURES,
  headingText,
  nextEvent,
  whenReady,
} from './helpers.js';

const RRWEB_GZ = `${FIXTURES}/posthog-js/posthog-demo.rrweb.json.gz`;

async function expectPlays(player: PostHogReplay, events = 1331) {
  await whenReady(player);
  expect(player.report?.eventCount).to.equal(events);
  expect(player.duration).to.be.greaterThan(1);
  await player.play();
  await new Promise((r) => setTimeout(r, 300));
  expect(player.currentTime).to.be.greaterThan(0.1);
  player.pause();
}

describe('<posthog-replay> inputs', () => {
  it('src: a gzipped plain rrweb array, recognised by its magic bytes', async () => {
    const player = await emptyPlayer();
    player.src = RRWEB_GZ;
    await expectPlays(player);
    expect(player.report?.containers).to.include('gzip');
    player.currentTime = 60;
    await nextEvent(player, 'seeked');
    expect(headingText(player)).to.equal('The beginner’s guide to hand-tool woodworking');
  });

  it('src: a gzipped PostHog export v2', async () => {
    const bytes = gzipSync(new Uint8Array(await fixtureBytes(DEMO_EXPORT)));
    const url = URL.createObjectURL(new Blob([bytes]));
    const player = await emptyPlayer();
    player.src = url;
    await expectPlays(player);
    expect(player.report?.format).to.match(/export/);
  });

  it('recording property: ArrayBuffer (and the page keeps its buffer)', async () => {
    const player = await emptyPlayer();
    const buffer = await fixtureBytes(RRWEB_GZ);
    player.recording = buffer;
    await expectPlays(player);
    expect(buffer.byteLength).to.be.greaterThan(0);
  });

  it('recording property: Blob', async () => {
    const player = await emptyPlayer();
    player.recording = new Blob([await fixtureBytes(DEMO_EXPORT)]);
    await expectPlays(player);
  });

  it('recording property: JSON text', async () => {
    const player = await emptyPlayer();
    player.recording = await (await fetch(DEMO_EXPORT)).text();
    await expectPlays(player);
  });

  it('recording property: a parsed export object', async () => {
    const player = await emptyPlayer();
    player.recording = await (await fetch(DEMO_EXPORT)).json();
    await expectPlays(player);
  });

  it('recording property: an rrweb events array', async () => {
    const player = await emptyPlayer();
    const events = (await (
      await fetch(`${FIXTURES}/rrweb/annotations-recording.json`)
    ).json()) as unknown[];
    player.recording = events;
    await expectPlays(player, 41);
  });

  it('an inline <script type="application/json"> child', async () => {
    const text = await (await fetch(`${FIXTURES}/rrweb/annotations-recording.json`)).text();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML = `<posthog-replay style="width:480px;height:300px"><script type="application/json">${text}</script></posthog-replay>`;
    const player = container.querySelector('posthog-replay')!;
    await expectPlays(player, 41);
  });

  it('the recording property wins over src', async () => {
    const player = await emptyPlayer();
    player.src = DEMO_EXPORT;
    player.recording = await (await fetch(`${FIXTURES}/rrweb/annotations-recording.json`)).json();
    await whenReady(player);
    expect(player.report?.eventCount).to.equal(41);
  });
});
