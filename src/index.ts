/**
 * The public API: element classes, the decoder and the types.
 * Side-effect free: nothing is registered; import `posthog-replay` (define.ts) for that, or call
 * `customElements.define()` with your own tag names.
 */
export { PostHogReplay, type LoadTiming } from './posthog-replay.js';
export { PostHogReplayPlayButton } from './controls/play-button.js';
export { PostHogReplayTimeline } from './controls/timeline.js';
export { PostHogReplayTimeDisplay } from './controls/time-display.js';
export { PostHogReplaySeekButton } from './controls/seek-button.js';
export { PostHogReplaySpeedMenu } from './controls/speed-menu.js';
export {
  PostHogReplayFullscreenButton,
  PostHogReplayLoopButton,
  PostHogReplaySkipInactivityButton,
} from './controls/toggle-buttons.js';
export { ReplayControl, type ReplayMedia, type ReplayTimeline } from './controls/replay-control.js';
export { defaultLabels, type ReplayLabels } from './labels.js';
export { ReplayMediaError } from './core/media-error.js';
export { ReplayPlayer } from './core/replay-player.js';
export { decodeRecording, type DecodeOptions } from './loader/decode-client.js';
export * from './formats/types.js';
