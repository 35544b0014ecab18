/**
 * Streamed decoding (src/loader/stream-decode.ts, src/formats/json-stream.ts): every fixture fed
 * in random-sized pieces must end in exactly what the whole-file decoder gives (events, report,
 * or the same error), events must come out before the last byte when the file allows it, and
 * data far out of order must take back what was handed on (reset) rather than play it wrong.
 */
import { expect } from '@open-wc/testing';
import { gzipSync } from 'fflate';
import { DecodeError, decodeRecordingAsync } from '../../src/formats/index.js';
import type { DecodedRecording, DecodeReport, RecordingEvent } from '../../src/formats/types.js';
import { JsonStreamSplitter } from '../../src/formats/json-stream.js';
import { StreamDecoder } from '../../src/loader/stream-decode.js';
import { encodeText, fixtureBytes, prng } from '../formats/helpers.js';

const FIXTURES = [
  'posthog-js/posthog-demo.export.json',
  'posthog-js/posthog-demo.rrweb.json.gz',
  'posthog-js/posthog-demo.posthog.jsonl.gz',
  'posthog-js/posthog-demo.posthog-v2.jsonl.gz',
  'posthog-js/posthog-demo.posthog-capture.json.gz',
  'posthog-api/recording_snapshots.jsonl',
  'formats/blob_v2_decompressed_body.jsonl',
  'formats/blob_v2_decompressed_body_cv2024-10.jsonl',
  'formats/blob_v2_length_prefixed_snappy_body.json',
  'formats/blob_v2_lts_raw_snappy_body.json',
  'formats/export-rrweb-recording.json',
  'formats/export-v2022-12-02.ph-recording.json',
  'formats/export-v2023-04-28-numeric-windowid.ph-recording.json',
  'formats/export-v2023-04-28-string-windowid.ph-recording.json',
  'formats/legacy_snapshot_data_by_window_id_response.json',
  'formats/realtime_og_response.json',
  'edge/edge_blob_v1_unsorted_duplicates.jsonl',
  'edge/edge_blob_v2_missing_meta_and_full_snapshot.jsonl',
  'edge/edge_cv_broken_and_unknown_version.jsonl',
  'edge/synthetic_plugins_and_custom_events_blob_v2.jsonl',
  'rrweb/annotations-recording.json',
  'rrweb/mutation.blocked_middlechild_element.json',
  'mobile/synthetic_mobile_wireframe_blob_v2.jsonl',
];

interface Streamed {
  result?: DecodedRecording;
  error?: DecodeError;
  resets: number;
  /** How many pieces had been pushed when the first events came out (-1: only at the end). */
  firstEventsAtPiece: number;
  pieces: number;
}

/** Feeds `bytes` to a StreamDecoder in pieces of 1..maxPiece bytes; collects what comes out. */
async function stream(
  bytes: Uint8Array,
  seed: number,
  maxPiece: number,
  passEveryChars?: number,
): Promise<Streamed> {
  const random = prng(seed);
  let events: RecordingEvent[] = [];
  let report: DecodeReport | undefined;
  let done = false;
  let resets = 0;
  let pushed = 0;
  let firstEventsAtPiece = -1;
  let ended = false;
  const decoder = new StreamDecoder(
    {
      onEvents(more, latest, last) {
        expect(done, 'nothing after the last slice').to.equal(false);
        if (more.length > 0 && firstEventsAtPiece < 0 && !ended) firstEventsAtPiece = pushed;
        events = events.concat(more);
        report = latest;
        done = last;
      },
      onReset() {
        resets++;
        events = [];
      },
    },
    { passEveryChars },
  );
  let pieces = 0;
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(random() * maxPiece);
    // A copy, as a network chunk would be (the decoder may keep what it is given).
    await decoder.push(bytes.slice(at, at + size));
    at += size;
    pushed++;
    pieces++;
  }
  ended = true;
  try {
    await decoder.end();
  } catch (error) {
    if (error instanceof DecodeError) return { error, resets, firstEventsAtPiece, pieces };
    throw error;
  }
  expect(done, 'the last slice says done').to.equal(true);
  return { result: { events, report: report! }, resets, firstEventsAtPiece, pieces };
}

