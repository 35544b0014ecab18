import { css, unsafeCSS } from 'lit';
import rrwebCss from 'virtual:rrweb-css';

/** The player's layout and look; rrweb's own replayer CSS is adopted first. */
export const playerStyles = [
  unsafeCSS(rrwebCss),
  css`
    :host {
      --_accent: var(--posthog-replay-accent-color, #1d4aff);
      --_bg: var(--posthog-replay-background, #1f2024);
      --_bar-bg: var(--posthog-replay-control-bar-background, #2b2d33);
      --_fg: var(--posthog-replay-control-color, #f3f4f6);
      --_radius: var(--posthog-replay-radius, 8px);
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
      contain: content;
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
      border-bottom: 1px solid rgb(127 127 127 / 0.25);
    }
    .window-label {
      flex: none;
      padding: 1px 6px;
      border-radius: 4px;
      background: var(--_accent);
      color: white;
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
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 4px 8px;
      min-height: 40px;
      box-sizing: border-box;
      background: var(--_bar-bg);
      --posthog-replay-accent-color: var(--_accent);
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
      color: var(--posthog-replay-error-color, #ff8a80);
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
    }
  `,
];
