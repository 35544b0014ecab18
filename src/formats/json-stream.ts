/**
 * Incremental JSON for recordings that arrive in pieces: text goes in as it is decoded, and the
 * events come out as soon as each one is complete, long before the file has ended.
 *
 * Why not a streaming JSON library (e.g. @streamparser/json): those tokenise every character in
 * JavaScript and build every value themselves, several times slower than `JSON.parse`. Here a
 * scanner only finds where each event's text ends (skipping strings with `indexOf`) and the
 * browser's own `JSON.parse` reads each event, so the whole file costs little more than one
 * `JSON.parse` of it.
 *
 * What is streamed: the elements of the arrays that hold a recording's events (`STREAMED_PATHS`:
 * a top-level array, an export's `data.snapshots`, a bundle's `windows[*].events`). Everything
 * around them is built into the same value `JSON.parse` would give. JSON lines are detected when
 * a second value follows the first, and then read line by line as `parseText` reads them.
 *
 * Anything unusual (invalid JSON, a value that is not an object or array, a first line that is
 * not a whole value) makes `broken` true; the caller then decodes the whole text the usual way,
 * so odd files get exactly the same result and error messages as without streaming.
 */

/** Where event arrays sit; '*' is any key or index. */
const STREAMED_PATHS: readonly (readonly string[])[] = [
  [],
  ['data', 'snapshots'],
  ['windows', '*', 'events'],
];

type Key = string | number;

interface Frame {
  container: Record<string, unknown> | unknown[];
  path: Key[];
  /** The elements of this array are items. */
  streamed: boolean;
  /** For objects, the key whose value comes next. */
  key?: string;
  /** 'value' (a value or the close may come), 'comma' (a comma or the close), 'key', 'colon'. */
  expect: 'value' | 'comma' | 'key' | 'colon';
  /** Whether at least one member was read (a comma before the close is invalid). */
  members: number;
}

