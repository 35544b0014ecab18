/** Shared helpers for the element tests: fixtures, waiting for media events, the replay DOM. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { PostHogReplay } from '../src/posthog-replay.js';

export const FIXTURES = '/test/fixtures';
export const DEMO_EXPORT = `${FIXTURES}/posthog-js/posthog-demo.export.json`;

export async function fixtureBytes(path: string): Promise<ArrayBuffer> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** A player of a given size, not yet loading anything. */
export async function emptyPlayer(style = 'width: 640px; height: 400px'): Promise<PostHogReplay> {
  return fixture<PostHogReplay>(html`<posthog-replay style=${style}></posthog-replay>`);
}

/** Resolves on `type`, or rejects after `ms` so a test fails instead of hanging. */
export function nextEvent(target: EventTarget, type: string, ms = 15_000): Promise<Event> {
  return Promise.race([
    oneEvent(target, type),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no "${type}" event within ${ms} ms`)), ms),
    ),
  ]);
}

/**
 * Waits until the player shows its first frame and (unless `complete` is false) has all of the
 * recording: events reach the page in slices after the first frame. Fails with the error message.
 */
export async function whenReady(player: PostHogReplay, complete = true): Promise<void> {
  if (player.readyState < 2) {
    await Promise.race([
      nextEvent(player, 'loadeddata'),
      nextEvent(player, 'error').then(() => {
        throw new Error(`player error: ${player.error?.message}`);
      }),
    ]);
  }
  if (complete && player.readyState < 4) await nextEvent(player, 'canplaythrough');
}

/** The document of the replay iframe currently on screen. */
export function replayDocument(player: PostHogReplay): Document {
  const wrappers = [...player.shadowRoot!.querySelectorAll<HTMLElement>('.replayer-wrapper')];
  const visible = wrappers.find((w) => w.style.display !== 'none');
  const iframe = visible?.querySelector('iframe');
  if (!iframe?.contentDocument) throw new Error('no visible replay iframe');
  return iframe.contentDocument;
}

/** Polls `check` every animation frame (or every `everyMs`) until it is true; fails after `ms`. */
export async function until(
  check: () => boolean,
  ms = 5_000,
  what = 'condition',
  everyMs?: number,
): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) =>
      everyMs === undefined ? requestAnimationFrame(r) : setTimeout(r, everyMs),
    );
  }
}

export function statusText(player: PostHogReplay): string {
  return (
    player.shadowRoot!.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ??
    ''
  );
}

export function headingText(player: PostHogReplay): string {
  return replayDocument(player).querySelector('h1')?.textContent?.trim() ?? '';
}
