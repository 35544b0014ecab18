import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { backIcon, forwardIcon } from './icons.js';
import { controlStyles } from './control.styles.js';
import { ReplayControl } from './replay-control.js';

/**
 * Jumps back or forward by `offset` seconds (negative = back).
 *
 * @tagname posthog-replay-seek-button
 * @summary Jump back / forward button.
 * @csspart button - The native button.
 * @csspart icon - The icon.
 * @slot icon - Replaces the icon.
 */
export class PostHogReplaySeekButton extends ReplayControl {
  static override styles = controlStyles;

  /** Seconds to jump; negative jumps back. */
  @property({ type: Number }) offset = 10;

  override render(): TemplateResult {
    const back = this.offset < 0;
    const seconds = Math.abs(this.offset);
    const label = back ? this.labels.back(seconds) : this.labels.forward(seconds);
    const ready = (this.player?.duration ?? 0) > 0;
    return html`<button
      part="button"
      type="button"
      aria-label=${label}
      title=${label}
      aria-keyshortcuts=${back ? 'j' : 'l'}
      ?disabled=${!ready}
      @click=${this.jump}
    >
      <slot name="icon">
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">
          ${back ? backIcon : forwardIcon}
        </svg>
      </slot>
    </button>`;
  }

  private jump() {
    const player = this.player;
    if (!player || !(player.duration > 0)) return;
    player.currentTime = Math.min(player.duration, Math.max(0, player.currentTime + this.offset));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-seek-button': PostHogReplaySeekButton;
  }
}
