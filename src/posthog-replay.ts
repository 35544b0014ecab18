import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FitController } from './controllers/fit-controller.js';
import { ARIA_KEYSHORTCUTS, HotkeysController } from './controllers/hotkeys-controller.js';
import { VisibilityController } from './controllers/visibility-controller.js';
import type { ReplayTimeline } from './controls/replay-control.js';
import { labelsOf, type ReplayLabels } from './labels.js';
import { parseClockTime } from './utils/format-time.js';
import { nextFrame, timeRanges } from './utils/media.js';
import * as views from './views.js';
import { ReplayMediaError } from './core/media-error.js';
import { ReplayPlayer } from './core/replay-player.js';
import type { DecodedRecording, DecodeReport, RecordingEvent } from './formats/types.js';
import { loadSource, type LoadTiming, type PlayerSource } from './loader/load-source.js';
import type { PostHogRecordingMetadata } from './loader/posthog-api.js';
import { playerStyles } from './posthog-replay.styles.js';

type Status = 'empty' | 'loading' | 'ready' | 'error';

export type { LoadTiming };

/**
 * Plays a PostHog session recording (or any rrweb recording) from a URL, a value, or an inline
 * `<script type="application/json">` child. Behaves like a media element: `play()`, `pause()`,
 * `currentTime`, `duration` and the standard media events; works as the media of media-chrome's
 * `<media-controller>`. Keys (when focus is inside): Space/K, ←/→, J/L, Home/End, 0–9, </>,
 * ,/. (markers), F, ?.
 *
 * The recording is untrusted: it is rebuilt in an iframe sandboxed without `allow-scripts`.
 *
 * @tagname posthog-replay
 * @summary Session replay player.
 *
 * @slot controls - Replaces the whole built-in control bar.
 * @slot controls-start - Extra controls after the time display.
 * @slot controls-end - Extra controls before the speed menu.
 * @slot loading - Replaces the loading message.
 * @slot error - Replaces the error message (read `error.message` to show your own).
 * @slot - An inline `<script type="application/json">` holding a recording (not rendered).
 *
 * @csspart viewport - The area the recording is shown in.
 * @csspart controls - The control bar.
 * @csspart status - The loading and error messages over the viewport.
 * @csspart window-bar - The bar above the viewport: window label and page address.
 * @csspart window-label - "Window 2 of 3", shown when the recording spans several windows.
 * @csspart url - The address of the page on screen.
 * @csspart notice - Says when a window of the recording cannot be shown, or that PostHog is being retried.
 * @csspart recording-info - Start time and duration (and, with `show-person`, the person) of a recording from PostHog.
 * @csspart skip-hint - The note shown when an idle stretch is skipped.
 * @csspart help - The keyboard shortcuts overlay.
 * @csspart poster-button - The large play button over the first frame.
 * @csspart timeline - The seek bar (inner parts: `timeline__slider`, `timeline__track`, `timeline__progress`, `timeline__inactive`, `timeline__thumb`, `timeline__activity`, `timeline__marker`, `timeline__tooltip`).
 * @csspart play-button - The play button (inner: `play-button__button`, `play-button__icon`; likewise for the buttons below).
 * @csspart seek-back-button - Back 10 s.
 * @csspart seek-forward-button - Forward 10 s.
 * @csspart time-display - Current / total time (inner: `time-display__button`).
 * @csspart speed-menu - The speed menu (inner: `speed-menu__button`, `speed-menu__menu`, `speed-menu__option`).
 * @csspart skip-inactivity-button - The skip-inactivity toggle.
 * @csspart loop-button - The loop toggle.
 * @csspart fullscreen-button - The full-screen toggle.
 *
 * @cssproperty --posthog-replay-accent-color - Accent colour (progress, thumb, focus ring, menus).
 * @cssproperty --posthog-replay-background - Background of the player and around the page.
 * @cssproperty --posthog-replay-control-bar-background - Background of the control bar and the bar above the viewport.
 * @cssproperty --posthog-replay-control-color - Colour of the controls' icons and text.
 * @cssproperty --posthog-replay-font-family - Font of the controls and messages.
 * @cssproperty --posthog-replay-radius - Corner radius of the player and its buttons.
 * @cssproperty --posthog-replay-button-size - Size of the control buttons.
 * @cssproperty --posthog-replay-focus-ring - Outline of focused controls.
 * @cssproperty --posthog-replay-track-color - Seek bar track.
 * @cssproperty --posthog-replay-track-height - Seek bar track height.
 * @cssproperty --posthog-replay-progress-color - Played part of the seek bar and the thumb.
 * @cssproperty --posthog-replay-thumb-size - Seek bar handle size.
 * @cssproperty --posthog-replay-inactive-color - Idle stretches on the seek bar.
 * @cssproperty --posthog-replay-activity-color - The activity strip.
 * @cssproperty --posthog-replay-marker-color - Markers (and `--posthog-replay-marker-{pageview,click,error,custom}-color`).
 * @cssproperty --posthog-replay-error-color - The error title.
 *
 * @cssstate playing - Playing.
 * @cssstate paused - Paused.
 * @cssstate loading - Fetching or decoding.
 * @cssstate error - Failed; see `error`.
 * @cssstate ended - Stopped at the end.
 * @cssstate skipping - Just jumped over an idle stretch.
 * @cssstate fullscreen - In full screen.
 *
 * @event loadstart - Loading began.
 * @event progress - More bytes arrived, or decoding moved on.
 * @event durationchange - `duration` changed.
 * @event loadedmetadata - The first playable part is decoded (for a download, the rest may still be
 *   arriving); `detail` is `{report, timing}` of what has arrived so far.
 * @event loadeddata - The first frame is on screen.
 * @event canplay - Playback can start.
 * @event canplaythrough - All of the recording is loaded.
 * @event play - `paused` became false.
 * @event playing - Playback started.
 * @event pause - `paused` became true.
 * @event timeupdate - `currentTime` changed.
 * @event seeking - A seek began.
 * @event seeked - A seek finished and its page is shown.
 * @event ratechange - `playbackRate` changed.
 * @event waiting - Playback reached the end of what is loaded and waits for more.
 * @event ended - Playback reached the end.
 * @event emptied - The recording was unloaded (new `src`).
 * @event error - Loading or decoding failed; see `error`.
 * @event inactivityskip - An idle stretch was skipped; `detail` is `{from, to}` in seconds.
 */
