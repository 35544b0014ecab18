import { css, html, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { formatClock } from '../utils/format-time.js';
import { controlStyles } from './control.styles.js';
import { ReplayControl } from './replay-control.js';

/**
 * A button showing the playback speed that opens a menu of speeds, each with the length the
 * recording takes at that speed ("4× (0:46)"), as PostHog's player shows it.
 *
 * @tagname posthog-replay-speed-menu
 * @summary Playback speed menu.
 * @csspart button - The button showing the current speed.
 * @csspart menu - The list of speeds.
 * @csspart option - One speed in the list.
 */
export class PostHogReplaySpeedMenu extends ReplayControl {
  static override styles = [
    controlStyles,
    css`
      :host {
        position: relative;
      }
      [part='button'] {
        width: auto;
        min-width: var(--posthog-replay-button-size, 32px);
        padding: 0 6px;
        font: inherit;
        font-size: 13px;
        font-variant-numeric: tabular-nums;
      }
      [part='menu'] {
        position: absolute;
        bottom: calc(100% + 6px);
        right: 0;
        z-index: 2;
        margin: 0;
        padding: 4px;
        list-style: none;
        min-width: 120px;
        border-radius: var(--posthog-replay-radius, 8px);
        background: var(--posthog-replay-menu-background, var(--_ph-surface, #2a2d34));
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.35);
      }
      [part='option'] {
        padding: 5px 10px;
        border-radius: 4px;
        cursor: pointer;
        white-space: nowrap;
        font-size: 13px;
        font-variant-numeric: tabular-nums;
      }
      [part='option']:hover,
      [part='option']:focus-visible {
        background: rgb(127 127 127 / 0.25);
      }
      [part='option'][aria-checked='true'] {
        color: var(--posthog-replay-accent-color, var(--_ph-accent, #1d4aff));
        font-weight: 600;
      }
    `,
  ];

  /** The speeds offered. */
  @property({ attribute: false }) speeds = [0.5, 1, 2, 4, 8, 16];

  @state() private open = false;
  @query('[part="button"]') private button!: HTMLButtonElement;

  override render(): TemplateResult {
    const player = this.player;
    const rate = player?.playbackRate ?? 1;
    const duration = player && Number.isFinite(player.duration) ? player.duration : 0;
    return html`<button
        part="button"
        type="button"
        aria-label=${`${this.labels.speed}: ${rate}×`}
        title=${this.labels.speed}
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-keyshortcuts="&lt; &gt;"
        ?disabled=${!(duration > 0)}
        @click=${this.toggleMenu}
      >
        ${`${rate}×`}
      </button>
      ${
        this.open
          ? html`<ul
              part="menu"
              role="menu"
              aria-label=${this.labels.speed}
              @keydown=${this.onMenuKey}
            >
              ${this.speeds.map(
                (speed) =>
                  html`<li
                    part="option"
                    role="menuitemradio"
                    tabindex="-1"
                    aria-checked=${speed === rate ? 'true' : 'false'}
                    @click=${() => this.choose(speed)}
                  >
                    ${this.labels.speedOption(speed, formatClock((duration / speed) * 1000))}
                  </li>`,
              )}
            </ul>`
          : ''
      }`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private async toggleMenu() {
    this.open = !this.open;
    if (!this.open) return;
    document.addEventListener('pointerdown', this.onOutside, true);
    await this.updateComplete;
    const options = this.options();
    const current = options.find((o) => o.getAttribute('aria-checked') === 'true') ?? options[0];
    current?.focus();
  }

  private close(refocus = true) {
    this.open = false;
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (refocus) this.button?.focus();
  }

  private readonly onOutside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.close(false);
  };

  private choose(speed: number) {
    if (this.player) this.player.playbackRate = speed;
    this.close();
  }

  private options(): HTMLElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLElement>('[part="option"]') ?? [])];
  }

  private onMenuKey(event: KeyboardEvent) {
    const options = this.options();
    const index = options.indexOf(this.renderRoot.querySelector(':focus') as HTMLElement);
    const move = (to: number) => options[(to + options.length) % options.length]?.focus();
    const actions: Record<string, () => void> = {
      ArrowDown: () => move(index + 1),
      ArrowUp: () => move(index - 1),
      Home: () => move(0),
      End: () => move(options.length - 1),
      Escape: () => this.close(),
      Tab: () => this.close(false),
      Enter: () => index >= 0 && this.choose(this.speeds[index]),
      ' ': () => index >= 0 && this.choose(this.speeds[index]),
    };
    const action = actions[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    action();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'posthog-replay-speed-menu': PostHogReplaySpeedMenu;
  }
}
