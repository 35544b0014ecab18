// A page with 20 players using loading="lazy" (bench/pages/many-players.html), scrolled from top
// to bottom with the mouse wheel: how many recordings each position has fetched, and whether
// the page stays responsive (long tasks, animation-frame gaps) while players load around it.
// Called by bench/run.mjs; one measurement per run, in that run's browser.

const STEPS = 40;
const STEP_PX = 250;
const STEP_MS = 100;

/**
 * Scrolls the page with the players, then the same page with empty boxes (the reference for
 * what scrolling costs here anyway); never throws (an error is returned in the result).
 */
export async function measureManyPlayers(browser, origin) {
  const players = await scrollThrough(browser, `${origin}/bench/pages/many-players.html`);
  const reference = await scrollThrough(browser, `${origin}/bench/pages/many-players.html?empty`);
  return { ...players, reference };
}

async function scrollThrough(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const fetched = new Set();
  page.on('request', (request) => {
    const match = /posthog-demo\.rrweb\.json\.gz\?player=(\d+)/.exec(request.url());
    if (match) fetched.add(Number(match[1]));
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const atTop = fetched.size;
    // Frame gaps while scrolling: a page that stays smooth draws every ~16 ms.
    await page.evaluate(() => {
      window.frameGaps = [];
      let last = performance.now();
      const loop = (now) => {
        window.frameGaps.push(now - last);
        last = now;
        if (!window.stopFrames) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      window.scrollStart = performance.now();
    });
    await page.mouse.move(640, 400);
    const during = [];
    for (let i = 0; i < STEPS; i++) {
      await page.mouse.wheel(0, STEP_PX);
      await page.waitForTimeout(STEP_MS);
      during.push(fetched.size);
    }
    const scrolled = await page.evaluate(() => {
      window.stopFrames = true;
      const from = window.scrollStart;
      const tasks = window.bench.longTasks.filter((t) => t.start >= from);
      return {
        scrollY: Math.round(window.scrollY),
        pageHeight: document.documentElement.scrollHeight,
        frameGaps: window.frameGaps,
        longTasks: tasks.map((t) => t.duration),
      };
    });
    await page.waitForTimeout(2000);
    const ready = await page.evaluate(
      () => [...document.querySelectorAll('posthog-replay')].filter((p) => p.readyState >= 2).length,
    );
    const gaps = scrolled.frameGaps.slice(1).sort((a, b) => a - b);
    const p95 = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? null;
    return {
      players: 20,
      fetchedAtTop: atTop,
      fetchedWhileScrolling: during,
      fetchedAtEnd: fetched.size,
      readyAtEnd: ready,
      scrolledPx: scrolled.scrollY,
      pageHeight: scrolled.pageHeight,
      longestTaskMs: scrolled.longTasks.length ? Math.max(...scrolled.longTasks) : 0,
      longTasks: scrolled.longTasks.length,
      totalBlockingMs: scrolled.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      frameGapP95Ms: p95,
      frameGapMaxMs: gaps.length ? gaps[gaps.length - 1] : null,
      framesOver50Ms: gaps.filter((g) => g > 50).length,
      frames: gaps.length,
    };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  } finally {
    await context.close().catch(() => {});
  }
}
