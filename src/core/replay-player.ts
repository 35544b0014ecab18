/**
 * ReplayPlayer owns the rrweb Replayers of one decoded recording and is the only module that
 * talks to rrweb. It keeps the recording's clock, shows the right window at each moment
 * (one Replayer per window, switched at segment boundaries) and reports what happens through
 * plain callbacks. It renders no controls and knows nothing of Lit or of media events.
 *
 * Three time bases, all in ms: "global" from the recording's first event; the player's own
 * ("relative"), from the start of the range it plays (the whole recording, or a clip set by
 * setRange); and each Replayer's "local" time, from its own window's first event.
 */
import { Replayer } from 'rrweb';
import type { DecodedRecording, RecordingEvent, WindowSummary } from '../formats/types.js';
import { DeferredScrolls, withoutSnapshotScrolls } from './deferred-scrolls.js';
import { collectPageUrls, urlAt, type UrlMark } from './page-urls.js';
import { buildTimelineInfo, inactiveRangeAt, type TimelineInfo } from './timeline-info.js';
import { buildWindowSegments, segmentAt, type WindowSegment } from './window-segments.js';

export interface ReplayPlayerCallbacks {
  /** The clock moved (every animation frame while playing, and after a seek). */
  onTimeUpdate(): void;
  /** Playback reached the end and stopped there. */
  onEnded(): void;
  /** The window on screen changed, or its page size did. */
  onViewChange(): void;
  /** Playback jumped over an idle stretch (relative ms). */
  onSkip(fromMs: number, toMs: number): void;
  /** Playback reached the end of what is loaded so far and waits for more (or resumes). */
  onWaitingChange(waiting: boolean): void;
}

const FULL_SNAPSHOT = 2;
/** While loading, how often the derived timeline data may be worked out again. */
const DERIVE_INTERVAL_MS = 500;

interface Derived {
  segments: WindowSegment[];
  timelineInfo: TimelineInfo;
  pageUrls: Map<string, UrlMark[]>;
}

/**
 * Rules added to every replayed page. No scroll anchoring: the recorded scroll events already
 * hold the offsets the page ended at (its own anchoring included), and a replay that anchored
 * again would move the page by an amount that depends on where layouts happened to run during
 * a seek, not on the recording.
 */
export const REPLAY_STYLE_RULES = ['* { overflow-anchor: none !important; }'];

/** Idle stretches shorter than this after the playhead are not worth a jump. */
const MIN_SKIP_MS = 1_000;

export interface ReplayView {
  window?: WindowSummary;
  /** Address of the page on screen ('' when the recording does not say). */
  url: string;
  width: number;
  height: number;
  windowCount: number;
}

interface WindowPlayer {
  summary: WindowSummary;
  replayer: Replayer;
  /** Holds back the Replayer's scrolls while it replays a seek (see deferred-scrolls.ts). */
  scrolls: DeferredScrolls;
  /** Global ms of this window's first event, i.e. where its Replayer's 0 lies. */
  offsetMs: number;
  width: number;
  height: number;
}

export class ReplayPlayer {
  /** Jump over idle stretches while playing. */
  skipInactive = true;
  /** False while more of the recording is still to come (see append()). */
  complete: boolean;
  /** True while playback waits at the end of what is loaded. */
  waiting = false;
  private events: RecordingEvent[] = [];
  private report: DecodedRecording['report'];
  private recordingMs = 0;
  /** See expectEnd(). */
  private expectedEndEpochMs?: number;
  /** Global ms up to which events have arrived. */
  private loadedToMs = 0;
  private rangeStartMs = 0;
  private rangeEndMs = 0;
  /** The clip end set by setRange(), if any; otherwise the range follows the recording's end. */
  private clipEndMs?: number;
  private readonly windows = new Map<string, WindowPlayer>();
  /** What is derived from all the events (see `derived`), and when it was last worked out. */
  private derivedCache?: Derived;
  private derivedAt = 0;
  private derivedStale = true;
  private active?: WindowPlayer;
  private speed = 1;
  private playing = false;
  /** The clock: relative ms at `anchorWallMs` (performance.now()) while playing, or the position. */
  private anchorTimeMs = 0;
  private anchorWallMs = 0;
  private frame = 0;
  private destroyed = false;

