// @web/test-runner: every *.test.ts under src/ and test/ runs in Debian's Chromium (headless).
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { virtualModulesDevServer } from './build/virtual-modules.mjs';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';
import { heldFileMiddleware } from './test/support/held-file.mjs';
import { koaMiddleware } from './test/support/posthog-stand-in.mjs';

/** Writes pass/fail counts where scripts/test.mjs can add them to the closing line. */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests) t.passed ? passed++ : t.skipped ? 0 : failed++;
        for (const s of suite.suites) walk(s);
      };
      for (const s of sessions) {
        const before = failed;
        if (s.testResults) walk(s.testResults);
        // A file that failed to load, or failed outside a test, counts as one failure.
        if (!s.passed && failed === before) failed++;
      }
      if (file) writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs() },
    }),
  ],
  // Stand-ins for PostHog's API, same origin as the tests: open, and behind a key / sharing token.
  middleware: [
    koaMiddleware('/posthog'),
    koaMiddleware('/posthog-private', { apiKey: 'phx_test', sharingToken: 'share_test' }),
    koaMiddleware('/posthog-slow', { slowMs: 700 }),
    // A download that stops halfway until the test releases it (streamed decoding).
    heldFileMiddleware(),
  ],
  plugins: [
    virtualModulesDevServer(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countingReporter(process.env.WTR_COUNTS_FILE)],
};
