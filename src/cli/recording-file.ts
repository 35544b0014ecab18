/**
 * Recording files on disk: reading any format the element plays (decoded with the element's own
 * decoder, so "the CLI reads it" means "the player plays it"), and writing portable bundles.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { unwrapBytes } from '../formats/containers/index.js';
import { decodeRecording, DecodeError, type DecodedRecording } from '../formats/index.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleMetadata,
  bundleWindows,
  type PortableBundle,
} from '../formats/shapes/portable-bundle.js';

declare const __PACKAGE_VERSION__: string;
export const VERSION = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : 'dev';

export interface RecordingFile {
  decoded: DecodedRecording;
  /** PostHog metadata the file carried (bundles; exports carry only id and person). */
  metadata?: Record<string, unknown>;
}

export async function readRecordingFile(path: string): Promise<RecordingFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as Error).message}.`);
  }
  try {
    const value = parseWhole(bytes);
    const decoded = decodeRecording(value ?? bytes);
    return { decoded, metadata: metadataOf(value) };
  } catch (error) {
    if (error instanceof DecodeError) throw new Error(`Cannot play ${path}: ${error.message}`);
    throw error;
  }
}

/** The file as one JSON value, when it is one (JSONL and binary bodies go to the decoder as is). */
function parseWhole(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(unwrapBytes(bytes).text) as unknown;
  } catch {
    return undefined;
  }
}

function metadataOf(value: unknown): Record<string, unknown> | undefined {
  const fromBundle = bundleMetadata(value);
  if (fromBundle) return fromBundle;
  // PostHog's own exports carry the session id and the person (§5).
  const data = (value as { data?: { id?: unknown; person?: unknown } } | undefined)?.data;
  if (data && typeof data === 'object' && 'person' in data) {
    return { ...(typeof data.id === 'string' ? { id: data.id } : {}), person: data.person };
  }
  return undefined;
}

/** Person data PostHog attaches to a recording; the recorded screens themselves are kept. */
export function stripPerson(metadata: Record<string, unknown>): Record<string, unknown> {
  const { person: _person, distinct_id: _distinctId, viewers: _viewers, ...rest } = metadata;
  return rest;
}

export function makeBundle(
  decoded: DecodedRecording,
  metadata: Record<string, unknown> | undefined,
  source: PortableBundle['source'],
  options: { stripPerson: boolean },
): PortableBundle {
  const meta = metadata && (options.stripPerson ? stripPerson(metadata) : metadata);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: new Date().toISOString(),
    generator: `posthog-replay ${VERSION}`,
    ...(source ? { source } : {}),
    ...(meta ? { metadata: meta } : {}),
    windows: bundleWindows(decoded.events),
  };
}

export function gzipBundle(bundle: PortableBundle): Buffer {
  return gzipSync(JSON.stringify(bundle), { level: 9 });
}

/** Writes next to the target and renames, so an interrupted run never leaves a file that looks done. */
export async function writeAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, path);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
