import { css, html, type TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import { formatSpoken } from '../utils/format-time.js';
import { controlStyles } from './control.styles.js';
import { ReplayControl } from './replay-control.js';

const KEY_STEP_S = 5;

/**
 * The seek bar: click or drag to seek; a slider for keyboards and screen readers
 * (←/→ 5 s, PageUp/PageDown 10 %, Home/End).
 *
 * @tagname posthog-replay-timeline
 * @summary Seek bar.
 * @csspart slider - The focusable slider (`role="slider"`).
 * @csspart track - The full-length track.
 * @csspart progress - The played part of the track.
 * @csspart thumb - The handle.
 * @cssproperty --posthog-replay-track-color - Colour of the unplayed track.
 * @cssproperty --posthog-replay-accent-color - Colour of the played track and thumb.
 */
export class PostHogReplayTimeline extends ReplayControl {
  static override styles = [
    controlStyles,
    css`
      :host {
        flex: 1;
        min-width: 60px;
      }
      [part='slider'] {
        position: relative;
        flex: 1;
        height: 24px;
        display: flex;
        align-items: center;
        cursor: pointer;
        touch-action: none;
        border-radius: 4px;
      }
      [part='track'] {
        position: absolute;
        inset: auto 0;
        height: var(--posthog-replay-track-height, 4px);
        border-radius: 999px;
        background: var(--posthog-replay-track-color, rgb(127 127 127 / 0.35));
        overflow: hidden;
      }
      [part='progress'] {
        height: 100%;
        background: var(--posthog-replay-accent-color, #1d4aff);
      }
      [part='thumb'] {
        position: absolute;
        width: var(--posthog-replay-thumb-size, 12px);
        height: var(--posthog-replay-thumb-size, 12px);
        margin-left: calc(var(--posthog-replay-thumb-size, 12px) / -2);
        border-radius: 50%;
        background: var(--posthog-replay-accent-color, #1d4aff);
        box-shadow: 0 0 0 2px var(--posthog-replay-thumb-border-color, white);
      }
    `,
  ];

  @query('[part="slider"]') private slider!: HTMLElement;
  private dragging = false;
  private pendingSeek?: number;
  private seekFrame = 0;

  override render(): TemplateResult {
    const player = this.player;
    const duration = player && Number.isFinite(player.duration) ? player.duration : 0;
    const current = Math.min(duration, player?.currentTime ?? 0);
    const fraction = duration > 0 ? current / duration : 0;
    const percent = `${(fraction * 100).toFixed(3)}%`;
    return html`<div
      part="slider"
      role="slider"
      tabindex=${duration > 0 ? '0' : '-1'}
      aria-label="Seek"
      aria-valuemin="0"
      aria-valuemax=${Math.round(duration)}
      aria-valuenow=${Math.round(current)}
      aria-valuetext=${`${formatSpoken(current * 1000)} of ${formatSpoken(duration * 1000)}`}
      aria-disabled=${duration > 0 ? 'false' : 'true'}
      @pointerdown=${this.onPointerDown}
      @pointermove=${this.onPointerMove}
      @pointerup=${this.onPointerUp}
      @pointercancel=${this.onPointerUp}
      @keydown=${this.onKeyDown}
    >
      <div part="track"><div part="progress" style="width:${percent}"></div></div>
      <div part="thumb" style="left:${percent}"></div>
    </div>`;
  }

  private timeAt(clientX: number): number {
    const rect = this.slider.getBoundingClientRect();
    const fraction = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
    return Math.min(1, Math.max(0, fraction)) * (this.player?.duration ?? 0);
  }

  /** Seeks at most once per frame while scrubbing: only the latest position is applied. */
  private seekTo(seconds: number) {
    this.pendingSeek = seconds;
    if (this.seekFrame) return;
    this.seekFrame = requestAnimationFrame(() => {
      this.seekFrame = 0;
      if (this.player && this.pendingSeek !== undefined) this.player.currentTime = this.pendingSeek;
    });
  }

  private onPointerDown(event: PointerEvent) {
    if (!this.player || !(this.player.duration > 0) || event.button !== 0) return;
    this.dragging = true;
    this.slider.setPointerCapture?.(event.pointerId);
    this.seekTo(this.timeAt(event.clientX));
  }

  private onPointerMove(event: PointerEvent) {
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
    const steps: Record<string, number> = {
      ArrowLeft: player.currentTime - KEY_STEP_S,
      ArrowDown: player.currentTime - KEY_STEP_S,
      ArrowRight: player.currentTime + KEY_STEP_S,
      ArrowUp: player.currentTime + KEY_STEP_S,
      PageDown: player.currentTime - player.duration / 10,
      PageUp: player.currentTime + player.duration / 10,
      Home: 0,
      End: player.duration,
    };
    if (!(event.key in steps)) return;
    event.preventDefault();
    event.stopPropagation();
    player.currentTime = Math.min(player.duration, Math.max(0, steps[event.key]));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-timeline': PostHogReplayTimeline;
  }
}
