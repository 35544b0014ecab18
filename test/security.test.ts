import { expect } from '@open-wc/testing';
import { emptyPlayer, nextEvent, replayDocument, whenReady } from './helpers.js';

/** A recording that tries every way for recorded HTML to run script. */
function hostileRecording() {
  const flag = (how: string) => `(window.top||window).__phReplayPwned='${how}'`;
  let id = 1;
  const el = (
    tagName: string,
    attributes: Record<string, string> = {},
    childNodes: unknown[] = [],
  ) => ({
    type: 2,
    tagName,
    attributes,
    childNodes,
    id: id++,
  });
  const text = (textContent: string) => ({ type: 3, textContent, id: id++ });
  const body = el('body', { onload: flag('body-onload') }, [
    el('h1', {}, [text('Hostile page')]),
    el('script', {}, [text(flag('script'))]),
    el('img', { src: 'data:image/png;base64,broken', onerror: flag('img-onerror') }),
    el('svg', { onload: flag('svg-onload') }, [el('script', {}, [text(flag('svg-script'))])]),
    el('a', { href: `javascript:${flag('href')}`, id: 'link' }, [text('click me')]),
    el('iframe', {
      srcdoc: `<script>${flag('srcdoc')}<\/script><img src=x onerror="${flag('srcdoc-img')}">`,
    }),
    el('object', { data: `javascript:${flag('object')}` }),
    el('meta', { 'http-equiv': 'refresh', content: `0;url=javascript:${flag('meta-refresh')}` }),
    el('input', { autofocus: '', onfocus: flag('onfocus') }),
  ]);
  const html = el('html', {}, [el('head', {}, [el('title', {}, [text('x')])]), body]);
  const doc = { type: 0, childNodes: [html], id: id++ };
  const t = 1_700_000_000_000;
  const added = el('img', { src: 'x:y', onerror: flag('mutation-onerror') });
  const addedScript = el('script', {}, [text(flag('mutation-script'))]);
  return [
    { type: 4, timestamp: t, data: { href: 'https://evil.example/', width: 800, height: 600 } },
    { type: 2, timestamp: t + 1, data: { node: doc, initialOffset: { top: 0, left: 0 } } },
    {
      type: 3,
      timestamp: t + 300,
      data: {
        source: 0,
        texts: [],
        attributes: [{ id: 3, attributes: { onclick: flag('attr-mutation') } }],
        removes: [],
        adds: [
          { parentId: body.id, nextId: null, node: added },
          { parentId: body.id, nextId: null, node: addedScript },
        ],
      },
    },
    { type: 3, timestamp: t + 600, data: { source: 2, type: 2, id: 1, x: 10, y: 10 } },
  ];
}

describe('<posthog-replay> hostile recordings', () => {
  afterEach(() => delete (window as { __phReplayPwned?: string }).__phReplayPwned);

  it('runs no script from the recording, in the replay iframe or the host page', async () => {
    const player = await emptyPlayer();
    player.recording = hostileRecording();
    await whenReady(player);
    const doc = replayDocument(player);
    const frame = doc.defaultView!.frameElement as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).to.equal('allow-same-origin');
    expect(doc.querySelector('h1')?.textContent).to.equal('Hostile page');
    const ended = nextEvent(player, 'ended');
    await player.play();
    await ended;
    // Give late handlers (image errors, nested frames, meta refresh) time to fire.
    await new Promise((r) => setTimeout(r, 800));
    doc.querySelector<HTMLAnchorElement>('a')?.click();
    await new Promise((r) => setTimeout(r, 200));
    expect((window as { __phReplayPwned?: string }).__phReplayPwned).to.equal(undefined);
    const inner = replayDocument(player).defaultView as unknown as { __phReplayPwned?: string };
    expect(inner.__phReplayPwned).to.equal(undefined);
    for (const nested of replayDocument(player).querySelectorAll('iframe')) {
      const win = nested.contentWindow as unknown as { __phReplayPwned?: string } | null;
      expect(win?.__phReplayPwned).to.equal(undefined);
    }
  });
});
