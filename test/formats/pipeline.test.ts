/** Containers, errors, per-event decoding and normalisation, on small hand-built inputs. */
import { expect } from '@open-wc/testing';
import { gzipSync, strFromU8, strToU8 } from 'fflate';
import { compress } from 'snappyjs';
import { decodeRecording, type DecodeProgress } from '../../src/formats/index.js';
import { decodeError, encodeText } from './helpers.js';

const meta = (t: number) => ({
  type: 4,
  data: { href: 'https://example.com/', width: 800, height: 600 },
  timestamp: t,
});
const full = (t: number, text = 'hello') => ({
  type: 2,
  data: {
    node: { type: 0, id: 1, childNodes: [{ type: 3, id: 2, textContent: text }] },
    initialOffset: { top: 0, left: 0 },
  },
  timestamp: t,
});
const move = (t: number, x = 1) => ({
  type: 3,
  data: { source: 1, positions: [{ x, y: 0, id: 1, timeOffset: 0 }] },
  timestamp: t,
});
const jsonl = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n');
const v2 = (events: object[], windowId = 'w') => jsonl(events.map((e) => [windowId, e]));

/** Packs a value the way posthog-js `cv: "2024-10"` does: gzip bytes as a latin-1 string. */
const packed = (value: unknown) => strFromU8(gzipSync(strToU8(JSON.stringify(value))), true);

describe('errors', () => {
  it('malformed JSON is code 3', () => {
    const error = decodeError('{"version": "2023-04-28", "data": {');
    expect(error.code).to.equal(3);
    expect(error.message).to.match(/^This file is not valid JSON or JSON lines: /);
  });

  it('lines that are none of them JSON are code 3 naming the line', () => {
    const error = decodeError('{oops\n{"still": oops}\n');
    expect(error.code).to.equal(3);
    expect(error.message).to.contain('line 1');
  });

  it('pretty-printed JSON cut short is code 3, not "not a recording"', () => {
    const text = JSON.stringify(
      { version: '2023-04-28', data: { snapshots: [meta(1), full(2)] } },
      null,
      2,
    );
    expect(decodeError(text.slice(0, text.length - 40)).code).to.equal(3);
  });

  for (const [input, found] of [
    ['{"hello":1}', 'an object with keys hello'],
    ['[1,2,3]', 'an array of 3 items, the first being a number'],
    ['"text"', 'a string'],
    ['42', 'a number'],
    ['[]', 'an empty array'],
  ]) {
    it(`${input} is JSON but not a recording: code 4`, () => {
      const error = decodeError(input);
      expect(error.code).to.equal(4);
      expect(error.message).to.equal(
        `This file is JSON but not a session recording (found ${found}).`,
      );
    });
  }

  it('an unsupported export version is code 4 naming it', () => {
    const error = decodeError({ version: '2099-01-01', data: { snapshots: [] } });
    expect(error.code).to.equal(4);
    expect(error.message).to.equal(
      'Unsupported PostHog export version "2099-01-01"; this player reads 2022-12-02 and 2023-04-28.',
    );
  });

  it('an export without data is code 4 saying so', () => {
    const error = decodeError('{"version":"2023-04-28"}');
    expect(error.code).to.equal(4);
    expect(error.message).to.contain('it has no data');
  });

  it('recording metadata and source listings are explained', () => {
    expect(
      decodeError({ id: 'x', distinct_id: 'd', start_time: 'x', recording_duration: 3 }).message,
    ).to.contain('recording metadata');
    expect(decodeError({ sources: [] }).message).to.contain('list of snapshot sources');
  });

  for (const [name, input] of [
    ['empty string', ''],
    ['whitespace', ' \n\n '],
    ['empty bytes', new Uint8Array(0)],
    ['empty ArrayBuffer', new ArrayBuffer(0)],
    ['null', null],
    ['undefined', undefined],
  ] as const) {
    it(`${name} is code 3`, () => expect(decodeError(input).code).to.equal(3));
  }

  it('binary junk is code 3', () => {
    expect(
      decodeError(Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256)).code,
    ).to.equal(3);
  });

  it('a ZIP archive is code 4', () => {
    expect(decodeError(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0)).code).to.equal(4);
  });

  it('corrupt gzip is code 3', () => {
    const gz = gzipSync(encodeText(v2([meta(1), full(2)])));
    expect(decodeError(gz.subarray(0, gz.length - 20)).code).to.equal(3);
  });

  it('unexpected exceptions are wrapped into code 3', () => {
    const hostile = new Proxy([], {
      get() {
        throw new TypeError('boom');
      },
    });
    const error = decodeError(hostile);
    expect(error.code).to.equal(3);
    expect(error.message).to.contain('boom');
  });

  it('a recording with no full snapshot is code 3 and carries its report', () => {
    const error = decodeError(v2([meta(1), move(2)]));
    expect(error.code).to.equal(3);
    expect(error.message).to.match(
      /^The recording has no full snapshot, so there is nothing to show/,
    );
    expect(error.report?.format).to.equal('posthog-blob-v2');
  });
});

