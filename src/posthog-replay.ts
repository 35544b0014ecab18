import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ReplayMediaError } from './core/media-error.js';
import { ReplayPlayer } from './core/replay-player.js';
import type { DecodedRecording, DecodeReport } from './formats/types.js';
import { formatBytes } from './loader/fetch-recording.js';
import { loadRecording, type RecordingSource } from './loader/load-recording.js';
import { playerStyles } from './posthog-replay.styles.js';
import { FitController } from './fit-controller.js';

type Status = 'empty' | 'loading' | 'ready' | 'error';

/** Timing of a load, in ms, sent with `loadedmetadata`. */
export interface LoadTiming {
  fetchMs: number;
  decodeMs: number;
}

/**
 * Plays a PostHog session recording (or any rrweb recording) from a URL, a value, or an inline
 * `<script type="application/json">` child. Behaves like a media element: `play()`, `pause()`,
 * `currentTime`, `duration` and the standard media events.
 *
 * The recording is untrusted: it is rebuilt in an iframe sandboxed without `allow-scripts`.
 *
 * @tagname posthog-replay
 * @summary Session replay player.
 *
 * @slot controls - Replaces the built-in control bar.
 * @slot - An inline `<script type="application/json">` holding a recording (not rendered).
 *
 * @csspart viewport - The area the recording is shown in.
 * @csspart controls - The control bar.
 * @csspart status - The loading and error messages over the viewport.
 * @csspart window-bar - The bar above the viewport: window label and page address.
 * @csspart window-label - "Window 2 of 3", shown when the recording spans several windows.
 * @csspart url - The address of the page on screen.
 * @csspart notice - Says when a window of the recording cannot be shown.
 *
 * @cssproperty --posthog-replay-accent-color - Accent colour (progress, thumb, focus ring).
 * @cssproperty --posthog-replay-background - Background of the player and around the page.
 * @cssproperty --posthog-replay-control-bar-background - Background of the control bar.
 * @cssproperty --posthog-replay-control-color - Colour of the controls' icons and text.
 * @cssproperty --posthog-replay-font-family - Font of the controls and messages.
 * @cssproperty --posthog-replay-radius - Corner radius of the player and its buttons.
 *
 * @event loadstart - Loading began.
 * @event progress - More bytes arrived, or decoding moved on.
 * @event durationchange - `duration` changed.
 * @event loadedmetadata - The recording is decoded; `detail` is `{report, timing}`.
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
 * @event ended - Playback reached the end.
 * @event emptied - The recording was unloaded (new `src`).
 * @event error - Loading or decoding failed; see `error`.
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

  /** Options for the `fetch` of `src` (headers, credentials). */
  @property({ attribute: false }) fetchInit?: RequestInit;

  /** Start playing as soon as the recording can play. */
  @property({ type: Boolean }) autoplay = false;

  /** Start again from the beginning at the end. */
  @property({ type: Boolean }) loop = false;

  @state() private status: Status = 'empty';
  @state() private loadMessage = '';
  @state() private loadFraction?: number;
  @state() private view = { label: '', url: '', notice: '' };
  @query('.stage') private stage!: HTMLElement;
  @query('.viewport') private viewportEl!: HTMLElement;

  private player?: ReplayPlayer;
  private decoded?: DecodedRecording;
  private loadAbort?: AbortController;
  private mediaError: ReplayMediaError | null = null;
  private rate = 1;
  private readiness = 0;
  private isSeeking = false;
  private endedFlag = false;
  /** A position set before the recording was ready, in seconds. */
  private pendingTime?: number;
  private pendingPlays: { resolve(): void; reject(e: unknown): void }[] = [];
  private lastTimeUpdate = 0;
  private readonly fit = new FitController(
    this,
    () => this.viewportEl,
    () => this.stage,
  );

  // ---- Media element API -------------------------------------------------------------------

  /** Position in seconds; setting it seeks. */
  get currentTime(): number {
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

  /** What the decoder found: format, windows, event counts, warnings. Null until decoded. */
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

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.startLoad();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.destroyPlayer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Here rather than in updated(): the loading state set by startLoad() renders in this update.
    if (changed.has('src') || changed.has('recording') || !this.hasLoaded) this.startLoad();
  }

  private hasLoaded = false;

  /** Loads from `recording`, `src` or the inline script, whichever is given, in that order. */
  private startLoad() {
    this.hasLoaded = true;
    const source = this.currentSource();
    this.loadAbort?.abort();
    this.reset();
    if (!source) return;
    const abort = (this.loadAbort = new AbortController());
    void this.runLoad(source, abort.signal);
  }

  private currentSource(): RecordingSource | undefined {
    if (this.recording !== undefined && this.recording !== null) {
      return { kind: 'value', value: this.recording, label: 'the recording property' };
    }
    if (this.src) return { kind: 'url', url: this.src, init: this.fetchInit };
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline?.textContent?.trim()) {
      return { kind: 'value', value: inline.textContent, label: 'the inline recording' };
    }
    return undefined;
  }

  private async runLoad(source: RecordingSource, signal: AbortSignal) {
    const started = performance.now();
    let fetched = started;
    this.status = 'loading';
    this.loadMessage = 'Loading recording…';
    this.fire('loadstart');
    try {
      const decoded = await loadRecording(source, {
        signal,
        onFetchProgress: ({ loaded, total }) => {
          fetched = performance.now();
          this.loadFraction = total ? (0.5 * loaded) / total : undefined;
          this.loadMessage = `Loading recording… ${formatBytes(loaded)}${total ? ` of ${formatBytes(total)}` : ''}`;
          this.fire('progress');
        },
        onDecodeProgress: ({ fraction }) => {
          if (fetched === started) fetched = performance.now();
          this.loadFraction = fraction === undefined ? undefined : 0.5 + fraction / 2;
          this.loadMessage = 'Decoding recording…';
          this.fire('progress');
        },
      });
      if (signal.aborted) return;
      const timing: LoadTiming = {
        fetchMs: Math.round(fetched - started),
        decodeMs: Math.round(performance.now() - fetched),
      };
      await this.showRecording(decoded, timing, signal);
    } catch (error) {
      if (signal.aborted) return;
      this.fail(error);
    }
  }

  private async showRecording(decoded: DecodedRecording, timing: LoadTiming, signal: AbortSignal) {
    this.decoded = decoded;
    this.readiness = 1;
    this.fire('durationchange');
    this.dispatchEvent(
      new CustomEvent('loadedmetadata', { detail: { report: decoded.report, timing } }),
    );
    await this.updateComplete;
    this.player = new ReplayPlayer(this.stage, decoded, {
      onTimeUpdate: () => this.onPlayerTime(),
      onEnded: () => this.onPlayerEnded(),
      onViewChange: () => this.onViewChange(),
    });
    this.player.setSpeed(this.rate);
    if (this.pendingTime !== undefined) this.player.seek(this.pendingTime * 1000);
    this.pendingTime = undefined;
    // The Replayer rebuilds the first page in a timer; two frames later it is painted.
    await nextFrame();
    await nextFrame();
    if (signal.aborted) return;
    this.status = 'ready';
    this.readiness = 4;
    this.onViewChange();
    this.fire('loadeddata');
    this.fire('canplay');
    this.fire('canplaythrough');
    if (this.autoplay || this.pendingPlays.length) this.startPlayback();
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

  private seekTo(ms: number) {
    const player = this.player;
    if (!player) return;
    this.endedFlag = false;
    this.isSeeking = true;
    this.fire('seeking');
    try {
      player.seek(ms);
    } catch (error) {
      console.warn('<posthog-replay>: seeking failed', error);
    }
    requestAnimationFrame(() => {
      this.isSeeking = false;
      this.fire('timeupdate');
      this.fire('seeked');
    });
  }

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
    this.destroyPlayer();
    this.decoded = undefined;
    this.mediaError = null;
    this.readiness = 0;
    this.endedFlag = false;
    this.status = 'empty';
    this.loadFraction = undefined;
    if (hadData) this.fire('emptied');
  }

  private destroyPlayer() {
    this.player?.destroy();
    this.player = undefined;
  }

  private durationMs(): number {
    const report = this.decoded?.report;
    return report ? Math.max(0, report.endTimestamp - report.startTimestamp) : 0;
  }

  private fire(type: string) {
    this.dispatchEvent(new Event(type));
  }

  private onViewportClick() {
    if (this.status !== 'ready') return;
    if (this.paused) void this.play();
    else this.pause();
  }

  // ---- Rendering ---------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`
      ${this.renderWindowBar()}
      <div part="viewport" class="viewport" @click=${this.onViewportClick}>
        <div class="stage"></div>
        ${this.renderStatus()}
      </div>
      <div part="controls" class="controls">
        <slot name="controls">
          <posthog-replay-play-button></posthog-replay-play-button>
          <posthog-replay-timeline></posthog-replay-timeline>
          <posthog-replay-time-display></posthog-replay-time-display>
        </slot>
      </div>
      <slot hidden></slot>
    `;
  }

  private renderWindowBar() {
    const { label, url, notice } = this.view;
    if (!label && !url && !notice) return nothing;
    return html`<div part="window-bar" class="window-bar">
      ${label ? html`<span part="window-label" class="window-label">${label}</span>` : nothing}
      <span part="url" class="url" title=${url}>${url}</span>
      ${notice ? html`<span part="notice" class="notice" role="note">${notice}</span>` : nothing}
    </div>`;
  }

  private renderStatus() {
    if (this.status === 'loading') {
      const fraction = this.loadFraction;
      return html`<div part="status" class="status" role="status">
        <p>${this.loadMessage}</p>
        <div class="progress ${fraction === undefined ? 'indeterminate' : ''}">
          <div style="width:${((fraction ?? 0.3) * 100).toFixed(1)}%"></div>
        </div>
      </div>`;
    }
    if (this.status === 'error' && this.mediaError) {
      return html`<div part="status" class="status error" role="alert">
        <p class="title">This recording can't be played</p>
        <p>${this.mediaError.message}</p>
      </div>`;
    }
    return nothing;
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay': PostHogReplay;
  }
}
