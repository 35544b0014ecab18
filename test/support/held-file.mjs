// A file download that stops halfway until the test lets it finish, for @web/test-runner (koa
// middleware): GET /held/<token>/<path under test/fixtures> sends the first half of the file at
// once and the rest only after GET /held-release/<token> (or, with `?cut`, breaks the connection
// then). It shows that the player works on a recording whose bytes have not all arrived.
import { readFileSync } from 'node:fs';

const fixtures = new URL('../fixtures/', import.meta.url);
/** token → release() of the download waiting on it (or true if released before it asked). */
const waiting = new Map();

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
      bytes = readFileSync(new URL(path, fixtures));
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
