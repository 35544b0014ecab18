import { css, html, type TemplateResult } from 'lit';
import { pauseIcon, playIcon, replayIcon } from './icons.js';
import { ReplayControl } from './replay-control.js';
import { controlStyles } from './control.styles.js';

/**
 * Plays or pauses the player; restarts it when it has ended.
 *
 * @tagname posthog-replay-play-button
 * @summary Play/pause button.
 * @csspart button - The native button.
 * @csspart icon - The icon inside it.
 * @slot play-icon - Replaces the play icon.
 * @slot pause-icon - Replaces the pause icon.
 * @slot replay-icon - Replaces the icon shown at the end.
 */
export class PostHogReplayPlayButton extends ReplayControl {
  static override styles = [controlStyles, css``];

  override render(): TemplateResult {
    const player = this.player;
    const paused = player?.paused ?? true;
    const ended = player?.ended ?? false;
    const label = ended ? this.labels.replay : paused ? this.labels.play : this.labels.pause;
    const icon = ended ? replayIcon : paused ? playIcon : pauseIcon;
    return html`<button
      part="button"
      type="button"
      aria-label=${label}
      title=${label}
      aria-keyshortcuts="Space k"
      ?disabled=${!player || player.readyState < 1}
      @click=${this.toggle}
    >
      <slot name=${ended ? 'replay-icon' : paused ? 'play-icon' : 'pause-icon'}>
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icon}</svg>
      </slot>
    </button>`;
  }

  private toggle() {
    const player = this.player;
    if (!player) return;
    if (player.paused) player.play().catch(() => {});
    else player.pause();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-play-button': PostHogReplayPlayButton;
  }
}
