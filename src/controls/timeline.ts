import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { formatClock, formatSpoken } from '../utils/format-time.js';
import { controlStyles } from './control.styles.js';
import { timelineStyles } from './timeline.styles.js';
import { ReplayControl, type ReplayTimeline } from './replay-control.js';

const KEY_STEP_S = 5;
type Marker = ReplayTimeline['markers'][number];

/**
 * The seek bar: click or drag (mouse, pen, touch) to seek, a tooltip with the time under the
 * pointer, idle stretches drawn apart, an activity strip, and markers for page views, clicks,
 * console errors and custom events (tooltip, click to seek). For keyboards and screen readers
 * it is a slider: ←/→ 5 s, PageUp/PageDown 10 %, Home/End.
 *
 * @tagname posthog-replay-timeline
 * @summary Seek bar with activity, idle stretches and markers.
 * @csspart slider - The focusable slider (`role="slider"`).
 * @csspart track - The full-length track.
 * @csspart buffered - The part of the track whose data has arrived (all of it once loaded).
 * @csspart progress - The played part of the track.
 * @csspart inactive - An idle stretch on the track.
 * @csspart thumb - The handle.
 * @csspart activity - The activity strip above the track.
 * @csspart marker - A marker button (`data-kind` is pageview, click, error or custom).
 * @csspart tooltip - The tooltip (time under the pointer, or a marker's label).
 * @cssproperty --posthog-replay-track-color - Colour of the unplayed track that has arrived.
 * @cssproperty --posthog-replay-unloaded-color - Colour of the track not yet arrived (a recording still downloading).
 * @cssproperty --posthog-replay-track-height - Height of the track.
 * @cssproperty --posthog-replay-progress-color - Colour of the played track (default: accent).
 * @cssproperty --posthog-replay-thumb-size - Diameter of the handle.
 * @cssproperty --posthog-replay-inactive-color - Colour of idle stretches.
 * @cssproperty --posthog-replay-activity-color - Colour of the activity strip.
 * @cssproperty --posthog-replay-marker-color - Colour of markers (per kind: `--posthog-replay-marker-error-color`, `…-pageview-…`, `…-click-…`, `…-custom-…`).
 */
export class PostHogReplayTimeline extends ReplayControl {
  static override styles = [controlStyles, timelineStyles, css``];

  @query('[part="slider"]') private slider!: HTMLElement;
  @state() private hover?: { x: number; text: string };
  private dragging = false;
  private pendingSeek?: number;
  private seekFrame = 0;