export class PostHogReplay extends LitElement {
  static override styles = playerStyles;

  /** URL of a recording file (any format in docs/formats.md, gzip or not). */
  @property() src = '';

  /**
   * A recording given directly: an ArrayBuffer, Uint8Array, Blob, JSON text, a parsed JSON value
   * or an rrweb events array. Takes precedence over `src`.
   */
  @property({ attribute: false }) recording?: unknown;

  /** Options for every `fetch` the player makes (headers, credentials), for `src` and the API. */
  @property({ attribute: false }) fetchInit?: RequestInit;

  /**
   * PostHog's address for playing a recording by id: `https://us.posthog.com`, a self-hosted
   * origin, or a same-origin proxy path such as `/posthog` (see docs/posthog-api.md).
   */
  @property({ attribute: 'api-host' }) apiHost = '';

  /** The PostHog project (environment) id, with `api-host` and `recording-id`. */
  @property({ attribute: 'project-id' }) projectId = '';

  /** The recording's (session's) id, with `api-host` and `project-id`. Used when `src` is empty. */
  @property({ attribute: 'recording-id' }) recordingId = '';

  /** A PostHog sharing token (from "Share recording"); it may sit in page HTML. */
  @property({ attribute: 'sharing-token' }) sharingToken = '';

  /**
   * A personal API key (scope `session_recording:read`). Never put one in page HTML: set it from
   * a script only on internal pages, or better, use a same-origin proxy that adds it.
   */
  @property({ attribute: false }) apiKey?: string;

  /** Show the person the recording is of (name or email) in the top bar; off by default. */
  @property({ type: Boolean, attribute: 'show-person' }) showPerson = false;

