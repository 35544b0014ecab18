/** Each format module accepts its own shapes and rejects every other format's. */
import { expect } from '@open-wc/testing';
import { decodeRecording, recordingFormats } from '../../src/formats/index.js';

const meta = {
  type: 4,
  data: { href: 'https://example.com/', width: 800, height: 600 },
  timestamp: 1000,
};
const full = {
  type: 2,
  data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { top: 0, left: 0 } },
  timestamp: 1001,
};
const w = (event: object, windowId: string | number) => ({ ...event, windowId });

/** A few samples of every registered format, keyed by format id. */
const SAMPLES: Record<string, unknown[]> = {
  'posthog-replay-bundle': [
    { format: 'posthog-replay-bundle', version: 1, windows: [{ id: 'a', events: [meta, full] }] },
  ],
  'posthog-export-v2': [
    {
      version: '2023-04-28',
      data: { id: 's', person: null, snapshots: [w(meta, 'a'), w(full, 'a')] },
    },
    { version: '2023-04-28', data: { id: 's', snapshots: [w(meta, 1), w(full, 1)] } },
  ],
  'posthog-export-v1': [
    { version: '2022-12-02', data: { person: null, snapshotsByWindowId: { a: [meta, full] } } },
  ],
  'posthog-realtime': [{ snapshots: [{ window_id: 'a', data: [meta, full] }] }],
  'posthog-legacy-api': [{ next: null, snapshot_data_by_window_id: { a: [meta, full] } }],
  'posthog-capture-batch': [
    [{ event: '$snapshot', properties: { $snapshot_data: [meta, full], $window_id: 'a' } }],
    [
      { event: '$snapshot', properties: { $snapshot_data: meta, $window_id: 'a' } },
      { event: '$pageview', properties: {} },
      { event: '$snapshot', properties: { $snapshot_data: full, $window_id: 'a' } },
    ],
    { event: '$snapshot', properties: { $snapshot_data: [meta, full], $window_id: 'a' } },
    // A row of an events export, with JSON-string properties.
    [
      {
        event: '$snapshot',
        properties: JSON.stringify({
          $snapshot_data: JSON.stringify([meta, full]),
          $window_id: 'a',
        }),
      },
    ],
  ],
  'posthog-blob-v2': [
    ['a', full],
    [
      ['a', meta],
      ['a', full],
    ],
    [
      [1, meta],
      [1, full],
    ],
  ],
  'posthog-blob-v1': [
    { window_id: 'a', data: [meta, full] },
    [{ window_id: 'a', data: [meta, full] }],
    [
      { windowId: 'a', data: [meta] },
      { windowId: 'a', data: [full] },
    ],
  ],
  'posthog-mixed-lines': [
    [{ window_id: 'a', data: [meta] }, ['a', full]],
    [['a', meta], w(full, 'a')],
  ],
  'rrweb-windowed-events': [
    [w(meta, 'a'), w(full, 'a')],
    [w(meta, 2), w(full, 2)],
  ],
  'rrweb-events': [
    [meta, full],
    [{ type: 4, data: {} }, full, { note: 'not an event' }, 'junk'],
  ],
  'rrweb-event': [full],
};

describe('format registry', () => {
  it('has a sample set for every format, and unique ids and labels', () => {
    const ids = recordingFormats.map((f) => f.id);
    expect(Object.keys(SAMPLES).sort()).to.deep.equal([...ids].sort());
    expect(new Set(ids).size).to.equal(ids.length);
    expect(new Set(recordingFormats.map((f) => f.label)).size).to.equal(ids.length);
  });

  for (const format of recordingFormats) {
    describe(format.id, () => {
      it('accepts its own samples', () => {
        for (const sample of SAMPLES[format.id])
          expect(format.matches(sample), JSON.stringify(sample)).to.equal(true);
      });

      it("rejects every other format's samples", () => {
        for (const [id, samples] of Object.entries(SAMPLES)) {
          if (id === format.id) continue;
          for (const sample of samples) {
            expect(format.matches(sample), `${id}: ${JSON.stringify(sample)}`).to.equal(false);
          }
        }
      });

      it('rejects non-recordings', () => {
        for (const junk of [
          null,
          1,
          'text',
          [],
          {},
          [1, 2, 3],
          { hello: 1 },
          [[1, 2]],
          [null],
          { version: 'x' },
        ]) {
          expect(format.matches(junk), JSON.stringify(junk)).to.equal(false);
        }
      });

      it('its samples decode to a playable recording reported as this format', () => {
        for (const sample of SAMPLES[format.id]) {
          const decoded = decodeRecording(sample);
          expect(decoded.report.format).to.equal(format.id);
          expect(decoded.report.formatLabel).to.equal(format.label);
          expect(decoded.events.map((e) => e.type)).to.deep.equal([4, 2]);
        }
      });
    });
  }

  it('a `result` wrapper is peeled and reported as a container', () => {
    const decoded = decodeRecording({ result: SAMPLES['posthog-legacy-api'][0] });
    expect(decoded.report.format).to.equal('posthog-legacy-api');
    expect(decoded.report.containers).to.deep.equal(['result']);
  });
});
