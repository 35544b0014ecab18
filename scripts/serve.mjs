// `npm start` (after the build): serves the repo on http://localhost:8080/demo/.
// The demo pages use only what a user would: dist/posthog-replay.js, or the ESM build with
// bare imports resolved from node_modules (as a bundler would).
import { startDevServer } from '@web/dev-server';
import { virtualModulesDevServer } from '../build/virtual-modules.mjs';

const port = Number(process.env.PORT ?? 8080);
await startDevServer({
  config: {
    rootDir: '.',
    port,
    nodeResolve: true,
    appIndex: undefined,
    plugins: [virtualModulesDevServer()],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`posthog-replay demo: http://localhost:${port}/demo/  (Ctrl+C to stop)`);
