import { css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatClock } from '../utils/format-time.js';
import { controlStyles } from './control.styles.js';
import { ReplayControl } from './replay-control.js';

/**
 * Shows the current time and the total ("1:05 / 3:02"); a click switches to the time remaining
 * ("-1:57 / 3:02") and back.
 *
 * @tagname posthog-replay-time-display
 * @summary Current / total time.
 * @csspart button - The clickable text.
 */
export class PostHogReplayTimeDisplay extends ReplayControl {
  static override styles = [
    controlStyles,
    css`
      [part='button'] {
        width: auto;
        padding: 0 6px;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        font-size: var(--posthog-replay-time-font-size, 13px);
      }
    `,
  ];

  /** Show the time remaining instead of the time played. */
  @property({ type: Boolean, reflect: true }) remaining = false;

  override render(): TemplateResult {
    const player = this.player;
    const duration = player?.duration ?? NaN;
    const known = Number.isFinite(duration);
    const current = (player?.currentTime ?? 0) * 1000;
    const shown =
      this.remaining && known ? `-${formatClock(duration * 1000 - current)}` : formatClock(current);
    const total = known ? formatClock(duration * 1000) : '-:--';
    return html`<button
      part="button"
      type="button"
      aria-label=${`${shown} / ${total}. ${this.labels.remaining}`}
      aria-pressed=${this.remaining ? 'true' : 'false'}
      @click=${() => (this.remaining = !this.remaining)}
    >
      ${shown} / ${total}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-time-display': PostHogReplayTimeDisplay;
  }
}
