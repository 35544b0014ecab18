/** Text → JSON: one JSON value first, then JSON lines (§7.5, §7.6). */
import { DecodeError } from './types.js';
import { messageOf } from './containers/index.js';

export interface Parsed {
  /** The JSON value, or for JSONL the array of parsed lines. */
  value: unknown;
  jsonl: boolean;
  badLines: number;
  firstBadLine: number;
}

export function parseText(text: string): Parsed {
  // Not `text.trim()`: that copies a whole recording that ends in a newline, tens of MB.
  if (!/\S/.test(text)) throw new DecodeError(3, 'The recording is empty.');
  let wholeError: unknown;
  try {
    return { value: JSON.parse(text), jsonl: false, badLines: 0, firstBadLine: 0 };
  } catch (error) {
    wholeError = error;
  }
  const lines: unknown[] = [];
  let badLines = 0;
  let firstBadLine = 0;
  let firstLineError: unknown;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i].trim();
    if (line === '') continue;
    try {
      lines.push(JSON.parse(line));
    } catch (error) {
      if (badLines++ === 0) {
        firstBadLine = i + 1;
        firstLineError = error;
      }
    }
  }
  // Pretty-printed JSON cut short parses line by line into scraps; that is broken JSON, not JSONL.
  const containers = lines.filter((v) => typeof v === 'object' && v !== null).length;
  if (lines.length === 0 || containers === 0 || badLines > containers) {
    const where =
      badLines > 1 && lines.length === 0
        ? ` (line ${firstBadLine}: ${messageOf(firstLineError)})`
        : '';
    throw new DecodeError(
      3,
      `This file is not valid JSON or JSON lines: ${messageOf(wholeError)}${where}.`,
    );
  }
  return { value: lines, jsonl: true, badLines, firstBadLine };
}