  /**
   * Start playing once the recording can play and the player is on screen; pause when it is
   * scrolled away (and go on when it is back).
   */
  @property({ type: Boolean }) autoplay = false;

  /** Start again from the beginning at the end. */
  @property({ type: Boolean }) loop = false;

  /** Play only from here: seconds (`75`) or a clock time (`1:15`). */
  @property() start = '';

  /** Play only up to here: seconds or a clock time. */
  @property() end = '';

  /** `light`, `dark`, or `auto` (follows the system's `prefers-color-scheme`). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** `lazy`: fetch the recording only when the player comes near the viewport. */
  @property() loading: 'eager' | 'lazy' = 'eager';

  /** Hide the built-in control bar (for pages that drive the player themselves). */
  @property({ type: Boolean, attribute: 'without-controls', reflect: true }) withoutControls =
    false;

  /** Start with skipping of idle stretches off (it is on by default). */
  @property({ type: Boolean, attribute: 'without-skip-inactivity' }) withoutSkipInactivity = false;

  /** Replacement texts for the player and its controls (e.g. a translation); see ReplayLabels. */
  @property({ attribute: false }) labels?: Partial<ReplayLabels>;

  @state() private status: Status = 'empty';
  @state() private loadMessage = '';
  @state() private loadFraction?: number;
  @state() private view = { label: '', url: '', notice: '' };
  @state() private skipText = '';
  /** "PostHog is busy; retrying…" while the API is being retried. */
  @state() private apiNote = '';
  /** PostHog's metadata of the recording, when it came from the API. */
  @state() private metadata?: PostHogRecordingMetadata;
  @state() private helpOpen = false;
  @query('.stage') private stage!: HTMLElement;
  @query('.viewport') private viewportEl!: HTMLElement;

  private player?: ReplayPlayer;
  private decoded?: DecodedRecording;
  private loadAbort?: AbortController;
  private mediaError: ReplayMediaError | null = null;
  private rate = 1;
  private readiness = 0;
  private isSeeking = false;
  /** The latest seek target not yet applied (see seekTo), and the frame that applies it. */
  private pendingSeekMs?: number;
  private seekFrame = 0;
  private endedFlag = false;
  /** A position set before the recording was ready, in seconds. */
  private pendingTime?: number;
  private pendingPlays: { resolve(): void; reject(e: unknown): void }[] = [];
  /** Called when events are queued before the player exists (see arrivedUpTo). */
  private onQueuedAppend?: () => void;
  private queuedAppends: { events: RecordingEvent[]; report: DecodeReport; complete: boolean }[] =
    [];
  private lastTimeUpdate = 0;
  private skipTimer?: ReturnType<typeof setTimeout>;
  private pausedByScrolling = false;
  private readonly internals = this.attachInternals();
  private readonly fit = new FitController(
    this,
    () => this.viewportEl,
    () => this.stage,
  );
  private readonly visibility = new VisibilityController(this, {
    onNear: () =>
      this.loading === 'lazy' && this.readiness === 0 && !this.loadAbort && this.startLoad(),
    onVisibleChange: (visible) => this.onVisibleChange(visible),
  });

  // ---- Media element API -------------------------------------------------------------------

  /** Position in seconds; setting it seeks. */
  get currentTime(): number {
    if (this.pendingSeekMs !== undefined) return this.pendingSeekMs / 1000;
    if (this.player) return this.player.currentTimeMs / 1000;
    return this.pendingTime ?? 0;
  }
  set currentTime(seconds: number) {
    if (!Number.isFinite(seconds)) return;
    if (!this.player) {
      this.pendingTime = Math.max(0, seconds);
      return;
    }
    this.seekTo(seconds * 1000);
  }

  /** Length in seconds; NaN until the recording is decoded. */
  get duration(): number {
    return this.decoded ? this.durationMs() / 1000 : NaN;
  }

  /** True unless playing. */
  get paused(): boolean {
    return this.player?.paused ?? this.pendingPlays.length === 0;
  }

  /** True when playback stopped at the end. */
  get ended(): boolean {
    return this.endedFlag;
  }

