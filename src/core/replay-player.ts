/**
 * ReplayPlayer owns the rrweb Replayers of one decoded recording and is the only module that
 * talks to rrweb. It keeps the recording's clock, shows the right window at each moment
 * (one Replayer per window, switched at segment boundaries) and reports what happens through
 * plain callbacks. It renders no controls and knows nothing of Lit or of media events.
 *
 * Times are milliseconds from the recording's first event ("global" time); each Replayer counts
 * from its own window's first event, so the two differ by the window's offset.
 */
import { Replayer } from 'rrweb';
import type { DecodedRecording, RecordingEvent, WindowSummary } from '../formats/types.js';
import { collectPageUrls, urlAt, type UrlMark } from './page-urls.js';
import { buildWindowSegments, segmentAt, type WindowSegment } from './window-segments.js';

export interface ReplayPlayerCallbacks {
  /** The clock moved (every animation frame while playing, and after a seek). */
  onTimeUpdate(): void;
  /** Playback reached the end and stopped there. */
  onEnded(): void;
  /** The window on screen changed, or its page size did. */
  onViewChange(): void;
}

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
  /** Global ms of this window's first event, i.e. where its Replayer's 0 lies. */
  offsetMs: number;
  width: number;
  height: number;
}

export class ReplayPlayer {
  readonly durationMs: number;
  readonly segments: readonly WindowSegment[];
  private readonly windows = new Map<string, WindowPlayer>();
  private readonly pageUrls: Map<string, UrlMark[]>;
  private active?: WindowPlayer;
  private speed = 1;
  private playing = false;
  /** The clock: global ms at `anchorWallMs` (performance.now()) while playing, or the position. */
  private anchorTimeMs = 0;
  private anchorWallMs = 0;
  private frame = 0;
  private destroyed = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly recording: DecodedRecording,
    private readonly callbacks: ReplayPlayerCallbacks,
  ) {
    const { events, report } = recording;
    this.durationMs = Math.max(0, report.endTimestamp - report.startTimestamp);
    this.segments = buildWindowSegments(events);
    this.pageUrls = collectPageUrls(events, report.startTimestamp);
    for (const summary of report.windows) {
      const own = events.filter((e) => e.windowId === summary.id);
      if (!summary.hasFullSnapshot || own.length < 2) continue;
      this.windows.set(summary.id, this.createWindowPlayer(summary, own));
    }
    this.show(this.windowAt(0));
  }

  get currentTimeMs(): number {
    if (!this.playing) return this.anchorTimeMs;
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
      url: window ? urlAt(this.pageUrls.get(window.id), this.currentTimeMs) : '',
      width: this.active?.width ?? 0,
      height: this.active?.height ?? 0,
      windowCount: this.recording.report.windows.length,
    };
  }

  /** Windows that could not be shown (no FullSnapshot, or a single event). */
  get unplayableWindows(): WindowSummary[] {
    return this.recording.report.windows.filter((w) => !this.windows.has(w.id));
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
    const replayer = new Replayer(events, {
      root: this.root,
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
      offsetMs: events[0].timestamp - this.recording.report.startTimestamp,
      width: 0,
      height: 0,
    };
    replayer.wrapper.style.display = 'none';
    replayer.on('resize', (size) => {
      const { width, height } = size as { width: number; height: number };
      player.width = width;
      player.height = height;
      if (player === this.active) this.callbacks.onViewChange();
    });
    replayer.pause(0);
    return player;
  }

  private windowAt(timeMs: number): WindowPlayer | undefined {
    const segment = segmentAt(this.segments, timeMs);
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
    const local = Math.max(0, timeMs - active.offsetMs) + (timeMs >= this.durationMs ? 1 : 0);
    if (this.playing) active.replayer.play(local);
    else active.replayer.pause(local);
  }

  private tick = () => {
    if (!this.playing) return;
    const timeMs = this.currentTimeMs;
    if (this.windowAt(timeMs) !== this.active) this.syncReplayer();
    this.callbacks.onTimeUpdate();
    if (timeMs >= this.durationMs) {
      this.pause();
      this.callbacks.onEnded();
      return;
    }
    this.frame = requestAnimationFrame(this.tick);
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