async function whole(
  bytes: Uint8Array,
): Promise<{ result?: DecodedRecording; error?: DecodeError }> {
  try {
    return { result: await decodeRecordingAsync(bytes.slice()) };
  } catch (error) {
    if (error instanceof DecodeError) return { error };
    throw error;
  }
}

function expectSame(
  streamed: Streamed,
  expected: { result?: DecodedRecording; error?: DecodeError },
  what: string,
) {
  if (expected.error) {
    expect(streamed.error?.message, what).to.equal(expected.error.message);
    expect(streamed.error?.code, what).to.equal(expected.error.code);
    return;
  }
  expect(streamed.error?.message, what).to.equal(undefined);
  expect(JSON.stringify(streamed.result!.report), what).to.equal(
    JSON.stringify(expected.result!.report),
  );
  const got = streamed.result!.events;
  const want = expected.result!.events;
  expect(got.length, what).to.equal(want.length);
  // The first differing event, not two megabytes of JSON.
  const differs = got.findIndex((event, i) => JSON.stringify(event) !== JSON.stringify(want[i]));
  expect(differs, `${what}: first differing event`).to.equal(-1);
}

describe('streamed decoding', () => {
  for (const path of FIXTURES) {
    it(`ends in what the whole-file decoder gives: ${path}`, async () => {
      const bytes = await fixtureBytes(path);
      const expected = await whole(bytes);
      // Small pieces with a decode pass after each (every step of the way is checked), and
      // network-sized pieces with the default passes.
      for (const [seed, maxPiece, passEvery] of [
        [1, 64, 1],
        [2, 4096, 1],
        [3, 65536, undefined],
      ]) {
        const streamed = await stream(bytes, seed!, maxPiece!, passEvery);
        expectSame(streamed, expected, `${path}, pieces up to ${maxPiece} bytes`);
      }
    });
  }

  it('streams the 33.8 MB benchmark recording to exactly what the whole-file decoder gives', async () => {
    const response = await fetch('/bench/data/large.rrweb.json.gz');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const streamed = await stream(bytes, 13, 65536);
    expect(streamed.resets).to.equal(0);
    expect(streamed.firstEventsAtPiece).to.be.lessThan(streamed.pieces / 10);
    expectSame(streamed, await whole(bytes), 'large');
  });

  it('hands events on before the file has ended (plain, gzipped, JSON lines, export)', async () => {
    for (const path of [
      'posthog-js/posthog-demo.rrweb.json.gz',
      'posthog-js/posthog-demo.export.json',
      'posthog-js/posthog-demo.posthog-v2.jsonl.gz',
    ]) {
      const streamed = await stream(await fixtureBytes(path), 7, 8192);
      expect(streamed.resets, path).to.equal(0);
      expect(streamed.firstEventsAtPiece, path).to.be.greaterThan(0);
      expect(streamed.firstEventsAtPiece, path).to.be.lessThan(streamed.pieces / 2);
    }
  });

  it('takes back what it handed on when an event comes far out of order, and ends right', async () => {
    const start = 1_700_000_000_000;
    const events: object[] = [
      {
        type: 4,
        timestamp: start,
        data: { href: 'https://example.com/', width: 800, height: 600 },
      },
      {
        type: 2,
        timestamp: start + 1,
        data: {
          node: {
            type: 0,
            id: 1,
            childNodes: [{ type: 2, id: 2, tagName: 'html', attributes: {}, childNodes: [] }],
          },
          initialOffset: { top: 0, left: 0 },
        },
      },
    ];
    for (let i = 1; i <= 200; i++) {
      events.push({
        type: 3,
        timestamp: start + i * 1000,
        data: { source: 1, positions: [{ x: i, y: i, id: 2, timeOffset: 0 }] },
      });
    }
    // Written last, but it happened 2 s in: everything after it was handed on too early.
    events.push({
      type: 3,
      timestamp: start + 2500,
      data: { source: 1, positions: [{ x: 0, y: 0, id: 2, timeOffset: 0 }] },
    });
    const bytes = encodeText(JSON.stringify(events, null, 1));
    const streamed = await stream(bytes, 11, 2048, 1);
    expect(streamed.resets).to.equal(1);
    expectSame(streamed, await whole(bytes), 'out of order');
    expect(streamed.result!.events[4].timestamp).to.equal(start + 2500);
  });

  it('gives the whole-file errors for broken input', async () => {
    const demo = await fixtureBytes('posthog-js/posthog-demo.export.json');
    const cases: [string, Uint8Array][] = [
      ['cut short', demo.slice(0, demo.length - 1000)],
      ['cut short, gzipped', gzipSync(demo.slice(0, 300_000))],
      ['gzip cut short', gzipSync(demo).slice(0, 50_000)],
      ['not JSON', encodeText('hello world')],
      ['empty', new Uint8Array(0)],
      ['blank', encodeText('   \n  ')],
      ['JSON, not a recording', encodeText('{"hello": [1, 2, 3]}')],
      ['two values on one line', encodeText('[1] [2]')],
      ['a number', encodeText('42')],
      ['trailing comma', encodeText('[{"type": 4, "timestamp": 1, "data": {}},]')],
      ['not UTF-8', Uint8Array.from([0x5b, 0xff, 0xfe, 0x5d])],
    ];
    for (const [what, bytes] of cases) {
      const expected = await whole(bytes);
      expectSame(await stream(bytes, 5, 1000), expected, what);
    }
  });
});