  /** True between `seeking` and `seeked`. */
  get seeking(): boolean {
    return this.isSeeking;
  }

  /** 0 nothing, 1 metadata, 2 first frame, 4 everything loaded (HTMLMediaElement values). */
  get readyState(): number {
    return this.readiness;
  }

  /** The last failure as `{code, message}` (MediaError codes), or null. */
  get error(): ReplayMediaError | null {
    return this.mediaError;
  }

  /** Playback speed, 1 = real time. */
  get playbackRate(): number {
    return this.rate;
  }
  set playbackRate(rate: number) {
    if (!Number.isFinite(rate) || rate <= 0 || rate === this.rate) return;
    this.rate = rate;
    this.player?.setSpeed(rate);
    this.fire('ratechange');
  }

  /** The part of the recording that can be sought to (all of it, once decoded), as TimeRanges. */
  get seekable(): TimeRanges {
    return timeRanges(this.decoded ? [[0, this.duration]] : []);
  }

  /** The part of the recording loaded so far, as TimeRanges. */
  get buffered(): TimeRanges {
    if (!this.player) return this.seekable;
    return timeRanges([[0, this.player.loadedMs / 1000]]);
  }

  /** Jump over idle stretches (no input for 5 s or more) while playing. On by default. */
  get skipInactivity(): boolean {
    return !this.withoutSkipInactivity;
  }
  set skipInactivity(on: boolean) {
    this.withoutSkipInactivity = !on;
  }

  /** True while the player is in full screen. */
  get fullscreen(): boolean {
    return document.fullscreenElement === this;
  }

  /** Enters or leaves full screen. */
  toggleFullscreen(): void {
    const request = this.fullscreen ? document.exitFullscreen() : this.requestFullscreen();
    request.catch((error: unknown) => console.warn('<posthog-replay>: full screen refused', error));
  }

  /**
   * Idle stretches, markers (page views, clicks, console errors, custom events) and activity,
   * in seconds from the start of what is played. Null until decoded.
   */
  get timeline(): ReplayTimeline | null {
    const info = this.player?.timeline;
    if (!info) return null;
    return {
      inactive: info.inactive.map((r) => ({ start: r.startMs / 1000, end: r.endMs / 1000 })),
      markers: info.markers.map((m) => ({ time: m.timeMs / 1000, kind: m.kind, label: m.label })),
      activity: info.activity,
    };
  }

  /**
   * What the decoder found: format, windows, event counts, warnings. Null until decoded; while a
   * recording is still arriving, it covers what has arrived (complete at `canplaythrough`).
   */
  get report(): DecodeReport | null {
    return this.decoded?.report ?? null;
  }

  /** Starts playback; resolves once playing, rejects if the recording cannot be played. */
  play(): Promise<void> {
    if (this.mediaError)
      return Promise.reject(new DOMException(this.mediaError.message, 'NotSupportedError'));
    if (!this.player) {
      return new Promise((resolve, reject) => this.pendingPlays.push({ resolve, reject }));
    }
    this.startPlayback();
    return Promise.resolve();
  }

  /** Pauses playback. */
  pause(): void {
    if (this.pendingPlays.length) this.settlePendingPlays(new DOMException('Paused', 'AbortError'));
    if (!this.player || this.player.paused) return;
    this.player.pause();
    this.fire('pause');
  }

  // ---- Lifecycle ---------------------------------------------------------------------------

