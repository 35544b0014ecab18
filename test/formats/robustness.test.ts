/**
 * Fuzzing with a seeded PRNG: truncations and byte mutations of valid files, and random edits of
 * their parsed JSON, must each end in a DecodedRecording or a DecodeError. Anything else, or a
 * DecodeError that only wraps an internal exception, fails with the seed and case number.
 */
import { expect } from '@open-wc/testing';
import { gzipSync } from 'fflate';
import { DecodeError, decodeRecording } from '../../src/formats/index.js';
import { fixtureBytes, prng } from './helpers.js';

const SEED = 20240501;

type Random = ReturnType<typeof prng>;
const int = (random: Random, n: number) => Math.floor(random() * n);

function mutateBytes(random: Random, source: Uint8Array): Uint8Array {
  const kind = int(random, 5);
  if (kind === 0) return source.slice(0, int(random, source.length));
  const bytes = source.slice();
  if (kind === 1) {
    for (let i = 1 + int(random, 8); i > 0; i--)
      bytes[int(random, bytes.length)] = int(random, 256);
    return bytes;
  }
  const at = int(random, bytes.length);
  const length = 1 + int(random, 64);
  if (kind === 2)
    return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + length)]);
  if (kind === 3)
    return Uint8Array.from([
      ...bytes.subarray(0, at),
      ...bytes.subarray(at, at + length),
      ...bytes.subarray(at),
    ]);
  // A structural byte (bracket, quote, comma, colon) swapped for another.
  const structural = [0x7b, 0x7d, 0x5b, 0x5d, 0x22, 0x2c, 0x3a, 0x0a];
  for (let i = 1 + int(random, 4); i > 0; i--) {
    const p = int(random, bytes.length);
    if (structural.includes(bytes[p])) bytes[p] = structural[int(random, structural.length)];
  }
  return bytes;
}

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  '',
  'x',
  '2024-10',
  true,
  [],
  {},
  [null],
  { type: 2 },
  NaN,
];

/** Replaces a random node of a JSON value with an odd value, or deletes it. */
function mutateValue(random: Random, value: unknown): unknown {
  const containers: unknown[] = [];
  const walk = (v: unknown, depth: number) => {
    if (v && typeof v === 'object' && depth < 12 && containers.length < 5000) {
      containers.push(v);
      for (const child of Object.values(v)) walk(child, depth + 1);
    }
  };
  walk(value, 0);
  for (let i = 1 + int(random, 3); i > 0 && containers.length > 0; i--) {
    const target = containers[int(random, containers.length)] as Record<string, unknown>;
    const keys = Object.keys(target);
    if (keys.length === 0) continue;
    const key = keys[int(random, keys.length)];
    if (random() < 0.2) delete target[key];
    else target[key] = structuredClone(ODD_VALUES[int(random, ODD_VALUES.length)]);
  }
  return value;
}

function check(input: unknown, label: string): 'ok' | 'refused' {
  try {
    decodeRecording(input);
    return 'ok';
  } catch (error) {
    if (!(error instanceof DecodeError)) {
      throw new Error(`${label}: threw ${String(error)} (not a DecodeError)`);
    }
    if (error.message.startsWith('The recording could not be decoded:')) {
      throw new Error(`${label}: internal error wrapped as DecodeError: ${error.message}`);
    }
    return 'refused';
  }
}

/** Small files of every container and line shape; `playable` says whether some cases must decode. */
const FILES: [file: string, playable: boolean][] = [
  ['posthog-api/recording_snapshots.jsonl', true],
  ['formats/blob_v2_decompressed_body_cv2024-10.jsonl', true],
  ['formats/blob_v2_length_prefixed_snappy_body.json', true],
  ['formats/blob_v2_lts_raw_snappy_body.json', true],
  ['formats/legacy_snapshot_data_by_window_id_response.json', true],
  ['edge/edge_cv_broken_and_unknown_version.jsonl', true],
  ['edge/synthetic_plugins_and_custom_events_blob_v2.jsonl', true],
  ['mobile/synthetic_mobile_wireframe_blob_v2.jsonl', false],
];

/** The file's JSON value (JSONL as an array of lines), or undefined for binary bodies. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as unknown);
    } catch {
      return undefined;
    }
  }
}

describe('robustness (seeded fuzzing)', () => {
  FILES.forEach(([file, playable], fileIndex) => {
    it(`${file}: 200 byte mutations, 40 gzip-wrapped, 100 JSON edits`, async () => {
      const source = await fixtureBytes(file);
      const seed = SEED + fileIndex;
      const random = prng(seed);
      const outcomes = { ok: 0, refused: 0 };
      for (let n = 0; n < 200; n++)
        outcomes[check(mutateBytes(random, source), `seed ${seed} byte case ${n}`)]++;
      const gz = gzipSync(source);
      for (let n = 0; n < 40; n++)
        outcomes[check(mutateBytes(random, gz), `seed ${seed} gzip case ${n}`)]++;
      const parsed = parseJson(new TextDecoder().decode(source));
      for (let n = 0; parsed !== undefined && n < 100; n++) {
        const input = mutateValue(random, structuredClone(parsed));
        outcomes[check(input, `seed ${seed} json case ${n}`)]++;
      }
      // Both outcomes must occur: the fuzzer is neither too gentle nor only producing junk.
      if (playable) expect(outcomes.ok, JSON.stringify(outcomes)).to.be.greaterThan(0);
      expect(outcomes.refused, JSON.stringify(outcomes)).to.be.greaterThan(0);
    });
  });
});
