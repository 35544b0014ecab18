import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { argTypes, defaultArgs, player, type ReplayArgs } from './shared.ts';

const meta: Meta<ReplayArgs> = {
  title: 'posthog-replay/Theming',
  component: 'posthog-replay',
  tags: ['autodocs'],
  args: defaultArgs,
  argTypes,
  render: (args) => player(args),
};
export default meta;

type Story = StoryObj<ReplayArgs>;

/** `theme="light"`. */
export const Light: Story = { args: { theme: 'light' } };

/** `theme="dark"`. */
export const Dark: Story = { args: { theme: 'dark' } };

/** `theme="auto"` (the default) follows the system's `prefers-color-scheme`. */
export const Auto: Story = { args: { theme: 'auto' } };

/** Five custom properties set on the element: accent, backgrounds, control colour and font. */
export const CustomTheme: Story = {
  name: 'Custom theme',
  args: { theme: 'dark' },
  render: (args) =>
    player(args, '', {
      '--posthog-replay-accent-color': '#f9bd2b',
      '--posthog-replay-background': '#1b1035',
      '--posthog-replay-control-bar-background': '#2d1b5a',
      '--posthog-replay-control-color': '#f3ecff',
      '--posthog-replay-font-family': "Georgia, 'Times New Roman', serif",
    }),
};

/** Styled from outside with `::part()`: the seek bar's thumb and track, the play button, the time. */
export const Parts: Story = {
  args: { theme: 'light' },
  render: (args) => html`
    <style>
      .parts-demo posthog-replay::part(controls) {
        border-top: 3px solid #f54e00;
      }
      .parts-demo posthog-replay::part(timeline__track) {
        height: 8px;
        background: #ffd9c7;
      }
      .parts-demo posthog-replay::part(timeline__progress) {
        background: #f54e00;
      }
      .parts-demo posthog-replay::part(timeline__thumb) {
        width: 18px;
        height: 18px;
        border-radius: 4px;
        background: #1d1f24;
        box-shadow: 0 0 0 3px #f54e00;
      }
      .parts-demo posthog-replay::part(play-button__button) {
        background: #f54e00;
        color: white;
        border-radius: 50%;
      }
      .parts-demo posthog-replay::part(poster-button) {
        background: #f54e00;
        border-radius: 12px;
      }
      .parts-demo posthog-replay::part(time-display) {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .parts-demo posthog-replay::part(url) {
        font-family: ui-monospace, monospace;
      }
    </style>
    <div class="parts-demo">${player(args)}</div>
  `,
};
