// Shared by the CLI and API tests: the stand-in PostHog, the CLI as a child process, and the
// browser-side API module bundled on the fly (platform "browser", so a Node-only import fails).
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { createPostHogStandIn } from '../support/posthog-stand-in.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (path) => join(root, 'test/fixtures', path);
export const KEY = 'phx_test_key';

export async function standIn(options = {}) {
  const server = createPostHogStandIn({ apiKey: KEY, ...options });
  await server.listen();
  return server;
}

let api;
/** src/loader/posthog-api.ts and decodeRecording, bundled for the browser and imported here. */
export async function loadApi() {
  api ??= (async () => {
    const result = await esbuild.build({
      stdin: {
        contents:
          "export * from './src/loader/posthog-api.ts';\n" +
          "export { decodeRecording } from './src/formats/index.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
    });
    const file = join(await mkdtemp(join(tmpdir(), 'posthog-api-')), 'posthog-api.mjs');
    await writeFile(file, result.outputFiles[0].contents);
    return import(pathToFileURL(file).href);
  })();
  return api;
}

/** Runs `node bin/posthog-replay.mjs …` and resolves with its exit code and output. */
export function runCli(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/posthog-replay.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, POSTHOG_API_KEY: '', POSTHOG_PROJECT_ID: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const tempDir = () => mkdtemp(join(tmpdir(), 'posthog-replay-cli-'));
