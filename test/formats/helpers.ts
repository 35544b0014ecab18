/** Fixture loading and comparison helpers for the format tests. */
import { DecodeError, type DecodedRecording, decodeRecording } from '../../src/formats/index.js';

const FIXTURES = '/test/fixtures/';

/** The bytes of a fixture as a server would deliver them (`*_body.json` carry base64 bodies). */
export async function fixtureBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(FIXTURES + path);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!path.endsWith('_body.json')) return bytes;
  const { body_base64: base64 } = JSON.parse(new TextDecoder().decode(bytes)) as {
    body_base64: string;
  };
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** JSON with sorted keys, so key order in a file does not matter when comparing events. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Each event as "window index | content", ignoring the window id itself (ids are renumbered in
 * newer exports) and the bookkeeping keys `delay` and `seq`.
 */
export function comparable(recording: DecodedRecording): string[] {
  const index = new Map(recording.report.windows.map((w) => [w.id, w.index]));
  return recording.events.map((event) => {
    const { windowId, ...rest } = event as unknown as Record<string, unknown> & {
      windowId: string;
    };
    delete rest.delay;
    delete rest.seq;
    return `${index.get(windowId)}|${stableStringify(rest)}`;
  });
}

/** Runs the decoder and returns the DecodeError it threw (fails when it did not throw one). */
export function decodeError(input: unknown): DecodeError {
  try {
    decodeRecording(input);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw new Error(`expected a DecodeError, got ${String(error)}`);
  }
  throw new Error('expected a DecodeError, but the input decoded');
}

export const encodeText = (text: string): Uint8Array => new TextEncoder().encode(text);

/** mulberry32: tiny, fast, and the same sequence on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
