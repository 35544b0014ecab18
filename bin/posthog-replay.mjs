#!/usr/bin/env node
// `npx posthog-replay …`: the CLI is built into dist/cli by `npm run build` (build/build-cli.mjs).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.mjs', import.meta.url);
if (!existsSync(main)) {
  console.error('posthog-replay: the CLI is not built yet; run `npm run build` first.');
  process.exit(1);
}
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
