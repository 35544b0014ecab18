import { sendKeys } from '@web/test-runner-commands';
import type { PostHogReplay } from '../../src/posthog-replay.js';
import { DEMO_EXPORT, emptyPlayer, nextEvent, whenReady } from '../helpers.js';

/** A loaded player of the posthog-js demo recording. */
export async function loadedPlayer(style = 'width: 800px; height: 520px'): Promise<PostHogReplay> {
  const player = await emptyPlayer(style);
  player.src = DEMO_EXPORT;
  await whenReady(player);
  await player.updateComplete;
  return player;
}

/** An element inside the player's shadow root, or inside a control's shadow root. */
export function part<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = root.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${root.localName}>`);
  return found;
}

export function control<K extends keyof HTMLElementTagNameMap>(
  player: PostHogReplay,
  tag: K,
  nth = 0,
) {
  const found = player.shadowRoot!.querySelectorAll(tag)[nth];
  if (!found) throw new Error(`no <${tag}> in the player`);
  return found;
}

export async function press(key: string) {
  await sendKeys({ press: key });
}

export async function seekTo(player: PostHogReplay, seconds: number) {
  const seeked = nextEvent(player, 'seeked');
  player.currentTime = seconds;
  await seeked;
}

export const frame = () =>
  new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
