import { expect } from '@open-wc/testing';
import { gzipSync } from 'fflate';
import { emptyPlayer, fixtureBytes, FIXTURES, whenReady } from './helpers.js';

/** What a server would send for a fixture: the bytes, or the body a `*_body.json` wraps. */
async function served(path: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(await fixtureBytes(`${FIXTURES}/${path}`));
  if (!path.endsWith('_body.json')) return bytes;
  const { body_base64 } = JSON.parse(new TextDecoder().decode(bytes)) as { body_base64: string };
  return Uint8Array.from(atob(body_base64), (c) => c.charCodeAt(0));
}

const TWO_WINDOWS = [
  'formats/blob_v2_decompressed_body.jsonl',
  'formats/blob_v2_decompressed_body_cv2024-10.jsonl',
  'formats/blob_v2_length_prefixed_snappy_body.json',
  'formats/blob_v2_lts_raw_snappy_body.json',
  'formats/realtime_og_response.json',
  'formats/legacy_snapshot_data_by_window_id_response.json',
  'formats/export-v2022-12-02.ph-recording.json',
  'formats/export-v2023-04-28-string-windowid.ph-recording.json',
  'formats/export-v2023-04-28-numeric-windowid.ph-recording.json',
  'formats/export-rrweb-recording.json',
];
const DEMO = [
  'posthog-js/posthog-demo.export.json',
  'posthog-js/posthog-demo.posthog-capture.json.gz',
  'posthog-js/posthog-demo.posthog-v2.jsonl.gz',
  'posthog-js/posthog-demo.posthog.jsonl.gz',
  'posthog-js/posthog-demo.rrweb.json.gz',
];

describe('every format plays in the element, from src, gzipped or not', () => {
  for (const [files, events, windows] of [
    [TWO_WINDOWS, 49, 2],
    [DEMO, 1331, 1],
  ] as const) {
    for (const file of files) {
      for (const gzip of [false, true]) {
        it(`${file}${gzip ? ' (gzipped)' : ''}: ${events} events, ${windows} window(s)`, async () => {
          const body = await served(file);
          const url = URL.createObjectURL(new Blob([(gzip ? gzipSync(body) : body) as BlobPart]));
          const player = await emptyPlayer('width: 400px; height: 260px');
          player.src = url;
          await whenReady(player);
          expect(player.report?.eventCount).to.equal(events);
          expect(player.report?.windows).to.have.length(windows);
          expect(player.duration).to.be.greaterThan(10);
          URL.revokeObjectURL(url);
        });
      }
    }
  }
});
