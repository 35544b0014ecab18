/**
 * Decodes a recording while its bytes are still arriving (worker side): gzip is inflated as it
 * streams (`DecompressionStream`, or fflate's streaming inflater where there is none), the text
 * is split into events as they complete (`JsonStreamSplitter`), and the events that are final
 * are handed on, so the player can show the first page long before the file has ended.
 *
 * "Final" is decided by decoding everything read so far with the same pipeline as a whole file
 * (detect, decompress `cv`, sort, de-duplicate, patch Meta), caching each event's decoded copy so
 * no event is decoded twice. Events are handed on only in time order; when the data itself is
 * out of order, the last few seconds are held back in case an earlier event still comes. At the
 * end the whole value is decoded once more (from the cache), and if that disagrees with what was
 * already handed on (an event that came very late, a duplicate across lines), `onReset` says so
 * and everything is sent again: correct first, fast where the data allows.
 *
 * Inputs the splitter cannot stream (snappy, base64 form bodies, broken JSON) are decoded whole
 * at the end by `decodeRecordingAsync`, with exactly its results and error messages.
 */
import { Gunzip } from 'fflate';
import { isGzip } from '../formats/containers/gzip.js';
import { decodeRecordingAsync, decodeValue, Notes, plural } from '../formats/index.js';
import type { PrepareCache } from '../formats/events.js';
import { JsonStreamSplitter } from '../formats/json-stream.js';
import type { DecodedRecording, DecodeReport, RecordingEvent } from '../formats/types.js';
import { concatBytes } from '../utils/bytes.js';

export interface StreamDecodeCallbacks {
  /** The next final events in time order, with the report of everything read so far. */
  onEvents(events: RecordingEvent[], report: DecodeReport, done: boolean): void;
  /** The events handed on so far were not final after all; they all come again. */
  onReset(): void;
}

/** Out-of-order data: events this close to the newest are held back (ms). */
const HOLD_BACK_MS = 5_000;
/** After the first events, decode what was read again every this many characters. */
const PASS_EVERY_CHARS = 1_000_000;

export class StreamDecoder {
  /** Every byte received, kept only for the whole-file fallback (compressed, usually small). */
  private received: Uint8Array[] = [];
  private mode: 'undecided' | 'stream' | 'whole' = 'undecided';
  private gzip = false;
  private inflater?: {
    write(bytes: Uint8Array): Promise<void>;
    close(): Promise<void>;
  };
  private readonly text = new TextDecoder('utf-8', { fatal: true });
  private readonly splitter = new JsonStreamSplitter();
  private readonly cache: PrepareCache = new WeakMap();
  /** The events handed on so far (their order is final unless a reset says otherwise). */
  private sent: RecordingEvent[] = [];
  private diverged = false;
  private charsSincePass = 0;
  /** Some non-blank text was read. */
  private readAny = false;
  /** Decode what was read again every this many characters, once events are flowing. */
  private readonly passEveryChars: number;
  private itemsAtLastPass = 0;
  /** How far outOfOrder() has looked, and what it found. */
  private order = { lines: false, checked: 0, last: -Infinity, disordered: false };

  /** `passEveryChars` is for tests (default ~1 M characters). */
  constructor(
    private readonly callbacks: StreamDecodeCallbacks,
    { passEveryChars = PASS_EVERY_CHARS }: { passEveryChars?: number } = {},
  ) {
    this.passEveryChars = passEveryChars;
  }

  /** The next bytes of the recording. */
  async push(bytes: Uint8Array): Promise<void> {
    if (bytes.byteLength === 0) return;
    this.received.push(bytes);
    if (this.mode === 'undecided') this.decide(bytes);
    if (this.mode !== 'stream') return;
    if (!this.inflater) return this.readText(bytes, false);
    try {
      await this.inflater.write(bytes);
    } catch {
      // Not gzip after all, or corrupt: the whole-file path says which.
      this.mode = 'whole';
    }
  }

  /** The recording has ended: decodes what remains and hands on the rest (the last with done). */
  async end(): Promise<void> {
    if (this.mode === 'stream') {
      try {
        if (this.inflater) await this.inflater.close();
        else this.readText(new Uint8Array(0), true);
      } catch {
        this.mode = 'whole';
      }
    }
    const recording = this.mode === 'stream' ? this.finishStream() : undefined;
    const final = recording ?? (await this.decodeWhole());
    this.received = [];
    this.deliverFinal(final);
  }

