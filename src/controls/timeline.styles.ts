import { css } from 'lit';

export const timelineStyles = css`
  :host {
    display: block;
    flex: 1;
    min-width: 60px;
    --_thumb: var(--posthog-replay-thumb-size, 12px);
    --_accent: var(--posthog-replay-accent-color, var(--_ph-accent, #1d4aff));
  }
  .timeline {
    position: relative;
    padding-top: 12px;
  }
  [part='activity'] {
    position: absolute;
    top: 0;
    left: 0;
    width: 100%;
    height: 16px;
    fill: var(--posthog-replay-activity-color, rgb(127 127 127 / 0.35));
    pointer-events: none;
  }
  [part='slider'] {
    position: relative;
    height: 22px;
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
    background: var(--posthog-replay-unloaded-color, rgb(127 127 127 / 0.12));
    overflow: hidden;
  }
  /* What has arrived is drawn in the track colour: once all of it is in, the track looks whole. */
  [part='buffered'] {
    position: absolute;
    inset: 0 auto 0 0;
    background: var(--posthog-replay-track-color, rgb(127 127 127 / 0.35));
  }
  [part='progress'] {
    position: relative;
    height: 100%;
    background: var(--posthog-replay-progress-color, var(--_accent));
  }
  [part='inactive'] {
    position: absolute;
    top: 0;
    bottom: 0;
    z-index: 1;
    background: repeating-linear-gradient(
      135deg,
      var(--posthog-replay-inactive-color, rgb(127 127 127 / 0.55)) 0 3px,
      transparent 3px 6px
    );
  }
  [part='thumb'] {
    position: absolute;
    z-index: 2;
    width: var(--_thumb);
    height: var(--_thumb);
    margin-left: calc(var(--_thumb) / -2);
    border-radius: 50%;
    background: var(--posthog-replay-progress-color, var(--_accent));
    box-shadow: 0 0 0 2px var(--posthog-replay-thumb-border-color, white);
  }
  .markers {
    position: relative;
    height: 0;
  }
  /* Markers sit just above the track, so they never get in the way of scrubbing it. */
  [part='marker'] {
    all: unset;
    position: absolute;
    bottom: 17px;
    z-index: 3;
    width: 6px;
    height: 6px;
    margin-left: -3px;
    border-radius: 50%;
    cursor: pointer;
    background: var(--_marker, var(--posthog-replay-marker-color, #f7a501));
    box-shadow: 0 0 0 1px rgb(0 0 0 / 0.35);
  }
  [part='marker']:hover {
    transform: scale(1.5);
  }
  [part='marker']:focus-visible {
    outline: var(--posthog-replay-focus-ring, 2px solid var(--_accent));
    outline-offset: 2px;
  }
  [part='marker'][data-kind='pageview'] {
    --_marker: var(--posthog-replay-marker-pageview-color, #4ea8ff);
  }
  [part='marker'][data-kind='click'] {
    --_marker: var(--posthog-replay-marker-click-color, rgb(150 150 150 / 0.7));
    width: 3px;
    height: 3px;
    margin-left: -1.5px;
    bottom: 18px;
    box-shadow: none;
  }
  [part='marker'][data-kind='error'] {
    --_marker: var(--posthog-replay-marker-error-color, #f54e00);
  }
  [part='marker'][data-kind='custom'] {
    --_marker: var(--posthog-replay-marker-custom-color, #b62ad9);
  }
  [part='tooltip'] {
    position: absolute;
    bottom: calc(100% + 2px);
    z-index: 4;
    transform: translateX(-50%);
    max-width: 260px;
    padding: 3px 7px;
    border-radius: 4px;
    background: var(--posthog-replay-tooltip-background, rgb(10 10 12 / 0.92));
    color: var(--posthog-replay-tooltip-color, #fff);
    font-size: 12px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    pointer-events: none;
  }
`;
