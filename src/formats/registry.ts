/**
 * Every accepted recording shape, most specific first: the first format whose `matches` accepts
 * the value reads it. Adding a format is one module in ./shapes plus one line here.
 */
import type { RecordingFormat } from './types.js';
import { exportV2 } from './shapes/export-v2.js';
import { portableBundle } from './shapes/portable-bundle.js';
import { exportV1 } from './shapes/export-v1.js';
import { realtime } from './shapes/realtime.js';
import { legacyApi } from './shapes/legacy-api.js';
import { captureBatch } from './shapes/capture-batch.js';
import { blobV2Lines } from './shapes/blob-v2-lines.js';
import { blobV1Lines } from './shapes/blob-v1-lines.js';
import { mixedLines } from './shapes/mixed-lines.js';
import { rrwebWindowed } from './shapes/rrweb-windowed.js';
import { rrwebEvents } from './shapes/rrweb-events.js';
import { rrwebEvent } from './shapes/rrweb-event.js';

export const recordingFormats: readonly RecordingFormat[] = Object.freeze([
  portableBundle,
  exportV2,
  exportV1,
  realtime,
  legacyApi,
  captureBatch,
  blobV2Lines,
  blobV1Lines,
  mixedLines,
  rrwebWindowed,
  rrwebEvents,
  rrwebEvent,
]);
