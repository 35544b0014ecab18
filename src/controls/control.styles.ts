import { css } from 'lit';

/** Shared by every control: sizing, the icon button look and the focus ring. */
export const controlStyles = css`
  :host {
    display: inline-flex;
    align-items: center;
    color: var(--posthog-replay-control-color, currentColor);
  }
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--posthog-replay-button-size, 32px);
    height: var(--posthog-replay-button-size, 32px);
    border-radius: var(--posthog-replay-radius, 6px);
    cursor: pointer;
    color: inherit;
  }
  button:hover {
    background: var(--posthog-replay-button-hover-background, rgb(127 127 127 / 0.18));
  }
  button[aria-pressed='true'] {
    color: var(--posthog-replay-accent-color, var(--_ph-accent, #1d4aff));
    background: var(--posthog-replay-button-pressed-background, rgb(127 127 127 / 0.16));
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  :focus-visible {
    outline: var(
      --posthog-replay-focus-ring,
      2px solid var(--posthog-replay-accent-color, var(--_ph-accent, #1d4aff))
    );
    outline-offset: 2px;
  }
  svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
`;
