// Builds the CLI (src/cli/main.ts) into dist/cli/main.mjs with esbuild, so `npx posthog-replay`
// runs on plain Node 20 without TypeScript. Run after rollup: `html` inlines dist/posthog-replay.js.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

await esbuild.build({
  entryPoints: { main: `${root}src/cli/main.ts` },
  outdir: `${root}dist/cli`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
