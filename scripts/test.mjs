// `npm test`: lint, typecheck, build, the browser tests (@web/test-runner in Chromium) and the
// end-to-end tests (node:test + playwright-core against the built bundle). Ends with one line
// `tests: N passed, N failed` counting every test; exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const out = result.stdout.toString();
  process.stdout.write(out);
  return { ok: result.status === 0, out };
}

/** A step that is not a test runner counts as one test. */
function step(label, command, args) {
  const { ok } = run(label, command, args);
  ok ? passed++ : failed++;
  return ok;
}

step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', 'src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs']);
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('typecheck tests', 'npx', ['tsc', '-p', 'test/tsconfig.json', '--noEmit']);
const built = step('build', 'npm', ['run', 'build', '--silent']);

const countsFile = join(mkdtempSync(join(tmpdir(), 'wtr-')), 'counts.json');
const wtr = run('browser tests', 'npx', ['web-test-runner'], { WTR_COUNTS_FILE: countsFile });
if (existsSync(countsFile)) {
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
  if (!wtr.ok && counts.failed === 0) failed++;
} else failed++;

if (built) {
  const dirs = ['test/e2e/', 'test/cli/'].filter((dir) => existsSync(dir));
  const e2e = run('end-to-end tests', 'node', ['--test', '--test-reporter=tap', ...dirs]);
  const pass = Number(/^# pass (\d+)/m.exec(e2e.out)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(e2e.out)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (!e2e.ok && fail === 0) failed++;
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