const enum Char {
  Quote = 34,
  Backslash = 92,
  Comma = 44,
  Colon = 58,
  OpenBrace = 123,
  CloseBrace = 125,
  OpenBracket = 91,
  CloseBracket = 93,
  Newline = 10,
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** True when `path` is `pattern` (or, with `orPrefix`, leads to it). */
function matches(path: readonly Key[], pattern: readonly string[], orPrefix: boolean): boolean {
  if (orPrefix ? path.length > pattern.length : path.length !== pattern.length) return false;
  for (let i = 0; i < path.length; i++) {
    if (pattern[i] !== '*' && pattern[i] !== String(path[i])) return false;
  }
  return true;
}

export class JsonStreamSplitter {
  /** The value read so far (streamed arrays hold the items read so far). */
  root: unknown;
  /** The items in the order they were read: streamed array elements, or JSON lines. */
  readonly items: unknown[] = [];
  /** True once the input turned out to be JSON lines (`items` are then the lines). */
  lines = false;
  /** Lines that did not parse (JSON lines only), and the number of the first. */
  badLines = 0;
  firstBadLine = 0;
  /** Something a plain `JSON.parse` / `parseText` would treat differently: decode the whole. */
  broken = false;
  /** True once the top-level value (or, for lines, the first line) is complete. */
  private rootDone = false;
  private buffer = '';
  private pos = 0;
  private readonly stack: Frame[] = [];
  /** Lines seen so far (JSON lines), for bad-line numbers. */
  private lineNumber = 0;
  /** A newline was read before the first value ended (it then cannot be line 1 of JSON lines). */
  private newlineInRoot = false;
  /**
   * A value (object, array or string) that runs past the piece it started in: its text so far,
   * piece by piece, and where its scan stands. The next pieces are scanned on their own and the
   * value's text is joined once, when it ends: a 0.6 MB FullSnapshot spanning ten pieces is not
   * copied ten times over.
   */
  private carried: string[] = [];
  private carriedScan?: ValueScan;

  /** Feeds the next piece of text; items complete in it are appended to `items`. */
  push(text: string): void {
    if (this.broken) return;
    if (this.carriedScan) {
      const end = continueValue(text, 0, this.carriedScan);
      const within = end < 0 ? text : text.slice(0, end);
      if (!this.rootDone && within.includes('\n')) this.newlineInRoot = true;
      if (end < 0) {
        this.carried.push(text);
        return;
      }
      const valueText = this.carried.join('') + text.slice(0, end);
      this.carried = [];
      this.carriedScan = undefined;
      this.buffer = text;
      this.pos = end;
      try {
        this.take(JSON.parse(valueText));
      } catch {
        this.broken = true;
        return;
      }
    } else {
      if (!this.rootDone && this.pos > 0 && this.buffer.lastIndexOf('\n', this.pos - 1) >= 0)
        this.newlineInRoot = true;
      this.buffer = this.pos > 0 ? this.buffer.slice(this.pos) + text : this.buffer + text;
      this.pos = 0;
    }
    try {
      if (this.lines) this.readLines(false);
      else this.scan();
    } catch {
      this.broken = true;
    }
  }

  /** The text has ended; true when the whole input was read cleanly. */
  end(): boolean {
    if (this.broken) return false;
    if (this.lines) {
      this.readLines(true);
    } else {
      const rest = this.buffer.slice(this.pos);
      if (!this.rootDone || /\S/.test(rest)) this.broken = true;
    }
    this.buffer = '';
    this.pos = 0;
    return !this.broken;
  }

  private scan(): void {
    const text = this.buffer;
    for (;;) {
      let i = this.pos;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) return;
      if (this.rootDone) {
        // A second value: JSON lines, if the first was one line and a newline came in between.
        if (this.newlineInRoot || !text.slice(this.pos, i).includes('\n')) {
          this.broken = true;
          return;
        }
        this.startLines();
        return;
      }
      const frame = this.stack[this.stack.length - 1];
      const c = text.charCodeAt(i);
      if (!frame) {
        if (c !== Char.OpenBracket && c !== Char.OpenBrace) {
          this.broken = true;
          return;
        }
        this.open(c, []);
        this.pos = i + 1;
        continue;
      }
      if (frame.expect === 'comma') {
        if (c === Char.Comma) {
          frame.expect = Array.isArray(frame.container) ? 'value' : 'key';
          this.pos = i + 1;
          // A close right after a comma is invalid JSON.
          frame.members = -frame.members - 1;
          continue;
        }
        if (!this.close(c, i)) return;
        this.pos = i + 1;
        continue;
      }
      if (frame.expect === 'key' || frame.expect === 'colon') {
        if (frame.expect === 'key') {
          if (c === Char.CloseBrace && frame.members >= 0) {
            this.close(c, i);
            this.pos = i + 1;
            continue;
          }
          if (c !== Char.Quote) return void (this.broken = true);
          const end = stringEnd(text, i + 1);
          if (end < 0) return;
          frame.key = JSON.parse(text.slice(i, end)) as string;
          frame.expect = 'colon';
          this.pos = end;
          continue;
        }
        if (c !== Char.Colon) return void (this.broken = true);
        frame.expect = 'value';
        this.pos = i + 1;
        continue;
      }
      // expect === 'value'
      if (c === Char.CloseBracket && Array.isArray(frame.container) && frame.members >= 0) {
        this.close(c, i);
        this.pos = i + 1;
        continue;
      }
      if ((c === Char.OpenBrace || c === Char.OpenBracket) && !frame.streamed) {
        const key: Key = Array.isArray(frame.container)
          ? frame.container.length
          : (frame.key as string);
        const path = [...frame.path, key];
        if (this.descends(path)) {
          this.open(c, path);
          this.pos = i + 1;
          continue;
        }
      }
      if (c === Char.OpenBrace || c === Char.OpenBracket || c === Char.Quote) {
        const scan: ValueScan = { depth: 0, inString: false, escaped: false };
        const end = continueValue(text, i, scan);
        if (end < 0) {
          // It goes on in the next pieces: carry its text so far, scan on from there.
          if (!this.rootDone && text.includes('\n')) this.newlineInRoot = true;
          this.carried = [text.slice(i)];
          this.carriedScan = scan;
          this.pos = text.length;
          return;
        }
        this.pos = end;
        this.take(JSON.parse(text.slice(i, end)));
        continue;
      }
      const end = primitiveEnd(text, i);
      if (end < 0) return;
      this.pos = end;
      this.take(JSON.parse(text.slice(i, end)));
    }
  }

  /** A value read whole: into the innermost container, and an item if that is an event array. */
  private take(value: unknown): void {
    const frame = this.stack[this.stack.length - 1];
    this.assign(frame, value);
    if (frame.streamed) this.items.push(value);
  }

  /** Containers on the way to an event array are built here; others are parsed whole. */
  private descends(path: readonly Key[]): boolean {
    return STREAMED_PATHS.some((pattern) => matches(path, pattern, true));
  }

  private open(c: number, path: Key[]): void {
    const container = c === Char.OpenBracket ? [] : {};
    const streamed =
      Array.isArray(container) && STREAMED_PATHS.some((pattern) => matches(path, pattern, false));
    const parent = this.stack[this.stack.length - 1];
    if (parent) this.assign(parent, container);
    else this.root = container;
    this.stack.push({
      container,
      path,
      streamed,
      expect: Array.isArray(container) ? 'value' : 'key',
      members: 0,
    });
  }

  /** Closes the innermost container with `c` (at `at`); false (and broken) if it does not. */
  private close(c: number, at: number): boolean {
    const frame = this.stack[this.stack.length - 1];
    const closes = Array.isArray(frame.container) ? Char.CloseBracket : Char.CloseBrace;
    if (c !== closes || frame.members < 0) {
      this.broken = true;
      return false;
    }
    this.stack.pop();
    if (this.stack.length === 0) {
      this.rootDone = true;
      if (this.buffer.lastIndexOf('\n', at) >= 0) this.newlineInRoot = true;
    }
    return true;
  }

  /** Puts `value` in `frame`'s container (as JSON.parse would: a repeated key's last value wins). */
  private assign(frame: Frame, value: unknown): void {
    if (Array.isArray(frame.container)) frame.container.push(value);
    else
      Object.defineProperty(frame.container, frame.key as string, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    frame.members = Math.abs(frame.members) + 1;
    frame.expect = 'comma';
  }

  /** The first value was line 1 of JSON lines: from now on, lines are read one by one. */
  private startLines(): void {
    this.lines = true;
    this.items.length = 0;
    this.items.push(this.root);
    this.lineNumber = 1;
    // The rest of line 1 after the value is blank (checked in scan); skip to line 2.
    const newline = this.buffer.indexOf('\n', this.pos);
    this.pos = newline + 1;
    this.readLines(false);
  }

  private readLines(final: boolean): void {
    const text = this.buffer;
    for (;;) {
      let newline = text.indexOf('\n', this.pos);
      if (newline < 0) {
        if (!final) return;
        newline = text.length;
        if (this.pos >= newline) return;
      }
      const line = text.slice(this.pos, newline).trim();
      this.pos = newline + 1;
      this.lineNumber++;
      if (line === '') continue;
      try {
        this.items.push(JSON.parse(line));
      } catch {
        if (this.badLines++ === 0) this.firstBadLine = this.lineNumber;
      }
      if (this.pos > text.length) return;
    }
  }
}

/** The index after the string whose opening quote is before `from`; -1 when not complete yet. */
function stringEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let j = quote - 1; j >= from && text.charCodeAt(j) === Char.Backslash; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Where the scan of a value stands at the end of a piece. */
interface ValueScan {
  depth: number;
  inString: boolean;
  /** The piece ended right after a backslash inside a string. */
  escaped: boolean;
}

/**
 * Scans the object, array or string that starts at (or, with the state of earlier pieces,
 * continues at) `from`; returns the index after it, or -1 when it goes on past this text
 * (`scan` then says where it stands).
 */
function continueValue(text: string, from: number, scan: ValueScan): number {
  const n = text.length;
  let { depth, inString, escaped } = scan;
  let i = from;
  // The next backslash at or after i (n when there is none): found once, not per string.
  let backslash = -1;
  while (i < n) {
    if (inString) {
      if (escaped) {
        escaped = false;
        i++;
        continue;
      }
      let quote = text.indexOf('"', i);
      if (quote < 0) quote = n;
      if (backslash < i) {
        backslash = text.indexOf('\\', i);
        if (backslash < 0) backslash = n;
      }
      if (backslash < quote) {
        escaped = true;
        i = backslash + 1;
        continue;
      }
      if (quote === n) {
        i = n;
        break;
      }
      inString = false;
      i = quote + 1;
      if (depth === 0) return i;
      continue;
    }
    const c = text.charCodeAt(i++);
    if (c === Char.Quote) inString = true;
    else if (c === Char.OpenBrace || c === Char.OpenBracket) depth++;
    else if (c === Char.CloseBrace || c === Char.CloseBracket) {
      if (--depth === 0) return i;
    }
  }
  scan.depth = depth;
  scan.inString = inString;
  scan.escaped = escaped;
  return -1;
}

/** The index after a number, true, false or null at `from`: at a delimiter; -1 if none yet. */
function primitiveEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Comma || c === Char.CloseBrace || c === Char.CloseBracket || isSpace(c))
      return i;
  }
  return -1;
}
