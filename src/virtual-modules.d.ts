/**
 * Modules made at build time by build/virtual-modules.mjs (rollup and the test server share it).
 */
declare module 'virtual:decode-worker' {
  /** The decode worker bundled into one classic script, started from a Blob URL. */
  const code: string;
  export default code;
}
declare module 'virtual:rrweb-css' {
  /** rrweb's replayer stylesheet as text, adopted inside the shadow root. */
  const css: string;
  export default css;
}
