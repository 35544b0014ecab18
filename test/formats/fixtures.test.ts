/** Every fixture decodes as its MANIFEST row says (test/fixtures/MANIFEST.md). */
import { expect } from '@open-wc/testing';
import { gzipSync } from 'fflate';
import { decodeRecording, type DecodedRecording } from '../../src/formats/index.js';
import { comparable, decodeError, fixtureBytes } from './helpers.js';

const FORMAT_FIXTURES: [file: string, format: string, containers: string[]][] = [
  ['blob_v2_decompressed_body.jsonl', 'posthog-blob-v2', []],
  ['blob_v2_decompressed_body_cv2024-10.jsonl', 'posthog-blob-v2', []],
  ['blob_v2_length_prefixed_snappy_body.json', 'posthog-blob-v2', ['snappy-length-prefixed']],
  ['blob_v2_lts_raw_snappy_body.json', 'posthog-blob-v2', ['snappy']],
  ['export-rrweb-recording.json', 'rrweb-windowed-events', []],
  ['export-v2022-12-02.ph-recording.json', 'posthog-export-v1', []],
  ['export-v2023-04-28-numeric-windowid.ph-recording.json', 'posthog-export-v2', []],
  ['export-v2023-04-28-string-windowid.ph-recording.json', 'posthog-export-v2', []],
  ['legacy_snapshot_data_by_window_id_response.json', 'posthog-legacy-api', []],
  ['realtime_og_response.json', 'posthog-realtime', []],
];

const DEMO_FIXTURES: [file: string, format: string][] = [
  ['posthog-demo.export.json', 'posthog-export-v2'],
  ['posthog-demo.posthog-capture.json.gz', 'posthog-capture-batch'],
  ['posthog-demo.posthog-v2.jsonl.gz', 'posthog-blob-v2'],
  ['posthog-demo.posthog.jsonl.gz', 'posthog-blob-v1'],
  ['posthog-demo.rrweb.json.gz', 'rrweb-events'],
];

async function decodeFixture(path: string): Promise<DecodedRecording> {
  return decodeRecording(await fixtureBytes(path));
}

describe('formats/: the 49 events of recording_snapshots.jsonl in every encoding', () => {
  let canonical: DecodedRecording;
  before(async () => {
    canonical = await decodeFixture('posthog-api/recording_snapshots.jsonl');
  });

  it('the reference decodes to 49 events in two windows over 11.868 s', () => {
    expect(canonical.report.format).to.equal('posthog-blob-v1');
    expect(canonical.events).to.have.length(49);
    expect(canonical.report.windows.map((w) => w.eventCount)).to.deep.equal([29, 20]);
    expect(canonical.report.endTimestamp - canonical.report.startTimestamp).to.equal(11868);
    expect(canonical.report.warnings).to.deep.equal([]);
  });

  for (const [file, format, containers] of FORMAT_FIXTURES) {
    it(`${file} → ${format}, same events`, async () => {
      const decoded = await decodeFixture(`formats/${file}`);
      expect(decoded.report.format).to.equal(format);
      expect(decoded.report.containers).to.deep.equal(containers);
      expect(decoded.report.warnings).to.deep.equal([]);
      expect(decoded.report.windows.every((w) => w.hasFullSnapshot)).to.equal(true);
      expect(comparable(decoded)).to.deep.equal(comparable(canonical));
      for (const event of decoded.events) expect(event.windowId).to.be.a('string');
    });

    it(`${file} wrapped in gzip (twice) decodes the same`, async () => {
      const gz = gzipSync(gzipSync(await fixtureBytes(`formats/${file}`)));
      const decoded = decodeRecording(gz);
      expect(decoded.report.containers).to.deep.equal(['gzip', 'gzip', ...containers]);
      expect(comparable(decoded)).to.deep.equal(comparable(canonical));
    });
  }

  it('the numeric-window export keeps its ids as strings "1" and "2"', async () => {
    const decoded = await decodeFixture(
      'formats/export-v2023-04-28-numeric-windowid.ph-recording.json',
    );
    expect(decoded.report.windows.map((w) => w.id)).to.deep.equal(['1', '2']);
  });
});

describe('posthog-js/: one real recording in five shapes', () => {
  let reference: string[];
  before(async () => {
    reference = comparable(await decodeFixture('posthog-js/posthog-demo.rrweb.json.gz'));
  });

  for (const [file, format] of DEMO_FIXTURES) {
    it(`${file} → ${format}: 1331 events, one window, 182.8 s`, async () => {
      const bytes = await fixtureBytes(`posthog-js/${file}`);
      const started = performance.now();
      const decoded = decodeRecording(bytes);
      const ms = performance.now() - started;
      console.log(`decode ${file} (${(bytes.length / 1024).toFixed(0)} KB): ${ms.toFixed(1)} ms`);
      expect(decoded.report.format).to.equal(format);
      expect(decoded.events).to.have.length(1331);
      expect(decoded.report.windows).to.have.length(1);
      expect(decoded.report.windows[0].hasFullSnapshot).to.equal(true);
      expect(
        Math.round((decoded.report.endTimestamp - decoded.report.startTimestamp) / 100),
      ).to.equal(1828);
      expect(decoded.report.warnings).to.deep.equal([]);
      expect(decoded.events.some((e) => 'cv' in e)).to.equal(false);
      expect(comparable(decoded)).to.deep.equal(reference);
    });
  }

  it('decode time of the largest fixtures, warm (median of 5)', async () => {
    for (const file of ['posthog-demo.export.json', 'posthog-demo.posthog-capture.json.gz']) {
      const bytes = await fixtureBytes(`posthog-js/${file}`);
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        decodeRecording(bytes);
        times.push(performance.now() - started);
      }
      const median = times.sort((a, b) => a - b)[2];
      console.log(`decode ${file}, warm median: ${median.toFixed(1)} ms`);
      expect(median).to.be.lessThan(1000);
    }
  });

  it('an already-parsed value decodes the same and is left untouched', async () => {
    const text = new TextDecoder().decode(
      await fixtureBytes('posthog-js/posthog-demo.export.json'),
    );
    const value: unknown = JSON.parse(text);
    const decoded = decodeRecording(value);
    expect(comparable(decoded)).to.deep.equal(reference);
    expect(JSON.stringify(value)).to.equal(JSON.stringify(JSON.parse(text)));
  });

  it('text input decodes the same', async () => {
    const text = new TextDecoder().decode(
      await fixtureBytes('posthog-js/posthog-demo.export.json'),
    );
    expect(comparable(decodeRecording(text))).to.deep.equal(reference);
  });
});

