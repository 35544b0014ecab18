/** Our portable bundle (docs/portable.md): detection, versioning, and a lossless round trip. */
import { expect } from '@open-wc/testing';
import { DecodeError, decodeRecording, recordingFormats } from '../../src/formats/index.js';
import {
  bundleMetadata,
  bundleWindows,
  portableBundle,
} from '../../src/formats/shapes/portable-bundle.js';
import { comparable, fixtureBytes } from './helpers.js';

const meta = { type: 4, data: { href: 'https://example.com/', width: 800, height: 600 } };
const full = {
  type: 2,
  data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { top: 0, left: 0 } },
};
const bundle = (extra: object = {}) => ({
  format: 'posthog-replay-bundle',
  version: 1,
  metadata: { id: 's1', start_url: 'https://example.com/', person: null },
  windows: [
    {
      id: 'w1',
      events: [
        { ...meta, timestamp: 1000 },
        { ...full, timestamp: 1001 },
      ],
    },
    {
      id: 'w2',
      events: [
        { ...meta, timestamp: 2000 },
        { ...full, timestamp: 2001 },
      ],
    },
  ],
  ...extra,
});

function decodeError(value: unknown): DecodeError {
  try {
    decodeRecording(value);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('expected a DecodeError');
}

describe('posthog-replay bundle format', () => {
  it('is registered, and no other format claims a bundle', () => {
    expect(recordingFormats).to.include(portableBundle);
    const others = recordingFormats.filter((f) => f !== portableBundle);
    expect(others.filter((f) => f.matches(bundle())).map((f) => f.id)).to.deep.equal([]);
  });

  it('decodes every window, from parsed JSON or from JSON text', () => {
    for (const input of [bundle(), JSON.stringify(bundle())]) {
      const { events, report } = decodeRecording(input);
      expect(report.format).to.equal('posthog-replay-bundle');
      expect(report.formatLabel).to.equal('posthog-replay bundle');
      expect(report.windows.map((w) => [w.id, w.eventCount])).to.deep.equal([
        ['w1', 2],
        ['w2', 2],
      ]);
      expect(events.map((e) => e.windowId)).to.deep.equal(['w1', 'w1', 'w2', 'w2']);
    }
  });

  it('does not claim other shapes', () => {
    expect(portableBundle.matches({ version: 1, windows: [] })).to.equal(false);
    expect(portableBundle.matches({ format: 'posthog-replay-bundle' })).to.equal(false);
    expect(portableBundle.matches([bundle()])).to.equal(false);
  });

  it('a newer version asks for a newer player (code 4); a damaged window is code 3', () => {
    const newer = decodeError(bundle({ version: 2 }));
    expect(newer.code).to.equal(4);
    expect(newer.message).to.contain('version 2; this player reads version 1');
    const damaged = decodeError(bundle({ windows: [{ id: 'w1', events: 'nope' }] }));
    expect(damaged.code).to.equal(3);
    expect(damaged.message).to.contain('Window 1 of this posthog-replay bundle has no events');
  });

  it('exposes its metadata, and only a bundle has some', () => {
    expect(bundleMetadata(bundle())).to.deep.equal(bundle().metadata);
    expect(bundleMetadata({ version: '2023-04-28', data: { snapshots: [] } })).to.equal(undefined);
  });

  it('round-trips the 49-event fixture losslessly', async () => {
    const original = decodeRecording(await fixtureBytes('posthog-api/recording_snapshots.jsonl'));
    const rebuilt = decodeRecording({
      format: 'posthog-replay-bundle',
      version: 1,
      windows: bundleWindows(original.events),
    });
    expect(rebuilt.report.eventCount).to.equal(49);
    expect(rebuilt.report.warnings).to.deep.equal([]);
    expect(comparable(rebuilt)).to.deep.equal(comparable(original));
    expect(rebuilt.report.windows.map((w) => w.id)).to.deep.equal(
      original.report.windows.map((w) => w.id),
    );
  });
});
