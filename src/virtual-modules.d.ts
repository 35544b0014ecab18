/**
 * Modules made at build time by build/virtual-modules.mjs (rollup and the dev server share it).
 */
declare module 'virtual:decode-worker' {
  /**
   * src/loader/decoder-runtime.ts bundled into one self-contained function: call it for the
   * decoder on this thread, or put its source text in a Blob to start it as a worker.
   */
  export default function decoderRuntime(): typeof import('./loader/decoder-runtime.js');
}
declare module 'virtual:rrweb-css' {
  /** rrweb's replayer stylesheet as text, adopted inside the shadow root. */
  const css: string;
  export default css;
}
