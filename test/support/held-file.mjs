// A file download that stops halfway until the test lets it finish, for @web/test-runner (koa
// middleware): GET /held/<token>/<path under test/fixtures> sends the first half of the file at
// once and the rest only after GET /held-release/<token> (or, with `?cut`, breaks the connection
// then). It shows that the player works on a recording whose bytes have not all arrived.
import { readFileSync } from 'node:fs';

const fixtures = new URL('../fixtures/', import.meta.url);
/** token → release() of the download waiting on it (or true if released before it asked). */
const waiting = new Map();

/**
 * Recordings made here rather than kept as fixtures. `generated/out-of-order.json`: an rrweb
 * array of ~3 MB (1,500 custom events 100 ms apart) whose last event is stamped 2.05 s in: a
 * streaming decoder hands most events on before it reads that one, and must take them back.
 */
const GENERATED = {
  'generated/out-of-order.json': () => {
    const start = 1_700_000_000_000;
    const padding = 'x'.repeat(2_000);
    const page = {
      type: 0,
      id: 1,
      childNodes: [
        {
          type: 2,
          id: 2,
          tagName: 'html',
          attributes: {},
          childNodes: [{ type: 2, id: 3, tagName: 'body', attributes: {}, childNodes: [] }],
        },
      ],
    };
    const events = [
      {
        type: 4,
        timestamp: start,
        data: { href: 'https://example.com/', width: 800, height: 600 },
      },
      { type: 2, timestamp: start + 1, data: { node: page, initialOffset: { top: 0, left: 0 } } },
    ];
    for (let i = 1; i <= 1500; i++) {
      events.push({
        type: 5,
        timestamp: start + i * 100,
        data: { tag: 'step', payload: { i, padding } },
      });
    }
    events.push({ type: 5, timestamp: start + 2_050, data: { tag: 'late', payload: {} } });
    return Buffer.from(JSON.stringify(events));
  },
};

export function heldFileMiddleware() {
  return async (ctx, next) => {
    const release = /^\/held-release\/([\w-]+)$/.exec(ctx.path);
    if (release) {
      const pending = waiting.get(release[1]);
      if (typeof pending === 'function') pending();
      else waiting.set(release[1], true);
      ctx.body = 'released';
      return;
    }
    const held = /^\/held\/([\w-]+)\/(.+)$/.exec(ctx.path);
    if (!held) return next();
    const [, token, path] = held;
    let bytes;
    try {
      bytes = GENERATED[path]?.() ?? readFileSync(new URL(path, fixtures));
    } catch {
      ctx.status = 404;
      return;
    }
    const half = Math.floor(bytes.length / 2);
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
      'cache-control': 'no-store',
    });
    res.write(bytes.subarray(0, half));
    await new Promise((resolve) => {
      if (waiting.get(token) === true) resolve();
      else waiting.set(token, resolve);
    });
    waiting.delete(token);
    if (ctx.query.cut !== undefined) res.destroy();
    else res.end(bytes.subarray(half));
  };
}
