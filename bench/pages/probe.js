// Loaded first by both benchmark pages: records long tasks from the start (buffered) and gives the
// page-side helpers that bench/run.mjs calls. Each page defines window.benchPlayer with
// load(url), seek(ms) and duration() for its player.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing: the rows that need it stay empty.
  }

  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Rejects after `ms` with a message naming what was awaited. */
  function within(ms, what, promise) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  /** Resolves at the first animation frame in which `test()` is true. */
  function firstFrameWhere(test) {
    return new Promise((resolve) => {
      const check = () => {
        let ok = false;
        try {
          ok = test();
        } catch {
          ok = false;
        }
        if (ok) resolve(performance.now());
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }

  /** True when the replay iframe under `root` has a rebuilt <body> with content. */
  function iframeHasBody(root) {
    const iframes = root.querySelectorAll('.replayer-wrapper iframe');
    for (const iframe of iframes) {
      if (iframe.closest('.replayer-wrapper').style.display === 'none') continue;
      const body = iframe.contentDocument?.body;
      if (body && body.childElementCount > 0) return true;
    }
    return false;
  }

  /** What the visible replay iframe shows in the stress page's #clock (null when none). */
  function shownClock(root) {
    for (const iframe of root.querySelectorAll('.replayer-wrapper iframe')) {
      if (iframe.closest('.replayer-wrapper').style.display === 'none') continue;
      return iframe.contentDocument?.getElementById('clock')?.textContent ?? null;
    }
    return null;
  }

  /**
   * Times the page's player over seek targets (ms from the start), one after the other, with a
   * short pause between them. Each seek is timed from the call to the frame after it is done.
   */
  async function seeks(targets, timeoutMs) {
    const results = [];
    let from = window.benchPlayer.position();
    for (const to of targets) {
      await sleep(50);
      await frame();
      const started = performance.now();
      await within(timeoutMs, `seek to ${to} ms`, window.benchPlayer.seek(to));
      const ms = performance.now() - started;
      results.push({ from, to, ms, clock: shownClock(window.benchPlayer.root()) });
      from = to;
    }
    return results;
  }

  window.bench = {
    longTasks,
    frame,
    sleep,
    within,
    firstFrameWhere,
    iframeHasBody,
    shownClock,
    seeks,
    heap: () => performance.memory?.usedJSHeapSize ?? null,
  };
})();
