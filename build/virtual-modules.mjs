// Build-time modules shared by rollup (dist builds) and @web/dev-server (tests, demo):
//  - `virtual:decode-worker`: src/loader/decoder-runtime.ts bundled by esbuild into the body of
//    one self-contained function. The page calls it for main-thread decoding and starts the
//    worker from a Blob of its source text, so the decoder ships once and no separate asset has
//    to be hosted (this works in the one-file CDN bundle and in the ESM build alike).
//  - `virtual:rrweb-css`: rrweb's replayer stylesheet as text, adopted inside the shadow root.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

export const WORKER_ID = 'virtual:decode-worker';
export const RRWEB_CSS_ID = 'virtual:rrweb-css';

/** Bundles the decoder runtime into a script that assigns its exports to `__phDecoder`. */
export async function buildWorkerCode({ minify = true } = {}) {
  const result = await esbuild.build({
    entryPoints: [`${root}src/loader/decoder-runtime.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__phDecoder',
    target: 'es2020',
    minify,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0].text;
}

export function readRrwebCss() {
  return readFileSync(require.resolve('rrweb/dist/style.css'), 'utf8');
}

/**
 * CommonJS dependencies re-bundled as ESM for the dev server, which serves node_modules as they
 * are (rollup handles them with @rollup/plugin-commonjs instead).
 */
const COMMONJS_DEPENDENCIES = { snappyjs: ['uncompress', 'compress'] };

async function commonjsAsEsm(name) {
  const result = await esbuild.build({
    stdin: {
      contents: `import m from '${name}'; export default m; export const { ${COMMONJS_DEPENDENCIES[name].join(', ')} } = m;`,
      resolveDir: root,
    },
    bundle: true,
    write: false,
    format: 'esm',
  });
  return result.outputFiles[0].text;
}

async function moduleSource(id, { minify }) {
  if (id.startsWith('virtual:cjs--')) return commonjsAsEsm(id.slice(13));
  if (id === WORKER_ID) {
    const code = await buildWorkerCode({ minify });
    return `export default function decoderRuntime() {\n${code}\nreturn __phDecoder;\n}`;
  }
  if (id === RRWEB_CSS_ID) return `export default ${JSON.stringify(readRrwebCss())};`;
  return null;
}

/** Rollup plugin: resolves the virtual ids to `\0`-prefixed ids (rollup's convention). */
export function virtualModulesRollup({ minify = true } = {}) {
  return {
    name: 'posthog-replay-virtual-modules',
    resolveId(id) {
      return id === WORKER_ID || id === RRWEB_CSS_ID ? `\0${id}` : null;
    },
    load(id) {
      return id.startsWith('\0virtual:') ? moduleSource(id.slice(1), { minify }) : null;
    },
  };
}

/** @web/dev-server plugin: serves the virtual ids under /__virtual/ (rebuilt on every request). */
export function virtualModulesDevServer({ minify = false } = {}) {
  return {
    name: 'posthog-replay-virtual-modules',
    resolveImport({ source }) {
      if (source === WORKER_ID || source === RRWEB_CSS_ID) return `/__virtual/${source.slice(8)}.js`;
      if (Object.hasOwn(COMMONJS_DEPENDENCIES, source)) return `/__virtual/cjs--${source}.js`;
      return undefined;
    },
    async serve(context) {
      const match = /^\/__virtual\/(.+)\.js$/.exec(context.path);
      if (!match) return undefined;
      const body = await moduleSource(`virtual:${match[1]}`, { minify });
      return body == null ? undefined : { body, type: 'js' };
    },
  };
}