describe('containers', () => {
  const body = v2([meta(1), full(2), move(3)]);

  it('a UTF-8 BOM is stripped', () => {
    expect(decodeRecording('\ufeff' + body).events).to.have.length(3);
    expect(decodeRecording(encodeText('\ufeff' + body)).events).to.have.length(3);
  });

  it('a data= form body (sendBeacon) is base64-decoded, as text or bytes', () => {
    const batch = [
      {
        event: '$snapshot',
        properties: { $snapshot_data: [meta(1), full(2, 'né ✓')], $window_id: 'w' },
      },
    ];
    const utf8 = String.fromCharCode(...encodeText(JSON.stringify(batch)));
    const form = `data=${encodeURIComponent(btoa(utf8))}&compression=base64`;
    for (const input of [form, encodeText(form)]) {
      const decoded = decodeRecording(input);
      expect(decoded.report.containers).to.deep.equal(['form-data-base64']);
      expect(decoded.report.format).to.equal('posthog-capture-batch');
      expect(JSON.stringify(decoded.events[1].data)).to.contain('né ✓');
    }
  });

  it('length-prefixed snappy with one and with several blocks; a cut-short last block is skipped', () => {
    const lines = body.split('\n');
    const frame = (parts: string[]) => {
      const blocks = parts.map((p) => compress(encodeText(p)));
      const out = new Uint8Array(blocks.reduce((n, b) => n + 4 + b.length, 0));
      let at = 0;
      for (const b of blocks) {
        new DataView(out.buffer).setUint32(at, b.length);
        out.set(b, at + 4);
        at += 4 + b.length;
      }
      return out;
    };
    const one = decodeRecording(frame([body]));
    expect(one.report.containers).to.deep.equal(['snappy-length-prefixed']);
    expect(one.events).to.have.length(3);
    const many = decodeRecording(frame(lines));
    expect(many.events).to.have.length(3);
    const cut = frame([lines[0], lines[1], lines[2]]);
    const partial = decodeRecording(cut.subarray(0, cut.length - 5));
    expect(partial.events).to.have.length(2);
    expect(partial.report.warnings).to.include(
      'The last snappy block was cut short and was skipped.',
    );
  });

  it('a raw snappy stream (LTS) and gzip inside snappy', () => {
    const raw = decodeRecording(compress(encodeText(body)));
    expect(raw.report.containers).to.deep.equal(['snappy']);
    const nested = decodeRecording(compress(gzipSync(encodeText(body))));
    expect(nested.report.containers).to.deep.equal(['snappy', 'gzip']);
    expect(nested.events).to.have.length(3);
  });

  it('an ArrayBuffer and a Uint8Array view into a larger buffer both work', () => {
    const bytes = encodeText(`xx${body}yy`);
    expect(decodeRecording(bytes.subarray(2, bytes.length - 2)).events).to.have.length(3);
    expect(decodeRecording(encodeText(body).buffer).events).to.have.length(3);
  });

  it('JSONL with a broken line keeps the rest and says which line', () => {
    const decoded = decodeRecording(`${body}\n["w", {broken\n\n`);
    expect(decoded.events).to.have.length(3);
    expect(decoded.report.warnings).to.deep.equal([
      '1 line could not be parsed and was skipped (the first is line 4).',
    ]);
  });
});

