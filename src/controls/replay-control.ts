/**
 * Base of every control: finds the player it belongs to and re-renders on its media events.
 * Controls use only the standard media API (`paused`, `currentTime`, `duration`, `play()`…),
 * so each works inside `<posthog-replay>`, slotted into it, or pointed at a player by `media`.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { labelsOf, type ReplayLabels } from '../labels.js';

/** The part of HTMLMediaElement the controls rely on, plus the replay extras they use if present. */
export interface ReplayMedia extends HTMLElement {
  paused: boolean;
  ended: boolean;
  currentTime: number;
  duration: number;
  readyState: number;
  playbackRate: number;
  loop: boolean;
  /** What has arrived so far (media elements have it; a stand-in without it counts as all). */
  readonly buffered?: { readonly length: number; end(index: number): number };
  play(): Promise<void>;
  pause(): void;
  /** `<posthog-replay>` only: jump over idle stretches. */
  skipInactivity?: boolean;
  /** `<posthog-replay>` only: idle stretches, markers and activity, in seconds. */
  timeline?: ReplayTimeline | null;
  /** `<posthog-replay>` only: full screen. */
  readonly fullscreen?: boolean;
  toggleFullscreen?(): void;
}

/** What the seek bar draws besides progress (seconds from the start of what is played). */
export interface ReplayTimeline {
  inactive: { start: number; end: number }[];
  markers: { time: number; kind: 'pageview' | 'click' | 'error' | 'custom'; label: string }[];
  /** 0..1 per bucket, spread evenly over the duration. */
  activity: number[];
}

const MEDIA_EVENTS = [
  'play',
  'pause',
  'timeupdate',
  'durationchange',
  'loadedmetadata',
  'loadeddata',
  'seeking',
  'seeked',
  'ended',
  'emptied',
  'error',
  'ratechange',
  'fullscreenchange',
  // More of the recording arrived: markers, idle stretches and the loaded part change.
  'progress',
  'canplaythrough',
];

export class ReplayControl extends LitElement {
  /** The player this control drives. Defaults to the nearest enclosing `<posthog-replay>`. */
  @property({ attribute: false }) media?: ReplayMedia;

  private attached?: ReplayMedia;
  private readonly onMediaEvent = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  protected override willUpdate(): void {
    if (this.isConnected && this.resolveMedia() !== this.attached) this.attach();
  }

  /** The player in use, if any. */
  protected get player(): ReplayMedia | undefined {
    return this.attached;
  }

  /** The texts to show, from the player's `labels` (for translation). */
  protected get labels(): ReplayLabels {
    return labelsOf(this.attached);
  }

  private resolveMedia(): ReplayMedia | undefined {
    if (this.media) return this.media;
    // Light DOM (slotted) first, then up through shadow roots to the player that renders us.
    const own = this.closest('posthog-replay');
    if (own) return own;
    for (
      let root = this.getRootNode();
      root instanceof ShadowRoot;
      root = root.host.getRootNode()
    ) {
      const found = root.host.closest('posthog-replay');
      if (found) return found;
    }
    return undefined;
  }

  private attach() {
    this.detach();
    this.attached = this.resolveMedia();
    for (const type of MEDIA_EVENTS) this.attached?.addEventListener(type, this.onMediaEvent);
    this.requestUpdate();
  }

  private detach() {
    for (const type of MEDIA_EVENTS) this.attached?.removeEventListener(type, this.onMediaEvent);
    this.attached = undefined;
  }
}
