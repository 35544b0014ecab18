/**
 * `import 'posthog-replay'` (and the CDN bundle): registers `<posthog-replay>` and its controls,
 * then re-exports the API. Registration is guarded so two copies on one page do not collide.
 */
import { PostHogReplay } from './posthog-replay.js';
import { PostHogReplayPlayButton } from './controls/play-button.js';
import { PostHogReplayTimeline } from './controls/timeline.js';
import { PostHogReplayTimeDisplay } from './controls/time-display.js';

const elements: Record<string, CustomElementConstructor> = {
  'posthog-replay': PostHogReplay,
  'posthog-replay-play-button': PostHogReplayPlayButton,
  'posthog-replay-timeline': PostHogReplayTimeline,
  'posthog-replay-time-display': PostHogReplayTimeDisplay,
};

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export * from './index.js';
