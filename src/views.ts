/**
 * The player's templates other than the recording itself: the default control bar, the bar
 * above the viewport, and the overlays (loading, error, skip hint, keyboard help). Plain
 * functions of data, so the element file stays about behaviour.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { SHORTCUTS } from './controllers/hotkeys-controller.js';
import type { ReplayLabels } from './labels.js';

const button = 'button:__button, icon:__icon';
/** `exportparts` for a control: its inner parts as `<control>__<part>` on the player. */
function exported(control: string, parts = button): string {
  return parts.replaceAll('__', `${control}__`);
}

export function controlBar(): TemplateResult {
  const timelineParts =
    'slider:__slider, track:__track, progress:__progress, inactive:__inactive, thumb:__thumb, activity:__activity, marker:__marker, tooltip:__tooltip';
  return html`
    <posthog-replay-timeline
      part="timeline"
      exportparts=${exported('timeline', timelineParts)}
    ></posthog-replay-timeline>
    <div class="row">
      <posthog-replay-play-button
        part="play-button"
        exportparts=${exported('play-button')}
      ></posthog-replay-play-button>
      <posthog-replay-seek-button
        class="optional"
        offset="-10"
        part="seek-back-button"
        exportparts=${exported('seek-back-button')}
      ></posthog-replay-seek-button>
      <posthog-replay-seek-button
        class="optional"
        offset="10"
        part="seek-forward-button"
        exportparts=${exported('seek-forward-button')}
      ></posthog-replay-seek-button>
      <posthog-replay-time-display
        part="time-display"
        exportparts=${exported('time-display', 'button:__button')}
      ></posthog-replay-time-display>
      <slot name="controls-start"></slot>
      <span class="spacer"></span>
      <slot name="controls-end"></slot>
      <posthog-replay-speed-menu
        part="speed-menu"
        exportparts=${exported('speed-menu', 'button:__button, menu:__menu, option:__option')}
      ></posthog-replay-speed-menu>
      <posthog-replay-skip-inactivity-button
        part="skip-inactivity-button"
        exportparts=${exported('skip-inactivity-button')}
      ></posthog-replay-skip-inactivity-button>
      <posthog-replay-loop-button
        class="optional"
        part="loop-button"
        exportparts=${exported('loop-button')}
      ></posthog-replay-loop-button>
      <posthog-replay-fullscreen-button
        part="fullscreen-button"
        exportparts=${exported('fullscreen-button')}
      ></posthog-replay-fullscreen-button>
    </div>
  `;
}

export function windowBar(view: { label: string; url: string; notice: string; recording: string }) {
  const { label, url, notice, recording } = view;
  if (!label && !url && !notice && !recording) return nothing;
  return html`<div part="window-bar" class="window-bar">
    ${recording ? html`<span part="recording-info" class="recording-info">${recording}</span>` : nothing}
    ${label ? html`<span part="window-label" class="window-label">${label}</span>` : nothing}
    <span part="url" class="url" title=${url}>${url}</span>
    ${notice ? html`<span part="notice" class="notice" role="note">${notice}</span>` : nothing}
  </div>`;
}

/**
 * "28 Nov 2026, 14:03 · 3 min" from PostHog's metadata (start time and duration); the person
 * only when the page opted in with `show-person`.
 */
export function describeMetadata(
  metadata:
    | {
        start_time?: string;
        recording_duration?: number;
        person?: { name?: string; properties?: Record<string, unknown> } | null;
      }
    | undefined,
  showPerson: boolean,
): string {
  if (!metadata) return '';
  const parts: string[] = [];
  const start = metadata.start_time ? new Date(metadata.start_time) : undefined;
  if (start && !Number.isNaN(start.getTime())) {
    parts.push(start.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  }
  if (typeof metadata.recording_duration === 'number') {
    const minutes = Math.round(metadata.recording_duration / 60);
    parts.push(minutes >= 1 ? `${minutes} min` : `${metadata.recording_duration} s`);
  }
  const person = metadata.person;
  const email = person?.properties?.email;
  const who = person?.name || (typeof email === 'string' ? email : '');
  if (showPerson && who) parts.push(who);
  return parts.join(' · ');
}

export function loadingView(message: string, fraction: number | undefined) {
  return html`<div part="status" class="status" role="status">
    <slot name="loading"><p>${message}</p></slot>
    <div
      class="progress ${fraction === undefined ? 'indeterminate' : ''}"
      role="progressbar"
      aria-label=${message}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${fraction === undefined ? nothing : Math.round(fraction * 100)}
    >
      <div style="width:${((fraction ?? 0.3) * 100).toFixed(1)}%"></div>
    </div>
  </div>`;
}

export function errorView(labels: ReplayLabels, message: string) {
  return html`<div part="status" class="status error" role="alert">
    <slot name="error">
      <p class="title">${labels.errorTitle}</p>
      <p>${message}</p>
    </slot>
  </div>`;
}

export function skipHint(text: string) {
  return html`<div part="skip-hint" class="skip-hint" role="status">${text}</div>`;
}

export function helpView(labels: ReplayLabels, close: () => void) {
  return html`<div part="help" class="help" role="dialog" aria-label=${labels.keyboardHelp}>
    <div class="help-box">
      <p class="title">${labels.keyboardHelp}</p>
      <dl>
        ${SHORTCUTS.map(
          ({ keys, action }) =>
            html`<dt><kbd>${keys}</kbd></dt>
              <dd>${action}</dd>`,
        )}
      </dl>
      <button type="button" class="close" @click=${close}>${labels.close}</button>
    </div>
  </div>`;
}

export function posterButton(labels: ReplayLabels, play: () => void) {
  return html`<button
    part="poster-button"
    class="poster-button"
    type="button"
    aria-label=${labels.play}
    @click=${play}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5Z" />
    </svg>
  </button>`;
}
