import { expect, fixture, html } from '@open-wc/testing';
import type { PostHogReplay } from '../src/posthog-replay.js';
import { FIXTURES, until } from './helpers.js';

const SMALL = `${FIXTURES}/rrweb/annotations-recording.json`;

describe('a page with 20 lazy players', () => {
  it('fetches only the players near the viewport, and the others as they scroll near', async () => {
    const tag = Date.now();
    const container = await fixture<HTMLDivElement>(
      html`<div style="height:600px;overflow:auto">
        ${Array.from(
          { length: 20 },
          (_, i) =>
            html`<posthog-replay
              loading="lazy"
              src=${`${SMALL}?n=${i}&t=${tag}`}
              style="width:400px;height:250px;margin-bottom:40px"
            ></posthog-replay>`,
        )}
      </div>`,
    );
    const players = [...container.querySelectorAll<PostHogReplay>('posthog-replay')];
    const fetched = () =>
      players.filter(
        (p) => performance.getEntriesByName(new URL(p.src, location.href).href).length > 0,
      ).length;
    await until(() => players[0].readyState >= 2, 5000, 'the first player to load');
    await new Promise((r) => setTimeout(r, 300));
    // 600 px of viewport plus a screen's height of margin each way: about 5 of 20.
    expect(fetched()).to.be.within(2, 6);
    expect(players[19].readyState).to.equal(0);
    container.scrollTop = container.scrollHeight;
    await until(() => players[19].readyState >= 2, 8000, 'the last player to load after scrolling');
    expect(fetched()).to.be.within(4, 12);
  });
});
