import { css, unsafeCSS } from 'lit';
import rrwebCss from 'virtual:rrweb-css';

/** The player's layout and look; rrweb's own replayer CSS is adopted first. */
export const playerStyles = [
  unsafeCSS(rrwebCss),
  css`
    /*
     * Theme tokens as light-dark() pairs: the host's color-scheme picks one. Dark by default;
     * light on request; auto follows the system's prefers-color-scheme.
     */
    :host {
      color-scheme: dark;
      --_t-bg: light-dark(#e9eaee, #1d1f24);
      --_t-surface: light-dark(#ffffff, #2a2d34);
      --_t-fg: light-dark(#1d1f24, #f1f2f4);
      --_t-border: light-dark(rgb(0 0 0 / 0.1), rgb(255 255 255 / 0.1));
      --_t-accent: light-dark(#1d4aff, #5b7bff);
      --_t-error: light-dark(#b3261e, #ff9c94);
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='auto']) {
      color-scheme: light dark;
    }
    :host {
      --_accent: var(--posthog-replay-accent-color, var(--_t-accent));
      --_bg: var(--posthog-replay-background, var(--_t-bg));
      --_bar-bg: var(--posthog-replay-control-bar-background, var(--_t-surface));
      --_fg: var(--posthog-replay-control-color, var(--_t-fg));
      --_radius: var(--posthog-replay-radius, 8px);
      /* Inherited by the controls as fallbacks for their own tokens. */
      --_ph-accent: var(--_accent);
      --_ph-surface: var(--_bar-bg);
      display: flex;
      flex-direction: column;
      position: relative;
      box-sizing: border-box;
      /* A sensible size when the page sets none: full width, 16:10. */
      width: 100%;
      aspect-ratio: 16 / 10;
      min-height: 200px;
      overflow: hidden;
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_fg);
      font-family: var(
        --posthog-replay-font-family,
        system-ui,
        -apple-system,
        'Segoe UI',
        sans-serif
      );
      font-size: 14px;
      /* Explicit: hosts like media-chrome's controller set line-height: 0 for their children. */
      line-height: 1.4;
      box-shadow: 0 0 0 1px var(--_t-border);
      contain: content;
      container-type: inline-size;
    }
    :host(:focus-visible) {
      outline: var(--posthog-replay-focus-ring, 2px solid var(--_accent));
      outline-offset: 2px;
    }
    :host(:fullscreen) {
      aspect-ratio: auto;
      border-radius: 0;
    }
    :host([hidden]) {
      display: none;
    }
    .window-bar {
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
      padding: 4px 10px;
      font-size: 12px;
      background: var(--_bar-bg);
      border-bottom: 1px solid var(--_t-border);
    }
    .window-label {
      flex: none;
      padding: 1px 6px;
      border-radius: 4px;
      background: var(--_accent);
      color: white;
      font-weight: 600;
    }
    .recording-info {
      flex: none;
      font-weight: 600;
    }
    .notice {
      flex: none;
      color: var(--posthog-replay-warning-color, #ffd27a);
    }
    .url {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      opacity: 0.85;
    }
    .viewport {
      position: relative;
      flex: 1;
      min-height: 0;
      overflow: hidden;
    }
    .stage {
      position: absolute;
      top: 0;
      left: 0;
      transform-origin: 0 0;
    }
    .stage .replayer-wrapper {
      position: relative;
    }
    .stage iframe {
      border: 0;
      background: white;
    }
    .controls {
      padding: 0 8px 4px;
      background: var(--_bar-bg);
      border-top: 1px solid var(--_t-border);
    }
    .controls[hidden] {
      display: none;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 2px;
      min-height: 34px;
    }
    .spacer {
      flex: 1;
    }
    @container (max-width: 480px) {
      .controls .optional {
        display: none;
      }
      .poster-button {
        width: 44px;
        height: 44px;
        margin: -22px 0 0 -22px;
      }
      .poster-button svg {
        width: 22px;
        height: 22px;
      }
      .window-bar .url {
        font-size: 11px;
      }
    }
    .poster-button {
      all: unset;
      position: absolute;
      top: 50%;
      left: 50%;
      width: 64px;
      height: 64px;
      margin: -32px 0 0 -32px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      cursor: pointer;
      background: color-mix(in srgb, var(--_accent) 88%, transparent);
      color: white;
      box-shadow: 0 4px 18px rgb(0 0 0 / 0.35);
    }
    .poster-button svg {
      width: 30px;
      height: 30px;
      margin-left: 3px;
      fill: currentColor;
    }
    .poster-button:focus-visible,
    .help .close:focus-visible {
      outline: var(--posthog-replay-focus-ring, 2px solid var(--_accent));
      outline-offset: 3px;
    }
    .skip-hint {
      position: absolute;
      top: 10px;
      left: 50%;
      transform: translateX(-50%);
      padding: 5px 12px;
      border-radius: 999px;
      background: rgb(10 10 12 / 0.85);
      color: white;
      font-size: 13px;
      pointer-events: none;
    }
    .help {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 0.55);
    }
    .help-box {
      max-width: 90%;
      max-height: 90%;
      overflow: auto;
      padding: 14px 18px;
      border-radius: var(--_radius);
      background: var(--_bar-bg);
      color: var(--_fg);
    }
    .help .title {
      margin: 0 0 8px;
      font-weight: 600;
    }
    .help dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 14px;
      margin: 0 0 10px;
      font-size: 13px;
    }
    .help dt,
    .help dd {
      margin: 0;
    }
    .help kbd {
      font-family: inherit;
      font-weight: 600;
    }
    .help .close {
      font: inherit;
      padding: 4px 12px;
      border-radius: 6px;
      border: 1px solid var(--_t-border);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    .status {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 10px;
      padding: 24px;
      text-align: center;
      background: var(--_bg);
    }
    .status p {
      margin: 0;
      max-width: 60ch;
      overflow-wrap: anywhere;
      line-height: 1.4;
    }
    .status .title {
      font-weight: 600;
      font-size: 16px;
    }
    .status.error .title {
      color: var(--posthog-replay-error-color, var(--_t-error));
    }
    .progress {
      width: min(280px, 70%);
      height: 4px;
      border-radius: 999px;
      background: rgb(127 127 127 / 0.35);
      overflow: hidden;
    }
    .progress > div {
      height: 100%;
      background: var(--_accent);
      transition: width 120ms linear;
    }
    .progress.indeterminate > div {
      animation: slide 1.2s ease-in-out infinite;
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(340%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .progress > div {
        transition: none;
        animation: none !important;
      }
      .progress.indeterminate > div {
        width: 100% !important;
        opacity: 0.5;
      }
    }
  `,
];
