import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { argTypes, defaultArgs, player, RECORDINGS, type ReplayArgs } from './shared.ts';

const meta: Meta<ReplayArgs> = {
  title: 'posthog-replay',
  component: 'posthog-replay',
  tags: ['autodocs'],
  args: defaultArgs,
  argTypes,
  render: (args) => player(args),
};
export default meta;

type Story = StoryObj<ReplayArgs>;

/** The posthog-js demo visit (PostHog "export to file"), with the built-in controls. */
export const Default: Story = {};

/**
 * A `Blob` whose bytes never arrive, given as the `recording` property: the player stays on its
 * loading message. Scoped to this story: nothing global is patched.
 */
class NeverReadyBlob extends Blob {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return new Promise<ArrayBuffer>(() => {});
  }
}

/** Loading: the recording never finishes arriving. */
export const Loading: Story = {
  args: { src: '' },
  render: (args) =>
    html`<posthog-replay
      theme=${args.theme}
      .recording=${new NeverReadyBlob(['{}'], { type: 'application/json' })}
      style="width:${args.width}"
    ></posthog-replay>`,
};

/** The recording's URL answers 404: the player says so in its error view. */
export const ErrorNotFound: Story = {
  name: 'Error: 404',
  args: { src: RECORDINGS.missing },
};

/** The URL serves JSON that is not a recording (here a log of the SDK's HTTP requests). */
export const ErrorNotARecording: Story = {
  name: 'Error: not a recording',
  args: { src: RECORDINGS.notARecording },
};

/** A recording's metadata from PostHog's API instead of its snapshots: the error says which URL to use. */
export const ErrorMetadata: Story = {
  name: 'Error: metadata, not snapshots',
  args: { src: RECORDINGS.metadata },
};

/** A clip for a docs page: 0:44 to 1:10 of the demo, playing by itself in a loop. */
export const DocsClip: Story = {
  name: 'Docs clip',
  args: { start: '0:44', end: '1:10', autoplay: true, loop: true },
};

/** A recording spanning two windows: the bar above the viewport names the window on screen. */
export const TwoWindows: Story = {
  name: 'Two windows',
  args: { src: RECORDINGS.twoWindows },
};

/** 320 px wide: the compact layout drops the ±10 s buttons and the loop toggle. */
export const Narrow: Story = {
  args: { width: '320px' },
};

/**
 * The `controls` slot replaces the whole control bar: here a minimal one built from the
 * player's own controls, which find the player they are in.
 */
export const CustomControls: Story = {
  name: 'Custom controls',
  render: (args) =>
    player(
      args,
      html`<div
        slot="controls"
        style="display:flex;align-items:center;gap:8px;padding:4px 4px 0;color:inherit"
      >
        <posthog-replay-play-button></posthog-replay-play-button>
        <posthog-replay-timeline></posthog-replay-timeline>
        <posthog-replay-time-display></posthog-replay-time-display>
      </div>`,
    ),
};

/** `controls-end` adds to the built-in bar (before the speed menu): a "copy link" button here. */
export const ExtraControl: Story = {
  name: 'Extra control (controls-end)',
  render: (args) => {
    const copyLink = (event: Event) => {
      const button = event.currentTarget as HTMLButtonElement;
      const replay = button.closest('posthog-replay');
      const at = Math.floor(replay?.currentTime ?? 0);
      const link = `${location.origin}${location.pathname}#t=${at}`;
      void navigator.clipboard?.writeText(link).catch(() => {});
      button.textContent = `Copied #t=${at}`;
      setTimeout(() => (button.textContent = 'Copy link'), 1500);
    };
    return player(
      args,
      html`<button
        slot="controls-end"
        type="button"
        @click=${copyLink}
        style="font:inherit;font-size:12px;color:inherit;background:rgb(127 127 127 / 0.18);border:0;border-radius:6px;padding:5px 10px;cursor:pointer"
      >
        Copy link
      </button>`,
    );
  },
};