  /** Streams only what the splitter reads: gzip or plain JSON text. */
  private decide(first: Uint8Array): void {
    if (first.byteLength < 2 && this.received.length === 1) return;
    const head = concatBytes(this.received).subarray(0, 2);
    this.gzip = isGzip(head);
    if (!this.gzip && !looksLikeJsonStart(head[0])) {
      this.mode = 'whole';
      return;
    }
    this.mode = 'stream';
    if (this.gzip) this.inflater = createInflater((bytes, last) => this.readText(bytes, last));
    // Bytes that came before the decision go in now (push() feeds the current chunk itself).
    const before = this.received.slice(0, -1);
    if (before.length > 0) {
      const bytes = concatBytes(before);
      if (this.inflater) this.inflater.write(bytes).catch(() => (this.mode = 'whole'));
      else this.readText(bytes, false);
    }
  }

  private readText(bytes: Uint8Array, last: boolean): void {
    if (this.mode !== 'stream') return;
    let text: string;
    try {
      text = this.text.decode(bytes, { stream: !last });
    } catch {
      // Not UTF-8: the whole-file path decodes it leniently and says so.
      this.mode = 'whole';
      return;
    }
    if (!/\S/.test(text) && !this.readAny) return;
    if (!this.readAny) {
      this.readAny = true;
      // Text that is not JSON (a `data=` form body, say) is for the whole-file path.
      if (!startsLikeJson(text)) {
        this.mode = 'whole';
        return;
      }
    }
    this.splitter.push(text);
    if (this.splitter.broken) {
      this.mode = 'whole';
      return;
    }
    this.charsSincePass += text.length;
    const items = this.splitter.items.length;
    const due = this.sent.length === 0 || this.charsSincePass >= this.passEveryChars;
    if (!last && !this.diverged && due && items > this.itemsAtLastPass) this.pass();
  }

  /** Decodes everything read so far and hands on the events that are now final. */
  private pass(): void {
    this.charsSincePass = 0;
    this.itemsAtLastPass = this.splitter.items.length;
    let partial: DecodedRecording | undefined;
    try {
      partial = decodeValue(this.currentValue(), {
        containers: this.gzip ? ['gzip'] : [],
        notes: new Notes(),
        cache: this.cache,
        partial: true,
      });
    } catch {
      // Not enough to know the format yet, or something the end will report: wait.
      return;
    }
    if (!partial) return;
    const { events, report } = partial;
    if (!this.stillPrefix(events)) {
      this.diverged = true;
      return;
    }
    const end = this.settledEnd(events);
    if (end <= this.sent.length) return;
    const fresh = events.slice(this.sent.length, end);
    for (const event of fresh) this.sent.push(event);
    this.callbacks.onEvents(fresh, report, false);
  }

  private currentValue(): unknown {
    return this.splitter.lines ? this.splitter.items : this.splitter.root;
  }

  /** True when the events handed on are still the first of `events`. */
  private stillPrefix(events: readonly RecordingEvent[]): boolean {
    if (events.length < this.sent.length) return false;
    for (let i = 0; i < this.sent.length; i++) {
      if (!sameEvent(this.sent[i], events[i])) return false;
    }
    return true;
  }

  /**
   * How many of `events` cannot change any more: all but the newest millisecond (more of it may
   * come), and when the data has been out of order, all but the last few seconds.
   */
  private settledEnd(events: readonly RecordingEvent[]): number {
    let end = events.length;
    if (end === 0) return 0;
    const newest = events[end - 1].timestamp;
    const holdFrom = this.outOfOrder() ? newest - HOLD_BACK_MS : newest;
    while (end > 0 && events[end - 1].timestamp >= holdFrom) end--;
    return end;
  }

  /**
   * True when the items read were not in time order (where an item is, or holds, one event).
   * Checked as items come, each once; again from the start if they turned out to be JSON lines.
   */
  private outOfOrder(): boolean {
    const items = this.splitter.items;
    if (this.order.lines !== this.splitter.lines) {
      this.order = { lines: this.splitter.lines, checked: 0, last: -Infinity, disordered: false };
    }
    const order = this.order;
    for (; !order.disordered && order.checked < items.length; order.checked++) {
      const ts = timestampOf(items[order.checked]);
      if (ts === undefined) continue;
      if (ts < order.last) order.disordered = true;
      else order.last = ts;
    }
    return order.disordered;
  }