describe('cv "2024-10" decoding', () => {
  const snapshot = full(2, 'héllo — 日本 \u0001\u001f "quoted"');
  const mutation = {
    type: 3,
    timestamp: 3,
    data: {
      source: 0,
      texts: [],
      attributes: [{ id: 2, attributes: { class: 'ä' } }],
      removes: [],
      adds: [],
    },
  };
  const sheet = {
    type: 3,
    timestamp: 4,
    data: { source: 8, id: 5, adds: [{ rule: 'a{}', index: 0 }], removes: [{ index: 1 }] },
  };
  const compressed = [
    { ...snapshot, cv: '2024-10', data: packed(snapshot.data) },
    {
      ...mutation,
      cv: '2024-10',
      data: {
        source: 0,
        texts: packed([]),
        attributes: packed(mutation.data.attributes),
        removes: packed([]),
        adds: packed([]),
      },
    },
    {
      ...sheet,
      cv: '2024-10',
      data: { ...sheet.data, adds: packed(sheet.data.adds), removes: packed(sheet.data.removes) },
    },
  ];

  it('FullSnapshot, Mutation (empty arrays too) and StyleSheetRule decode to the plain events', () => {
    const plain = decodeRecording(v2([meta(1), snapshot, mutation, sheet])).events;
    const decoded = decodeRecording(v2([meta(1), ...compressed])).events;
    expect(decoded).to.deep.equal(plain);
    expect(decoded.some((e) => 'cv' in e)).to.equal(false);
  });

  it('the same events decode from gzip-wrapped, snappy-wrapped JSONL (escapes survive)', () => {
    const text = v2([meta(1), ...compressed]);
    expect(decodeRecording(compress(encodeText(text))).events).to.deep.equal(
      decodeRecording(text).events,
    );
  });

  it('a FullSnapshot still holding an object is left alone; non-latin-1 strings are corrupt', () => {
    const decoded = decodeRecording(
      v2([meta(1), { ...snapshot, cv: '2024-10' }, { ...move(5), cv: '2024-10' }]),
    );
    expect(decoded.events).to.have.length(3);
    const broken = decodeRecording(
      v2([meta(1), snapshot, { ...mutation, cv: '2024-10', data: { source: 0, texts: 'ĀĀ' } }]),
    );
    expect(broken.report.droppedEventCount).to.equal(1);
  });
});