describe('edge/: hostile-but-real cases', () => {
  let canonical: string[];
  before(async () => {
    canonical = comparable(await decodeFixture('posthog-api/recording_snapshots.jsonl'));
  });

  it('unsorted v1 lines with a repeated window and a delay-only duplicate sort and de-dupe to the 49', async () => {
    const decoded = await decodeFixture('edge/edge_blob_v1_unsorted_duplicates.jsonl');
    expect(comparable(decoded)).to.deep.equal(canonical);
    expect(decoded.report.droppedEventCount).to.equal(30);
    expect(decoded.report.warnings).to.deep.equal(['30 duplicate events were dropped.']);
  });

  it('a window without Meta gets one patched in; a window without FullSnapshot is flagged', async () => {
    const decoded = await decodeFixture('edge/edge_blob_v2_missing_meta_and_full_snapshot.jsonl');
    const [first, second] = decoded.report.windows;
    expect(first.hasFullSnapshot).to.equal(true);
    expect(second.hasFullSnapshot).to.equal(false);
    const firstEvents = decoded.events.filter((e) => e.windowId === first.id);
    expect(firstEvents[0].type).to.equal(4);
    expect(firstEvents[1].type).to.equal(2);
    expect(firstEvents[0].timestamp).to.equal(firstEvents[1].timestamp);
    expect(decoded.report.warnings.join(' ')).to.match(/had no Meta event/);
    expect(decoded.report.warnings.join(' ')).to.match(/Window 2 of 2 .* has no full snapshot/);
  });

  it('broken and unknown cv events are dropped, the rest plays', async () => {
    const decoded = await decodeFixture('edge/edge_cv_broken_and_unknown_version.jsonl');
    expect(decoded.events.map((e) => e.type)).to.deep.equal([4, 2]);
    const snapshot = decoded.events[1] as unknown as { data: { node: { type: number } } };
    expect(snapshot.data.node.type).to.equal(0);
    expect(decoded.report.droppedEventCount).to.equal(3);
    expect(decoded.report.warnings.join(' ')).to.contain('"2099-01"');
    expect(decoded.report.warnings.join(' ')).to.contain(
      '2 compressed events could not be decompressed',
    );
  });

  it('plugin and custom events pass through untouched', async () => {
    const bytes = await fixtureBytes('edge/synthetic_plugins_and_custom_events_blob_v2.jsonl');
    const decoded = decodeRecording(bytes);
    const lines = new TextDecoder()
      .decode(bytes)
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as [string, { type: number }])[1]);
    const passthrough = lines.filter((e) => e.type === 5 || e.type === 6);
    const out = decoded.events
      .filter((e) => e.type === 5 || e.type === 6)
      .map(({ windowId, ...e }) => e);
    expect(out).to.have.length(passthrough.length);
    expect(out).to.have.deep.members(passthrough);
    expect(decoded.report.warnings).to.deep.equal([]);
  });
});

describe('rrweb/ fixtures', () => {
  it('annotations-recording.json: 41 events, one unnamed window', async () => {
    const decoded = await decodeFixture('rrweb/annotations-recording.json');
    expect(decoded.report.format).to.equal('rrweb-events');
    expect(decoded.events).to.have.length(41);
    expect(decoded.report.windows.map((w) => w.id)).to.deep.equal(['']);
    expect(decoded.report.endTimestamp - decoded.report.startTimestamp).to.equal(16000);
  });

  it('Meta + FullSnapshot without timestamps still make a playable 2-event recording', async () => {
    const decoded = await decodeFixture(
      'rrweb/browser_client_integration_tests.can_record_events.json',
    );
    expect(decoded.events.map((e) => [e.type, typeof e.timestamp])).to.deep.equal([
      [4, 'number'],
      [2, 'number'],
    ]);
    expect(decoded.report.warnings.join(' ')).to.match(/timestamp/);
  });

  it('a lone mutation without full snapshot is refused with code 3', async () => {
    const error = decodeError(
      await fixtureBytes('rrweb/mutation.blocked_middlechild_element.json'),
    );
    expect(error.code).to.equal(3);
    expect(error.message).to.match(
      /^The recording has no full snapshot, so there is nothing to show/,
    );
  });
});

describe('mobile/ fixtures are refused with the mobile message', () => {
  for (const file of [
    'increment-with-child-duplication.json',
    'synthetic_mobile_wireframe_blob_v2.jsonl',
  ]) {
    it(file, async () => {
      const error = decodeError(await fixtureBytes(`mobile/${file}`));
      expect(error.code).to.equal(4);
      expect(error.message).to.equal(
        'This is a PostHog mobile recording; mobile recordings are not supported yet.',
      );
      expect(error.report?.mobile).to.equal(true);
    });
  }
});