  constructor() {
    super();
    new HotkeysController(this, this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Focusable, so keyboard users can reach the shortcuts; a named region for screen readers.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.internals.role = 'region';
    this.internals.ariaKeyShortcuts = ARIA_KEYSHORTCUTS;
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    if (this.hasUpdated) this.startLoad();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadAbort = undefined;
    this.destroyPlayer();
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.internals.ariaLabel = labelsOf(this).player;
    // Here rather than in updated(): the loading state set by startLoad() renders in this update.
    const sources = ['src', 'recording', 'apiHost', 'projectId', 'recordingId'] as const;
    if (sources.some((name) => changed.has(name)) || !this.hasLoaded) this.startLoad();
    if ((changed.has('start') || changed.has('end')) && this.player) this.applyRange();
    if (changed.has('withoutSkipInactivity') && this.player)
      this.player.skipInactive = this.skipInactivity;
  }

  protected override updated(): void {
    this.syncStates();
  }

  /** Mirrors the player's state into CSS custom states (`:state(playing)` …). */
  private syncStates() {
    const states = this.internals.states;
    const set = (name: string, on: boolean) => (on ? states.add(name) : states.delete(name));
    set('loading', this.status === 'loading');
    set('error', this.status === 'error');
    set('playing', this.status === 'ready' && !this.paused);
    set('paused', this.paused);
    set('ended', this.endedFlag);
    set('skipping', Boolean(this.skipText));
    set('fullscreen', this.fullscreen);
  }

  private hasLoaded = false;

  /** Loads from `recording`, `src` or the inline script, whichever is given, in that order. */
  private startLoad() {
    this.hasLoaded = true;
    const source = this.currentSource();
    this.loadAbort?.abort();
    this.loadAbort = undefined;
    this.reset();
    if (!source) return;
    // Lazy players wait until they come near the viewport (VisibilityController calls again).
    if (this.loading === 'lazy' && !this.visibility.isNear) return;
    const abort = (this.loadAbort = new AbortController());
    void this.runLoad(source, abort.signal);
  }

  private currentSource(): PlayerSource | undefined {
    if (this.recording !== undefined && this.recording !== null) {
      return { kind: 'value', value: this.recording, label: 'the recording property' };
    }
    if (this.src) return { kind: 'url', url: this.src, init: this.fetchInit };
    if (this.apiHost && this.projectId && this.recordingId) {
      const { apiHost, projectId, recordingId, fetchInit, apiKey } = this;
      const ref = { apiHost, projectId, recordingId };
      return {
        kind: 'posthog',
        ref,
        fetchInit,
        apiKey,
        sharingToken: this.sharingToken || undefined,
      };
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline?.textContent?.trim()) {
      return { kind: 'value', value: inline.textContent, label: 'the inline recording' };
    }
    return undefined;
  }

  // ---- Loading -----------------------------------------------------------------------------

  private async runLoad(source: PlayerSource, signal: AbortSignal) {
    this.status = 'loading';
    this.loadMessage = labelsOf(this).loading;
    this.fire('loadstart');
    try {
      await loadSource(source, signal, {
        labels: labelsOf(this),
        onLoading: (message, fraction) => {
          this.loadMessage = message;
          this.loadFraction = fraction;
          this.fire('progress');
        },
        onApiNote: (note) => {
          if (!this.player && note) this.loadMessage = note;
          this.apiNote = note;
        },
        onMetadata: (metadata) => (this.metadata = metadata),
        start: (recording, timing, complete) =>
          this.showRecording(recording, timing, signal, complete),
        more: (events, report, complete) => this.appendEvents(events, report, complete),
        restart: () => this.restartRecording(),
        nearLiveEdge: () => !this.paused && this.duration - this.currentTime < 30,
      });
    } catch (error) {
      if (signal.aborted) return;
      this.fail(error);
    }
  }

  /** Events that arrived after the player started; queued while it is being built. */
  private appendEvents(events: RecordingEvent[], report: DecodeReport, complete: boolean) {
    if (!this.decoded) return;
    this.decoded = { events: this.decoded.events, report };
    if (!this.player) {
      this.queuedAppends.push({ events, report, complete });
      this.onQueuedAppend?.();
      return;
    }
    const before = this.player.durationMs;
    this.player.append(events, report, complete);
    if (this.player.durationMs !== before) this.fire('durationchange');
    this.fire('progress');
    // Before the first frame is announced, showRecording() reports completeness itself.
    if (complete && this.status === 'ready') {
      this.readiness = 4;
      this.fire('canplaythrough');
    }
  }

  /**
   * The decoder took back what it had given (data far out of order in the file): the player
   * starts again when the events come again, at the same position.
   */
  private restartRecording() {
    if (this.player) this.pendingTime = this.currentTime;
    this.dropRecording();
    this.status = 'loading';
  }

  /**
   * When the recording ends (epoch ms) by PostHog's metadata (from the API, or carried by a
   * bundle), so that while it arrives the seek bar spans all of it and shows what has arrived.
   */
  private expectedEnd(): number | undefined {
    const meta = this.metadata ?? this.decoded?.report.metadata;
    if (!meta) return undefined;
    const end = typeof meta.end_time === 'string' ? Date.parse(meta.end_time) : NaN;
    if (Number.isFinite(end)) return end;
    const start = typeof meta.start_time === 'string' ? Date.parse(meta.start_time) : NaN;
    const seconds = typeof meta.recording_duration === 'number' ? meta.recording_duration : NaN;
    return Number.isFinite(start + seconds) ? start + seconds * 1000 : undefined;
  }

  /** Resolves once the recording has arrived as far as `ms` (from its start), or entirely. */
  private arrivedUpTo(ms: number): Promise<void> {
    const arrived = () => {
      const report = this.decoded?.report;
      return (
        !report ||
        this.queuedAppends.some((q) => q.complete) ||
        report.endTimestamp - report.startTimestamp >= ms
      );
    };
    if (arrived()) return Promise.resolve();
    return new Promise((resolve) => {
      this.onQueuedAppend = () => {
        if (!arrived()) return;
        this.onQueuedAppend = undefined;
        resolve();
      };
    });
  }

  private async showRecording(
    decoded: DecodedRecording,
    timing: LoadTiming,
    signal: AbortSignal,
    complete = true,
  ) {
    this.decoded = decoded;
    this.readiness = 1;
    this.fire('durationchange');
    this.dispatchEvent(
      new CustomEvent('loadedmetadata', { detail: { report: decoded.report, timing } }),
    );
    await this.updateComplete;
    // A clip (`start`) begins where the recording has not arrived yet: its first frame is the
    // one to show, so wait for it.
    await this.arrivedUpTo((parseClockTime(this.start) ?? 0) * 1000);
    if (signal.aborted || this.decoded?.events !== decoded.events) return;
    const player = new ReplayPlayer(
      this.stage,
      decoded,
      {
        onTimeUpdate: () => this.onPlayerTime(),
        onEnded: () => this.onPlayerEnded(),
        onViewChange: () => this.onViewChange(),
        onSkip: (from, to) => this.onSkip(from, to),
        onWaitingChange: (waiting) => this.fire(waiting ? 'waiting' : 'playing'),
      },
      { complete },
    );
    this.player = player;
    player.expectEnd(this.expectedEnd());
    for (const queued of this.queuedAppends.splice(0)) {
      this.player.append(queued.events, queued.report, queued.complete);
    }
    this.player.setSpeed(this.rate);
    this.player.skipInactive = this.skipInactivity;
    this.applyRange(false);
    if (this.pendingTime !== undefined) this.player.seek(this.pendingTime * 1000);
    this.pendingTime = undefined;
    // The Replayer rebuilds the first page in a timer; two frames later it is painted.
    await nextFrame();
    await nextFrame();
    if (signal.aborted || this.player !== player) return;
    this.status = 'ready';
    const loadedAll = this.player.complete;
    this.readiness = loadedAll ? 4 : 3;
    this.onViewChange();
    this.fire('loadeddata');
    this.fire('canplay');
    if (loadedAll) this.fire('canplaythrough');
    if ((this.autoplay && this.visibility.isVisible) || this.pendingPlays.length)
      this.startPlayback();
  }

  /** The clip to play, from `start` and `end`, in ms from the recording's start. */
  // ---- Playback ----------------------------------------------------------------------------

  private clipRange(): { startMs: number; endMs: number } {
    const report = this.decoded?.report;
    const totalMs = report ? Math.max(0, report.endTimestamp - report.startTimestamp) : 0;
    const startMs = Math.min(totalMs, Math.max(0, (parseClockTime(this.start) ?? 0) * 1000));
    const endSeconds = parseClockTime(this.end);
    const endMs =
      endSeconds === undefined ? totalMs : Math.min(totalMs, Math.max(startMs, endSeconds * 1000));
    return { startMs, endMs };
  }

  private applyRange(announce = true) {
    const { startMs } = this.clipRange();
    // Without `end` the range follows the recording as more of it arrives; with it, the end is
    // given as asked and the player clamps it to what has arrived so far.
    const endSeconds = parseClockTime(this.end);
    const endMs = endSeconds === undefined ? undefined : Math.max(startMs, endSeconds * 1000);
    this.player?.setRange(startMs, endMs);
    if (announce) {
      this.fire('durationchange');
      this.fire('timeupdate');
    }
  }

  private onSkip(fromMs: number, toMs: number) {
    const seconds = Math.round((toMs - fromMs) / 1000);
    this.skipText = labelsOf(this).skipped(seconds);
    clearTimeout(this.skipTimer);
    this.skipTimer = setTimeout(() => (this.skipText = ''), 2000);
    this.dispatchEvent(
      new CustomEvent('inactivityskip', { detail: { from: fromMs / 1000, to: toMs / 1000 } }),
    );
  }

  private onVisibleChange(visible: boolean) {
    if (!this.autoplay || this.status !== 'ready') return;
    if (
      visible &&
      this.paused &&
      (this.pausedByScrolling || this.currentTime === 0) &&
      !this.endedFlag
    ) {
      this.pausedByScrolling = false;
      this.startPlayback();
    } else if (!visible && !this.paused) {
      this.pausedByScrolling = true;
      this.pause();
    }
  }

  private readonly onFullscreenChange = () => {
    this.syncStates();
    this.requestUpdate();
  };

  /** Toggles the keyboard shortcuts overlay. */
  toggleHelp(): void {
    this.helpOpen = !this.helpOpen;
  }

  private startPlayback() {
    const player = this.player;
    if (!player || !player.paused) return this.settlePendingPlays();
    if (this.endedFlag || player.currentTimeMs >= player.durationMs) player.seek(0);
    this.endedFlag = false;
    player.play();
    this.fire('play');
    this.fire('playing');
    this.settlePendingPlays();
  }

  private settlePendingPlays(error?: unknown) {
    const plays = this.pendingPlays;
    this.pendingPlays = [];
    for (const p of plays) {
      if (error) p.reject(error);
      else p.resolve();
    }
  }

  /**
   * Seeks are coalesced: the first is applied at once, and any that come before the next frame
   * (a scrubbing pointer, media-chrome's range) are folded into one, the latest, then.
   */
  private seekTo(ms: number) {
    if (!this.player) return;
    this.endedFlag = false;
    this.pendingSeekMs = ms;
    if (!this.isSeeking) {
      this.isSeeking = true;
      this.fire('seeking');
    }
    if (this.seekFrame) return;
    this.applyPendingSeek();
    this.seekFrame = requestAnimationFrame(this.finishSeek);
  }

  private applyPendingSeek() {
    const ms = this.pendingSeekMs;
    this.pendingSeekMs = undefined;
    if (ms === undefined || !this.player) return;
    try {
      this.player.seek(ms);
    } catch (error) {
      console.warn('<posthog-replay>: seeking failed', error);
    }
  }

  private readonly finishSeek = () => {
    if (this.pendingSeekMs !== undefined) {
      this.applyPendingSeek();
      this.seekFrame = requestAnimationFrame(this.finishSeek);
      return;
    }
    this.seekFrame = 0;
    this.isSeeking = false;
    this.fire('timeupdate');
    this.fire('seeked');
  };

  private onPlayerTime() {
    // Like <video>: timeupdate about every 100 ms while playing, not every frame.
    const now = performance.now();
    if (this.player?.paused || now - this.lastTimeUpdate >= 100) {
      this.lastTimeUpdate = now;
      this.onViewChange();
      this.fire('timeupdate');
    }
  }

  private onPlayerEnded() {
    if (this.loop) {
      this.player?.seek(0);
      this.player?.play();
      return;
    }
    this.endedFlag = true;
    this.fire('timeupdate');
    this.fire('pause');
    this.fire('ended');
  }

  private onViewChange() {
    const view = this.player?.view;
    if (!view) return;
    const label =
      view.windowCount > 1 && view.window
        ? `Window ${view.window.index} of ${view.windowCount}`
        : '';
    const hidden = this.player?.unplayableWindows.length ?? 0;
    const notice = hidden
      ? `${hidden} window${hidden === 1 ? '' : 's'} cannot be shown: no full snapshot was recorded`
      : '';
    if (label !== this.view.label || view.url !== this.view.url || notice !== this.view.notice) {
      this.view = { label, url: view.url, notice };
    }
    this.fit.setContentSize(view.width, view.height);
  }

  private fail(error: unknown) {
    this.destroyPlayer();
    this.mediaError =
      error instanceof ReplayMediaError
        ? error
        : new ReplayMediaError(
            3,
            `The recording could not be played: ${error instanceof Error ? error.message : String(error)}`,
          );
    this.status = 'error';
    this.readiness = 0;
    this.settlePendingPlays(new DOMException(this.mediaError.message, 'NotSupportedError'));
    this.fire('error');
  }

  /** Back to an empty player before a new load. */
  private reset() {
    const hadData = this.readiness > 0 || this.decoded;
    this.dropRecording();
    this.metadata = undefined;
    this.apiNote = '';
    this.mediaError = null;
    this.endedFlag = false;
    this.status = 'empty';
    this.loadFraction = undefined;
    if (hadData) this.fire('emptied');
  }

  /** Forgets the decoded recording and its player (a new load, or the decoder starting again). */
  private dropRecording() {
    this.destroyPlayer();
    this.decoded = undefined;
    this.queuedAppends = [];
    this.onQueuedAppend = undefined;
    this.readiness = 0;
  }

  private destroyPlayer() {
    this.player?.destroy();
    this.player = undefined;
    cancelAnimationFrame(this.seekFrame);
    this.seekFrame = 0;
    this.pendingSeekMs = undefined;
    this.isSeeking = false;
  }

  private durationMs(): number {
    if (this.player) return this.player.durationMs;
    const { startMs, endMs } = this.clipRange();
    return endMs - startMs;
  }

  private fire(type: string) {
    if (type !== 'timeupdate' && type !== 'progress') {
      this.syncStates();
      this.requestUpdate();
    }
    this.dispatchEvent(new Event(type));
  }

  private onViewportClick(event: Event) {
    if (this.status !== 'ready' || event.composedPath().some((n) => n instanceof HTMLButtonElement))
      return;
    if (this.paused) void this.play();
    else this.pause();
  }

  // ---- Rendering ---------------------------------------------------------------------------

  override render(): TemplateResult {
    const labels = labelsOf(this);
    const ready = this.status === 'ready';
    const atStart = ready && this.paused && this.currentTime === 0 && !this.endedFlag;
    return html`
      ${views.windowBar({
        ...this.view,
        notice: [this.view.notice, this.apiNote].filter(Boolean).join(' · '),
        recording: views.describeMetadata(
          this.metadata ?? this.decoded?.report.metadata,
          this.showPerson,
        ),
      })}
      <div part="viewport" class="viewport" @click=${this.onViewportClick}>
        <div class="stage"></div>
        ${this.status === 'loading' ? views.loadingView(this.loadMessage, this.loadFraction) : nothing}
        ${this.status === 'error' && this.mediaError ? views.errorView(labels, this.mediaError.message) : nothing}
        ${atStart ? views.posterButton(labels, () => void this.play().catch(() => {})) : nothing}
        ${this.skipText ? views.skipHint(this.skipText) : nothing}
        ${this.helpOpen ? views.helpView(labels, () => this.toggleHelp()) : nothing}
      </div>
      <div part="controls" class="controls" ?hidden=${this.withoutControls}>
        <slot name="controls">${views.controlBar()}</slot>
      </div>
      <slot hidden></slot>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay': PostHogReplay;
  }
}
