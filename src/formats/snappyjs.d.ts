/** snappyjs ships no types; this is the part of its CommonJS API the decoder uses. */
declare module 'snappyjs' {
  /** Decodes one raw snappy stream; throws on a corrupt stream or one longer than `maxLength`. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  export function compress(uncompressed: Uint8Array): Uint8Array;
}