  /**
   * `recording` may be the first part of a recording still arriving (`complete: false`): the
   * rest comes through append(), and playback waits at the end of what is loaded.
   */
  constructor(
    private readonly root: HTMLElement,
    recording: DecodedRecording,
    private readonly callbacks: ReplayPlayerCallbacks,
    { complete = true }: { complete?: boolean } = {},
  ) {
    this.report = recording.report;
    this.complete = complete;
    this.append(recording.events, recording.report, complete);
  }

  /**
   * Adds events that arrived later (in time order, after those already given) with the report
   * of everything so far. Windows that become playable get their Replayer; the others get the
   * events through rrweb's addEvent().
   */
  append(
    events: readonly RecordingEvent[],
    report: DecodedRecording['report'],
    complete: boolean,
  ): void {
    if (this.destroyed) return;
    const first = this.events.length === 0;
    for (const event of events) this.events.push(event);
    this.report = report;
    this.complete = complete;
    this.updateExtent();
    this.derivedStale = true;
    this.feedWindows(first ? this.events : events, report);
    if (first) this.show(this.windowAt(0));
    if (this.waiting && (complete || this.currentTimeMs < this.loadedMs)) this.resumeFromWaiting();
  }

  /**
   * While the recording is still arriving, how long it is expected to last when whole (epoch ms
   * of its end, e.g. from PostHog's metadata): the duration is that, and `loadedMs` shows how
   * much has arrived. Without it the duration is what has arrived so far, growing.
   */
  expectEnd(endEpochMs: number | undefined): void {
    this.expectedEndEpochMs = endEpochMs;
    this.updateExtent();
    // The activity strip is binned over the whole length: work it out again now.
    this.derivedCache = undefined;
  }

  /** Works out how far the recording reaches: what arrived, what the report or metadata say. */
  private updateExtent() {
    const start = this.events[0]?.timestamp ?? this.report.startTimestamp;
    const lastLoaded = this.events[this.events.length - 1]?.timestamp ?? start;
    const expected =
      !this.complete && this.expectedEndEpochMs !== undefined ? this.expectedEndEpochMs - start : 0;
    this.loadedToMs = Math.max(0, lastLoaded - start);
    this.recordingMs = Math.max(this.loadedToMs, this.report.endTimestamp - start, expected);
    this.rangeEndMs = clamp(
      this.clipEndMs ?? this.recordingMs,
      this.rangeStartMs,
      this.recordingMs,
    );
  }

  /**
   * Window segments, idle stretches, markers and page URLs over all events so far (global ms).
   * Each is a pass over every event, so while slices are still arriving (one append each) they
   * are worked out again at most twice a second, not per slice; once complete, at once.
   */
  private get derived(): Derived {
    const now = performance.now();
    const due = this.complete || now - this.derivedAt > DERIVE_INTERVAL_MS;
    if (!this.derivedCache || (this.derivedStale && due)) {
      const start = this.events[0]?.timestamp ?? this.report.startTimestamp;
      this.derivedCache = {
        segments: buildWindowSegments(this.events),
        timelineInfo: buildTimelineInfo(
          this.events,
          start,
          start + this.recordingMs,
          this.complete ? undefined : start + this.loadedToMs,
        ),
        pageUrls: collectPageUrls(this.events, start),
      };
      this.derivedStale = false;
      this.derivedAt = now;
    }
    return this.derivedCache;
  }

  /** How far (relative ms) the loaded part of the recording reaches. */
  get loadedMs(): number {
    return this.complete
      ? this.durationMs
      : clamp(this.loadedToMs - this.rangeStartMs, 0, this.durationMs);
  }

  private feedWindows(added: readonly RecordingEvent[], report: DecodedRecording['report']) {
    for (const summary of report.windows) {
      const existing = this.windows.get(summary.id);
      if (existing) {
        existing.summary = summary;
        for (const event of added)
          if (event.windowId === summary.id)
            existing.replayer.addEvent(withoutSnapshotScrolls(event));
        continue;
      }
      const own = this.events.filter((e) => e.windowId === summary.id);
      if (!own.some((e) => e.type === FULL_SNAPSHOT) || own.length < 2) continue;
      this.windows.set(summary.id, this.createWindowPlayer(summary, own));
    }
  }

