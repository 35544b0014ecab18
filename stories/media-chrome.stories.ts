import 'media-chrome';
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { argTypes, defaultArgs, type ReplayArgs } from './shared.ts';

const meta: Meta<ReplayArgs> = {
  title: 'posthog-replay/media-chrome',
  component: 'posthog-replay',
  tags: ['autodocs'],
  args: defaultArgs,
  argTypes,
};
export default meta;

type Story = StoryObj<ReplayArgs>;

/**
 * `<posthog-replay>` as the media of media-chrome's `<media-controller>`, its own controls off:
 * media-chrome's play button, time range, time display and rate button drive it through the
 * standard media API.
 */
export const MediaChrome: Story = {
  name: 'media-chrome',
  render: (args) => html`
    <media-controller style="width:${args.width};display:block">
      <posthog-replay
        slot="media"
        without-controls
        src=${args.src}
        theme=${args.theme}
        style="width:100%"
      ></posthog-replay>
      <media-control-bar>
        <media-play-button></media-play-button>
        <media-time-range></media-time-range>
        <media-time-display showduration></media-time-display>
        <media-playback-rate-button></media-playback-rate-button>
      </media-control-bar>
    </media-controller>
  `,
};
