/**
 * `import 'posthog-replay'` (and the CDN bundle): registers `<posthog-replay>` and its controls,
 * then re-exports the API. Registration is guarded so two copies on one page do not collide.
 */
import { PostHogReplay } from './posthog-replay.js';
import { PostHogReplayPlayButton } from './controls/play-button.js';
import { PostHogReplaySeekButton } from './controls/seek-button.js';
import { PostHogReplaySpeedMenu } from './controls/speed-menu.js';
import { PostHogReplayTimeDisplay } from './controls/time-display.js';
import { PostHogReplayTimeline } from './controls/timeline.js';
import {
  PostHogReplayFullscreenButton,
  PostHogReplayLoopButton,
  PostHogReplaySkipInactivityButton,
} from './controls/toggle-buttons.js';

const elements: Record<string, CustomElementConstructor> = {
  'posthog-replay': PostHogReplay,
  'posthog-replay-play-button': PostHogReplayPlayButton,
  'posthog-replay-seek-button': PostHogReplaySeekButton,
  'posthog-replay-timeline': PostHogReplayTimeline,
  'posthog-replay-time-display': PostHogReplayTimeDisplay,
  'posthog-replay-speed-menu': PostHogReplaySpeedMenu,
  'posthog-replay-skip-inactivity-button': PostHogReplaySkipInactivityButton,
  'posthog-replay-loop-button': PostHogReplayLoopButton,
  'posthog-replay-fullscreen-button': PostHogReplayFullscreenButton,
};

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export * from './index.js';
