import { html, type SVGTemplateResult, type TemplateResult } from 'lit';
import { exitFullscreenIcon, fullscreenIcon, loopIcon, skipIcon } from './icons.js';
import { controlStyles } from './control.styles.js';
import { ReplayControl, type ReplayMedia } from './replay-control.js';

/** A button that shows and flips one on/off setting of the player (aria-pressed). */
abstract class ToggleButton extends ReplayControl {
  static override styles = controlStyles;
  protected abstract isOn: (player: ReplayMedia) => boolean;
  protected abstract toggle: (player: ReplayMedia) => void;
  protected abstract label: (on: boolean) => string;
  protected abstract icon: (on: boolean) => SVGTemplateResult;
  protected shortcut = '';
  /** Whether the player supports this setting at all (hidden if not). */
  protected supported: (player: ReplayMedia) => boolean = () => true;

  override render(): TemplateResult {
    const player = this.player;
    const on = player ? this.isOn(player) : false;
    const label = this.label(on);
    return html`<button
      part="button"
      type="button"
      aria-label=${label}
      title=${label}
      aria-pressed=${on ? 'true' : 'false'}
      aria-keyshortcuts=${this.shortcut || undefined}
      ?hidden=${!player || !this.supported(player)}
      ?disabled=${!((player?.duration ?? 0) > 0)}
      @click=${this.onClick}
    >
      <slot name="icon"
        ><svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${this.icon(on)}</svg></slot
      >
    </button>`;
  }

  private onClick() {
    if (!this.player) return;
    this.toggle(this.player);
    // A setting changed by a property fires no event: show the new state ourselves.
    this.requestUpdate();
  }
}

/**
 * Turns skipping of idle stretches (no input for 5 s or more) on and off.
 *
 * @tagname posthog-replay-skip-inactivity-button
 * @summary Skip-inactivity toggle.
 * @csspart button - The native button (`aria-pressed`).
 * @csspart icon - The icon.
 * @slot icon - Replaces the icon.
 */
export class PostHogReplaySkipInactivityButton extends ToggleButton {
  protected isOn = (p: ReplayMedia) => p.skipInactivity === true;
  protected toggle = (p: ReplayMedia) => void (p.skipInactivity = !p.skipInactivity);
  protected label = () => this.labels.skipInactivity;
  protected icon = () => skipIcon;
  protected override supported = (p: ReplayMedia) => 'skipInactivity' in p;
}

/**
 * Enters and leaves full screen.
 *
 * @tagname posthog-replay-fullscreen-button
 * @summary Full-screen toggle.
 * @csspart button - The native button (`aria-pressed`).
 * @csspart icon - The icon.
 * @slot icon - Replaces the icon.
 */
export class PostHogReplayFullscreenButton extends ToggleButton {
  protected override shortcut = 'f';
  protected isOn = (p: ReplayMedia) => p.fullscreen === true;
  protected toggle = (p: ReplayMedia) => p.toggleFullscreen?.();
  protected label = (on: boolean) => (on ? this.labels.exitFullscreen : this.labels.fullscreen);
  protected icon = (on: boolean) => (on ? exitFullscreenIcon : fullscreenIcon);
  protected override supported = (p: ReplayMedia) => typeof p.toggleFullscreen === 'function';
}

/**
 * Turns looping on and off.
 *
 * @tagname posthog-replay-loop-button
 * @summary Loop toggle.
 * @csspart button - The native button (`aria-pressed`).
 * @csspart icon - The icon.
 * @slot icon - Replaces the icon.
 */
export class PostHogReplayLoopButton extends ToggleButton {
  protected isOn = (p: ReplayMedia) => p.loop;
  protected toggle = (p: ReplayMedia) => void (p.loop = !p.loop);
  protected label = () => this.labels.loop;
  protected icon = () => loopIcon;
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-skip-inactivity-button': PostHogReplaySkipInactivityButton;
    'posthog-replay-fullscreen-button': PostHogReplayFullscreenButton;
    'posthog-replay-loop-button': PostHogReplayLoopButton;
  }
}