  override render(): TemplateResult {
    const player = this.player;
    const duration = player && Number.isFinite(player.duration) ? player.duration : 0;
    const current = Math.min(duration, player?.currentTime ?? 0);
    const ranges = player?.buffered;
    const loaded = ranges && ranges.length > 0 ? ranges.end(ranges.length - 1) : duration;
    const pct = (t: number) => `${((duration > 0 ? t / duration : 0) * 100).toFixed(3)}%`;
    const timeline = player?.timeline ?? undefined;
    const { timeOf, seek } = this.labels;
    return html`<div class="timeline">
      ${timeline && duration > 0 ? this.renderActivity(timeline.activity) : nothing}
      <div
        part="slider"
        role="slider"
        tabindex=${duration > 0 ? '0' : '-1'}
        aria-label=${seek}
        aria-valuemin="0"
        aria-valuemax=${Math.round(duration)}
        aria-valuenow=${Math.round(current)}
        aria-valuetext=${timeOf(formatSpoken(current * 1000), formatSpoken(duration * 1000))}
        aria-disabled=${duration > 0 ? 'false' : 'true'}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End PageUp PageDown"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @pointerleave=${() => (this.hover = undefined)}
        @keydown=${this.onKeyDown}
      >
        <div part="track">
          ${(timeline?.inactive ?? []).map(
            (r) =>
              html`<div
                part="inactive"
                style="left:${pct(r.start)};width:${pct(r.end - r.start)}"
              ></div>`,
          )}
          <div part="buffered" style="width:${pct(Math.min(duration, loaded))}"></div>
          <div part="progress" style="width:${pct(current)}"></div>
        </div>
        <div part="thumb" style="left:${pct(current)}"></div>
      </div>
      ${timeline && duration > 0 ? this.renderMarkers(timeline.markers, duration) : nothing}
      ${
        this.hover
          ? html`<div part="tooltip" role="presentation" style="left:${this.hover.x}px">
              ${this.hover.text}
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderActivity(activity: number[]) {
    if (activity.length === 0) return nothing;
    const step = 100 / activity.length;
    const points = activity.map(
      (a, i) => `${(i * step + step / 2).toFixed(2)},${(10 - a * 9).toFixed(2)}`,
    );
    return html`<svg
      part="activity"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      ${svg`<polygon points=${`0,10 ${points.join(' ')} 100,10`}></polygon>`}
    </svg>`;
  }

  private renderMarkers(markers: Marker[], duration: number) {
    return html`<div class="markers">
      ${markers.map((m) => {
        const left = `${((m.time / duration) * 100).toFixed(3)}%`;
        const label = `${m.label} (${formatClock(m.time * 1000)})`;
        // Clicks are many and small: pointer targets only; the rest can be reached with Tab.
        return html`<button
          part="marker"
          type="button"
          data-kind=${m.kind}
          style="left:${left}"
          aria-label=${label}
          tabindex=${m.kind === 'click' ? '-1' : '0'}
          @click=${() => this.seekNow(m.time)}
          @pointerenter=${(e: PointerEvent) => this.showTooltip(e.currentTarget as HTMLElement, label)}
          @focus=${(e: FocusEvent) => this.showTooltip(e.currentTarget as HTMLElement, label)}
          @pointerleave=${() => (this.hover = undefined)}
          @blur=${() => (this.hover = undefined)}
        ></button>`;
      })}
    </div>`;
  }

  private showTooltip(target: HTMLElement, text: string) {
    const box = target.getBoundingClientRect();
    const own = this.getBoundingClientRect();
    this.hover = { x: box.left + box.width / 2 - own.left, text };
  }

  private timeAt(clientX: number): number {
    const rect = this.slider.getBoundingClientRect();
    const fraction = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
    return Math.min(1, Math.max(0, fraction)) * (this.player?.duration ?? 0);
  }

  private seekNow(seconds: number) {
    if (this.player) this.player.currentTime = seconds;
  }

  /** Seeks at most once per frame while scrubbing: only the latest position is applied. */
  private seekTo(seconds: number) {
    this.pendingSeek = seconds;
    if (this.seekFrame) return;
    this.seekFrame = requestAnimationFrame(() => {
      this.seekFrame = 0;
      if (this.pendingSeek !== undefined) this.seekNow(this.pendingSeek);
    });
  }

  private onPointerDown(event: PointerEvent) {
    if (!this.player || !(this.player.duration > 0) || event.button !== 0) return;
    this.dragging = true;
    this.slider.setPointerCapture?.(event.pointerId);
    this.seekTo(this.timeAt(event.clientX));
  }

  private onPointerMove(event: PointerEvent) {
    const duration = this.player?.duration ?? 0;
    if (duration > 0) {
      const own = this.getBoundingClientRect();
      this.hover = {
        x: event.clientX - own.left,
        text: formatClock(this.timeAt(event.clientX) * 1000),
      };
    }
    if (this.dragging) this.seekTo(this.timeAt(event.clientX));
  }

  private onPointerUp(event: PointerEvent) {
    if (!this.dragging) return;
    this.dragging = false;
    this.slider.releasePointerCapture?.(event.pointerId);
  }

  private onKeyDown(event: KeyboardEvent) {
    const player = this.player;
    if (!player || !(player.duration > 0)) return;
    const { currentTime: now, duration } = player;
    const targets: Record<string, number> = {
      ArrowLeft: now - KEY_STEP_S,
      ArrowDown: now - KEY_STEP_S,
      ArrowRight: now + KEY_STEP_S,
      ArrowUp: now + KEY_STEP_S,
      PageDown: now - duration / 10,
      PageUp: now + duration / 10,
      Home: 0,
      End: duration,
    };
    if (!(event.key in targets)) return;
    event.preventDefault();
    event.stopPropagation();
    this.seekNow(Math.min(duration, Math.max(0, targets[event.key])));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-timeline': PostHogReplayTimeline;
  }
}
