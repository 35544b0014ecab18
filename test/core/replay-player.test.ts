import { expect, fixture, html } from '@open-wc/testing';
import { ReplayPlayer } from '../../src/core/replay-player.js';
import type { DecodedRecording } from '../../src/formats/types.js';
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