describe('normalisation', () => {
  it('same-millisecond events keep file order; sort is by timestamp', () => {
    const decoded = decodeRecording(
      v2([move(5, 1), meta(1), full(2), move(5, 2), move(4, 3), move(5, 3)]),
    );
    expect(
      decoded.events.map((e) => [
        e.timestamp,
        (e.data as { positions?: { x: number }[] }).positions?.[0].x,
      ]),
    ).to.deep.equal([
      [1, undefined],
      [2, undefined],
      [4, 3],
      [5, 1],
      [5, 2],
      [5, 3],
    ]);
  });

  it('an exact repeat inside one batch stays; the same repeat from another batch goes', () => {
    const inOneLine = jsonl([{ window_id: 'w', data: [meta(1), full(2), move(3), move(3)] }]);
    expect(decodeRecording(inOneLine).events).to.have.length(4);
    const acrossLines = jsonl([
      { window_id: 'w', data: [meta(1), full(2), move(3)] },
      { window_id: 'w', data: [move(3)] },
    ]);
    expect(decodeRecording(acrossLines).events).to.have.length(3);
  });

  it('a repeat differing only by delay goes; a change and change-back stays; mutation chunks stay', () => {
    expect(
      decodeRecording([meta(1), full(2), move(3), { ...move(3), delay: 40 }]).events,
    ).to.have.length(3);
    expect(
      decodeRecording([meta(1), full(2), move(3, 1), move(3, 2), move(3, 1)]).events,
    ).to.have.length(5);
    const chunk = {
      type: 3,
      timestamp: 3,
      isMutationChunk: true,
      data: { source: 0, texts: [], attributes: [], removes: [], adds: [] },
    };
    const lines = jsonl([
      { window_id: 'w', data: [meta(1), full(2), chunk] },
      { window_id: 'w', data: [chunk] },
    ]);
    expect(decodeRecording(lines).events).to.have.length(4);
  });

  it('in a same-millisecond run, only true repeats go, whatever else shares the millisecond', () => {
    const scroll = (t: number) => ({
      type: 3,
      data: { source: 3, id: 1, x: 0, y: 5 },
      timestamp: t,
    });
    // A plain rrweb array: one batch, no delay/seq, so exact repeats are the page's and stay.
    expect(decodeRecording([meta(1), full(2), move(3), scroll(3), move(3)]).events).to.have.length(
      5,
    );
    // The same run written twice by ingestion: the second copy of each event goes.
    const lines = jsonl([
      { window_id: 'w', data: [meta(1), full(2), move(3), scroll(3)] },
      { window_id: 'w', data: [scroll(3), move(3, 2), move(3)] },
    ]);
    const decoded = decodeRecording(lines);
    expect(
      decoded.events.map((e) => `${e.type}/${(e.data as { source?: number }).source}`),
    ).to.deep.equal(['4/undefined', '2/undefined', '3/1', '3/3', '3/1']);
    expect(decoded.report.warnings).to.deep.equal(['2 duplicate events were dropped.']);
  });

  it('a repeated block of same-millisecond events collapses to one copy', () => {
    const block = [move(3, 1), move(3, 2)];
    const lines = jsonl([
      { window_id: 'w', data: [meta(1), full(2), ...block] },
      { window_id: 'w', data: block },
    ]);
    expect(decodeRecording(lines).events).to.have.length(4);
  });

  it('a FullSnapshot without any Meta gets a default 1280×720 one', () => {
    const decoded = decodeRecording([full(2), move(3)]);
    expect(decoded.events[0]).to.deep.equal({
      type: 4,
      timestamp: 2,
      data: { width: 1280, height: 720, href: '' },
      windowId: '',
    });
    expect(decoded.report.warnings.join(' ')).to.contain('default 1280×720');
  });

  it('events without timestamp take the previous event’s', () => {
    const { timestamp: _, ...noTime } = move(0, 9);
    const decoded = decodeRecording([meta(1), full(2), noTime, move(7)]);
    expect(decoded.events.map((e) => e.timestamp)).to.deep.equal([1, 2, 2, 7]);
    expect(decoded.report.warnings.join(' ')).to.contain('1 event had no timestamp');
  });

  it('window ids: numbers are stringified, window_id and windowId both read, windows in time order', () => {
    const decoded = decodeRecording(
      jsonl([
        [7, meta(10)],
        [7, full(11)],
        { windowId: 'b', data: [meta(1), full(2)] },
        { window_id: 'c', data: [move(5)] },
      ]),
    );
    expect(decoded.report.format).to.equal('posthog-mixed-lines');
    expect(
      decoded.report.windows.map((w) => [w.id, w.index, w.eventCount, w.hasFullSnapshot]),
    ).to.deep.equal([
      ['b', 1, 2, true],
      ['c', 2, 1, false],
      ['7', 3, 2, true],
    ]);
    expect(decoded.events.every((e) => typeof e.windowId === 'string')).to.equal(true);
  });

  it('report timestamps and counts come from the kept events', () => {
    const decoded = decodeRecording([meta(100), full(101), move(250), 'junk']);
    expect(decoded.report).to.include({
      startTimestamp: 100,
      endTimestamp: 250,
      eventCount: 3,
      droppedEventCount: 1,
    });
  });

  it('progress goes through the stages in order, ends at 1, and a throwing listener is harmless', () => {
    const seen: DecodeProgress[] = [];
    decodeRecording(gzipSync(encodeText(v2([meta(1), full(2)]))), {
      onProgress: (p) => seen.push(p),
    });
    const stages = seen.map((p) => p.stage);
    expect(stages[0]).to.equal('inflate');
    expect(stages).to.include.members(['parse', 'decode', 'normalise']);
    const fractions = seen.map((p) => p.fraction ?? 0);
    expect(fractions).to.deep.equal([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).to.equal(1);
    expect(() =>
      decodeRecording([meta(1), full(2)], {
        onProgress: () => {
          throw new Error('listener');
        },
      }),
    ).not.to.throw();
  });
});
