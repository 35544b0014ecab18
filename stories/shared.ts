/**
 * What the stories share: the element (registered through the package's own entry), the local
 * recordings, the args every story takes, and one render function for a plain player.
 */
import '../src/define.ts';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes } from '@storybook/web-components-vite';

/**
 * Recordings from test/fixtures, which .storybook/main.ts serves at `fixtures/` (relative, so the
 * static build also works from a sub-path). Nothing is fetched from the network.
 */
export const RECORDINGS = {
  /** posthog-js demo visit: PostHog "export to file" v2, 182.8 s, six pages, one window. */
  demo: 'fixtures/posthog-js/posthog-demo.export.json',
  /** Blob v1 JSONL from PostHog's API mocks: 11.9 s, two windows. */
  twoWindows: 'fixtures/posthog-api/recording_snapshots.jsonl',
  /** JSON that is not a recording: a summary of the SDK's HTTP requests. */
  notARecording: 'fixtures/posthog-js/posthog-demo.wire-summary.json',
  /** JSON that is not a recording but its metadata, from PostHog's API. */
  metadata: 'fixtures/posthog-api/recording_meta.json',
  /** Nothing is served here: a 404. */
  missing: 'fixtures/does-not-exist.ph-recording.json',
} as const;

/** The attributes of `<posthog-replay>` a story sets, plus the width of the player. */
export interface ReplayArgs {
  src: string;
  theme: 'light' | 'dark' | 'auto';
  autoplay: boolean;
  loop: boolean;
  /** Clip start: seconds or a clock time (`0:44`). */
  start: string;
  /** Clip end: seconds or a clock time. */
  end: string;
  withoutControls: boolean;
  withoutSkipInactivity: boolean;
  /** Story only: the player's CSS width (it keeps 16:10 by itself). */
  width: string;
}

export const defaultArgs: ReplayArgs = {
  src: RECORDINGS.demo,
  theme: 'auto',
  autoplay: false,
  loop: false,
  start: '',
  end: '',
  withoutControls: false,
  withoutSkipInactivity: false,
  width: '800px',
};

/** Controls for the args; their descriptions come from custom-elements.json (the JSDoc). */
export const argTypes: Partial<ArgTypes<ReplayArgs>> = {
  src: { control: 'select', options: Object.values(RECORDINGS) },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  start: { control: 'text' },
  end: { control: 'text' },
  withoutControls: { control: 'boolean' },
  withoutSkipInactivity: { control: 'boolean' },
  width: {
    control: 'text',
    description: 'Story only: the width of the player (it keeps 16:10 by itself).',
    table: { category: 'story' },
  },
};

/** A `<posthog-replay>` with the args as attributes; `content` goes inside it (slots). */
export function player(
  args: ReplayArgs,
  content: TemplateResult | string = '',
  style: Record<string, string> = {},
): TemplateResult {
  return html`<posthog-replay
    src=${ifDefined(args.src || undefined)}
    theme=${args.theme}
    start=${ifDefined(args.start || undefined)}
    end=${ifDefined(args.end || undefined)}
    ?autoplay=${args.autoplay}
    ?loop=${args.loop}
    ?without-controls=${args.withoutControls}
    ?without-skip-inactivity=${args.withoutSkipInactivity}
    style=${styleMap({ width: args.width, ...style })}
    >${content}</posthog-replay
  >`;
}