  /** Length of the range being played. */
  get durationMs(): number {
    return this.rangeEndMs - this.rangeStartMs;
  }

  /**
   * Plays only `[startMs, endMs)` of the recording (global ms, clamped): the player's time and
   * duration become relative to that clip. Goes to the clip's start.
   */
  setRange(startMs = 0, endMs?: number): void {
    this.clipEndMs = endMs;
    this.rangeStartMs = clamp(startMs, 0, this.recordingMs);
    this.rangeEndMs = clamp(endMs ?? this.recordingMs, this.rangeStartMs, this.recordingMs);
    this.seek(0);
  }

  /** The timeline info clipped to the range, in relative ms. */
  get timeline(): TimelineInfo {
    const { inactive, markers, activity } = this.derived.timelineInfo;
    const start = this.rangeStartMs;
    const end = this.rangeEndMs;
    const from = Math.floor((start / Math.max(1, this.recordingMs)) * activity.length);
    const to = Math.ceil((end / Math.max(1, this.recordingMs)) * activity.length);
    return {
      inactive: inactive
        .filter((r) => r.endMs > start && r.startMs < end)
        .map((r) => ({
          startMs: Math.max(r.startMs, start) - start,
          endMs: Math.min(r.endMs, end) - start,
        })),
      markers: markers
        .filter((m) => m.timeMs >= start && m.timeMs <= end)
        .map((m) => ({ ...m, timeMs: m.timeMs - start })),
      activity: activity.slice(from, Math.max(from + 1, to)),
    };
  }

  get currentTimeMs(): number {
    if (!this.playing || this.waiting) return this.anchorTimeMs;
    const elapsed = (performance.now() - this.anchorWallMs) * this.speed;
    return Math.min(this.durationMs, this.anchorTimeMs + elapsed);
  }

  get paused(): boolean {
    return !this.playing;
  }

  get playbackRate(): number {
    return this.speed;
  }

  /** The window on screen, its page's address and size, for the element's bar and scaling. */
  get view(): ReplayView {
    const window = this.active?.summary;
    return {
      window,
      url: window
        ? urlAt(this.derived.pageUrls.get(window.id), this.rangeStartMs + this.currentTimeMs)
        : '',
      width: this.active?.width ?? 0,
      height: this.active?.height ?? 0,
      windowCount: this.report.windows.length,
    };
  }

  /** Windows that could not be shown (no FullSnapshot, or a single event). */
  get unplayableWindows(): WindowSummary[] {
    return this.complete ? this.report.windows.filter((w) => !this.windows.has(w.id)) : [];
  }

  play(): void {
    if (this.playing || this.destroyed) return;
    if (this.currentTimeMs >= this.durationMs) this.anchorTimeMs = 0;
    this.playing = true;
    this.anchorWallMs = performance.now();
    this.syncReplayer();
    this.tick();
  }

  pause(): void {
    if (!this.playing) return;
    this.anchorTimeMs = this.currentTimeMs;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.active?.replayer.pause();
  }

  /** Shows the page as it was at `timeMs`; keeps playing if it was. */
  seek(timeMs: number): void {
    if (this.destroyed) return;
    this.anchorTimeMs = clamp(timeMs, 0, this.durationMs);
    this.anchorWallMs = performance.now();
    if (this.waiting && this.anchorTimeMs < this.loadedMs) {
      this.waiting = false;
      this.callbacks.onWaitingChange(false);
    }
    this.syncReplayer();
    this.callbacks.onTimeUpdate();
  }

  setSpeed(speed: number): void {
    this.anchorTimeMs = this.currentTimeMs;
    this.anchorWallMs = performance.now();
    this.speed = speed;
    for (const { replayer } of this.windows.values()) replayer.setConfig({ speed });
  }

  destroy(): void {
    this.destroyed = true;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    for (const { replayer } of this.windows.values()) replayer.destroy();
    this.windows.clear();
    this.active = undefined;
  }

