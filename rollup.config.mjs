// Two builds:
//  - dist/esm/: ES modules for bundlers (`posthog-replay` defines the element,
//    `posthog-replay/elements` only exports); dependencies stay external. Types come from tsc.
//  - dist/posthog-replay.js: one self-contained, minified IIFE for a plain <script src> tag:
//    lit, rrweb and its CSS, fflate, snappyjs and the decode worker (as a Blob URL) all inside.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { virtualModulesRollup } from './build/virtual-modules.mjs';

const production = replace({
  preventAssignment: true,
  values: { 'process.env.NODE_ENV': JSON.stringify('production') },
});
const typescript = esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' });
const dependencies = ['lit', 'rrweb', '@rrweb/types', 'fflate', 'snappyjs'];
const isDependency = (id) => dependencies.some((d) => id === d || id.startsWith(`${d}/`));

export default [
  {
    input: { define: 'src/define.ts', index: 'src/index.ts' },
    external: isDependency,
    plugins: [virtualModulesRollup(), typescript],
    output: {
      dir: 'dist/esm',
      format: 'esm',
      sourcemap: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: () => 'player',
    },
  },
  {
    input: 'src/define.ts',
    plugins: [
      virtualModulesRollup(),
      nodeResolve({ browser: true }),
      commonjs(),
      production,
      typescript,
    ],
    output: {
      file: 'dist/posthog-replay.js',
      format: 'iife',
      name: 'PostHogReplay',
      sourcemap: true,
      // ascii_only: a script with any non-ASCII character is held as a two-byte string (its whole
      // source, ~0.35 MB more heap on every page that loads the player).
      plugins: [terser({ format: { comments: false, ascii_only: true }, compress: { passes: 2 } })],
    },
  },
];
