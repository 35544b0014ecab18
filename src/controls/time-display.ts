import { css, html, type TemplateResult } from 'lit';
import { formatClock } from '../utils/format-time.js';
import { controlStyles } from './control.styles.js';
import { ReplayControl } from './replay-control.js';

/**
 * Shows the current time and the total ("1:05 / 3:02").
 *
 * @tagname posthog-replay-time-display
 * @summary Current / total time.
 * @csspart time - The text.
 */
export class PostHogReplayTimeDisplay extends ReplayControl {
  static override styles = [
    controlStyles,
    css`
      span {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        font-size: var(--posthog-replay-time-font-size, 13px);
        padding: 0 4px;
      }
    `,
  ];

  override render(): TemplateResult {
    const player = this.player;
    const duration = player?.duration ?? NaN;
    const current = formatClock((player?.currentTime ?? 0) * 1000);
    const total = Number.isFinite(duration) ? formatClock(duration * 1000) : '-:--';
    return html`<span part="time">${current} / ${total}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-time-display': PostHogReplayTimeDisplay;
  }
}