  private createWindowPlayer(summary: WindowSummary, events: RecordingEvent[]): WindowPlayer {
    const replayer = new Replayer(events.map(withoutSnapshotScrolls), {
      root: this.root,
      // Seeks replay straight into the page: with scrolls deferred (deferred-scrolls.ts) this
      // is faster than rrweb's virtual DOM on busy recordings (and no slower on small ones).
      useVirtualDom: false,
      insertStyleRules: REPLAY_STYLE_RULES,
      speed: this.speed,
      skipInactive: false,
      showWarning: false,
      mouseTail: false,
      triggerFocus: false,
      pauseAnimation: true,
      UNSAFE_replayCanvas: false,
      // The Replayer logs every node it cannot find; on real recordings that floods the console.
      logger: { log: () => {}, warn: () => {} },
    });
    const player: WindowPlayer = {
      summary,
      replayer,
      scrolls: new DeferredScrolls(replayer),
      offsetMs: events[0].timestamp - this.events[0].timestamp,
      width: 0,
      height: 0,
    };
    replayer.wrapper.style.display = 'none';
    // The frame holds the recorded page; name it for assistive technology.
    replayer.iframe.title = `Recorded page, window ${summary.index}`;
    replayer.on('resize', (size) => {
      const { width, height } = size as { width: number; height: number };
      player.width = width;
      player.height = height;
      if (player === this.active) this.callbacks.onViewChange();
    });
    player.scrolls.run(() => replayer.pause(0));
    return player;
  }

  /** The window to show at relative time `timeMs`. */
  private windowAt(timeMs: number): WindowPlayer | undefined {
    const segment = segmentAt(this.derived.segments, this.rangeStartMs + timeMs);
    return (segment && this.windows.get(segment.windowId)) ?? this.windows.values().next().value;
  }

  private show(next: WindowPlayer | undefined) {
    if (next === this.active) return;
    if (this.active) {
      this.active.replayer.pause();
      this.active.replayer.wrapper.style.display = 'none';
    }
    this.active = next;
    if (next) next.replayer.wrapper.style.display = '';
    this.callbacks.onViewChange();
  }

  /** Puts the right window's Replayer at the clock's position, playing or paused. */
  private syncReplayer() {
    const timeMs = this.currentTimeMs;
    this.show(this.windowAt(timeMs));
    const active = this.active;
    if (!active) return;
    // rrweb leaves out events stamped exactly at the target: +1 so "the end" shows the last one.
    const global = this.rangeStartMs + timeMs;
    const local = Math.max(0, global - active.offsetMs) + (timeMs >= this.durationMs ? 1 : 0);
    active.scrolls.run(() => {
      if (this.playing) active.replayer.play(local);
      else active.replayer.pause(local);
    });
  }

  private tick = () => {
    if (!this.playing) return;
    const timeMs = this.currentTimeMs;
    if (this.skipInactive && this.skipIdleStretch(timeMs))
      return void (this.frame = requestAnimationFrame(this.tick));
    if (this.windowAt(timeMs) !== this.active) this.syncReplayer();
    this.callbacks.onTimeUpdate();
    if (timeMs >= this.durationMs && this.complete) {
      this.pause();
      this.callbacks.onEnded();
      return;
    }
    if (!this.complete && timeMs >= this.loadedMs) this.startWaiting(this.loadedMs);
    this.frame = requestAnimationFrame(this.tick);
  };

  /** The playhead outran the data: hold the clock there until append() brings more. */
  private startWaiting(atMs: number) {
    if (this.waiting) return;
    this.anchorTimeMs = atMs;
    this.waiting = true;
    this.active?.replayer.pause();
    this.callbacks.onWaitingChange(true);
  }

  private resumeFromWaiting() {
    this.waiting = false;
    this.anchorWallMs = performance.now();
    if (this.playing) this.syncReplayer();
    this.callbacks.onWaitingChange(false);
  }

  /** Jumps to the end of the idle stretch the playhead is in; true if it did. */
  private skipIdleStretch(timeMs: number): boolean {
    const global = this.rangeStartMs + timeMs;
    const idle = inactiveRangeAt(this.derived.timelineInfo.inactive, global);
    const to = Math.min(idle?.endMs ?? 0, this.rangeEndMs) - this.rangeStartMs;
    if (!idle || to - timeMs < MIN_SKIP_MS) return false;
    this.seek(to);
    this.callbacks.onSkip(timeMs, to);
    return true;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