  /** The final decode of a cleanly streamed value; undefined when it must be decoded whole. */
  private finishStream(): DecodedRecording | undefined {
    const splitter = this.splitter;
    if (!splitter.end()) return undefined;
    const notes = new Notes();
    if (splitter.lines) {
      const lines = splitter.items;
      const containers = lines.filter((v) => typeof v === 'object' && v !== null).length;
      // What parseText refuses (or words differently) is left to it.
      if (lines.length === 0 || containers === 0 || splitter.badLines > containers)
        return undefined;
      if (splitter.badLines > 0) {
        const n = splitter.badLines;
        notes.add(
          `${plural(n, 'line')} could not be parsed and ${n === 1 ? 'was' : 'were'} skipped (the first is line ${splitter.firstBadLine}).`,
        );
      }
    }
    return decodeValue(this.currentValue(), {
      containers: this.gzip ? ['gzip'] : [],
      notes,
      cache: this.cache,
    });
  }

  private async decodeWhole(): Promise<DecodedRecording> {
    const bytes = concatBytes(this.received);
    this.received = [];
    return decodeRecordingAsync(bytes);
  }

  /** Hands on what was not sent yet; starts again when what was sent is not a prefix. */
  private deliverFinal({ events, report }: DecodedRecording): void {
    if (this.diverged || !this.stillPrefix(events)) {
      this.sent = [];
      this.callbacks.onReset();
    }
    const rest = events.slice(this.sent.length);
    this.sent = [];
    this.callbacks.onEvents(rest, report, true);
  }
}

/**
 * Meta events the decoder patched in are new objects on every pass (and their size may change
 * as more Metas are read); every other event is the very same object.
 */
function sameEvent(a: RecordingEvent, b: RecordingEvent | undefined): boolean {
  if (a === b) return true;
  return (
    b !== undefined &&
    a.type === 4 &&
    b.type === 4 &&
    a.timestamp === b.timestamp &&
    a.windowId === b.windowId &&
    JSON.stringify(a.data) === JSON.stringify(b.data)
  );
}

/** The timestamp of a raw item when it is (or holds, as a blob_v2 pair) one event. */
function timestampOf(item: unknown): number | undefined {
  const event: unknown = Array.isArray(item) ? item[1] : item;
  const ts = (event as { timestamp?: unknown } | null)?.timestamp;
  return typeof ts === 'number' ? ts : undefined;
}

function looksLikeJsonStart(byte: number | undefined): boolean {
  // '[', '{', whitespace, or a UTF-8 byte order mark.
  return (
    byte === 0x5b ||
    byte === 0x7b ||
    byte === 0x20 ||
    byte === 0x0a ||
    byte === 0x0d ||
    byte === 0x09 ||
    byte === 0xef
  );
}

function startsLikeJson(text: string): boolean {
  const first = /\S/.exec(text);
  return !first || first[0] === '[' || first[0] === '{';
}

/**
 * A streaming gunzip: the platform's `DecompressionStream` where there is one (native, faster),
 * else fflate's streaming inflater. `onBytes` gets the inflated bytes in order, `last` at the end.
 * Rejects (on write or close) when the data is not valid gzip.
 */
function createInflater(onBytes: (bytes: Uint8Array, last: boolean) => void): {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
} {
  if (typeof DecompressionStream === 'function') {
    const stream = new DecompressionStream('gzip');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        onBytes(value, false);
      }
      onBytes(new Uint8Array(0), true);
    })();
    // Keep an early failure from being an unhandled rejection; close() reports it.
    reading.catch(() => {});
    return {
      write: (bytes) => writer.write(bytes as Uint8Array<ArrayBuffer>),
      close: async () => {
        await writer.close();
        await reading;
      },
    };
  }
  const gunzip = new Gunzip((chunk, final) => onBytes(chunk, final));
  return {
    write: (bytes) => Promise.resolve(gunzip.push(bytes, false)),
    close: () => Promise.resolve(gunzip.push(new Uint8Array(0), true)),
  };
}