describe('JsonStreamSplitter', () => {
  const samples = [
    '[]',
    '{}',
    '[1, "two", {"three": [3, {"x": "]}\\"\\\\"}]}, null, true, -1.5e3]',
    '{"version": "2023-04-28", "data": {"id": "x", "snapshots": [{"a": 1}, {"b": [2, 3]}], "after": {"k": "}"}}}',
    '{"format": "posthog-replay-bundle", "windows": [{"id": "w", "events": [{"a": "é😀"}, {"b": 2}]}, {"id": "v", "events": []}]}',
    '{"__proto__": {"polluted": true}, "data": {"snapshots": []}}',
    '{"a": 1, "a": 2}',
    '{"data": {"snapshots": [{"s": "a\\\\\\"b\\\\", "t": "\\u00e9\\"]"}, "\\\\", ["\\"", "}"]]}}',
    '  \n [ {"a":\n1} ,\n {"b" : 2}\n ]  \n',
  ];
  for (const sample of samples) {
    it(`reads ${JSON.stringify(sample.slice(0, 40))}… like JSON.parse, in any pieces`, () => {
      const expected = JSON.parse(sample) as unknown;
      for (let size = 1; size <= sample.length; size++) {
        const splitter = new JsonStreamSplitter();
        for (let i = 0; i < sample.length; i += size) splitter.push(sample.slice(i, i + size));
        expect(splitter.end(), `pieces of ${size}`).to.equal(true);
        expect(JSON.stringify(splitter.root), `pieces of ${size}`).to.equal(
          JSON.stringify(expected),
        );
        expect(Object.getPrototypeOf(splitter.root)).to.equal(Object.getPrototypeOf(expected));
      }
    });
  }

  it('streams the event arrays: items come out as they complete', () => {
    const splitter = new JsonStreamSplitter();
    splitter.push('{"version": "2023-04-28", "data": {"snapshots": [{"type": 4}, {"type": 2, "x"');
    expect(splitter.items).to.deep.equal([{ type: 4 }]);
    splitter.push(': 1}, ');
    expect(splitter.items).to.deep.equal([{ type: 4 }, { type: 2, x: 1 }]);
  });

  it('turns to JSON lines when a second value follows on the next line', () => {
    const splitter = new JsonStreamSplitter();
    splitter.push('["w", {"type": 4}]\n["w", {"type": 2}]\nnot json\n\n["w", {"type": 3}]');
    expect(splitter.end()).to.equal(true);
    expect(splitter.lines).to.equal(true);
    expect(splitter.items).to.have.length(3);
    expect(splitter.badLines).to.equal(1);
    expect(splitter.firstBadLine).to.equal(3);
  });
});
