/**
 * Keyboard shortcuts, active only while focus is inside the player (the page's own keys are
 * never taken): Space/K play-pause, ←/→ 5 s, J/L 10 s, Home/End, 0–9 jump to 0–90 %,
 * `<`/`>` slower/faster, `,`/`.` previous/next marker (page view, click, error, event),
 * F full screen, ? the list of shortcuts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface HotkeyTarget {
  readonly duration: number;
  currentTime: number;
  readonly paused: boolean;
  playbackRate: number;
  play(): Promise<void>;
  pause(): void;
  toggleFullscreen(): void;
  toggleHelp(): void;
  /** Marker times in seconds, for `,` and `.`. */
  readonly timeline: { markers: { time: number }[] } | null;
}

/** Shown in the help overlay and in `aria-keyshortcuts`. */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Space, K', action: 'Play / pause' },
  { keys: '← / →', action: 'Back / forward 5 seconds' },
  { keys: 'J / L', action: 'Back / forward 10 seconds' },
  { keys: 'Home / End', action: 'Start / end' },
  { keys: '0 – 9', action: 'Jump to 0 % – 90 %' },
  { keys: '< / >', action: 'Slower / faster' },
  { keys: ', / .', action: 'Previous / next marker' },
  { keys: 'F', action: 'Full screen' },
  { keys: '?', action: 'Show this list' },
];

export const ARIA_KEYSHORTCUTS =
  'Space k j l ArrowLeft ArrowRight Home End 0 1 2 3 4 5 6 7 8 9 < > , . f ?';

const SPEEDS = [0.5, 1, 2, 4, 8, 16];

export class HotkeysController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: HotkeyTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    // Keys typed into a field (e.g. a slotted search box) are the field's.
    const origin = event.composedPath()[0] as HTMLElement | undefined;
    if (origin?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(origin?.tagName ?? ''))
      return;
    const action = this.actionFor(event.key, origin);
    if (!action) return;
    event.preventDefault();
    action();
  };

  private actionFor(key: string, origin: HTMLElement | undefined): (() => void) | undefined {
    const t = this.target;
    const seekBy = (s: number) => () => this.seek(t.currentTime + s);
    // Space and Enter on a button press that button; only elsewhere does Space toggle playback.
    const onButton =
      origin?.tagName === 'BUTTON' || origin?.getAttribute('role')?.startsWith('menuitem');
    if ((key === ' ' && !onButton) || key === 'k' || key === 'K') {
      return () => (t.paused ? void t.play().catch(() => {}) : t.pause());
    }
    if (/^[0-9]$/.test(key)) return () => this.seek((Number(key) / 10) * t.duration);
    const actions: Record<string, () => void> = {
      ArrowLeft: seekBy(-5),
      ArrowRight: seekBy(5),
      j: seekBy(-10),
      J: seekBy(-10),
      l: seekBy(10),
      L: seekBy(10),
      Home: () => this.seek(0),
      End: () => this.seek(t.duration),
      ',': () => this.jumpToMarker(-1),
      '.': () => this.jumpToMarker(1),
      '<': () => this.stepSpeed(-1),
      '>': () => this.stepSpeed(1),
      f: () => t.toggleFullscreen(),
      F: () => t.toggleFullscreen(),
      '?': () => t.toggleHelp(),
    };
    return actions[key];
  }

  private seek(seconds: number) {
    const { duration } = this.target;
    if (!(duration > 0)) return;
    this.target.currentTime = Math.min(duration, Math.max(0, seconds));
  }

  /** The nearest marker before (-1) or after (1) the playhead; what a click on it does. */
  private jumpToMarker(direction: 1 | -1) {
    const now = this.target.currentTime;
    const times = (this.target.timeline?.markers ?? []).map((m) => m.time);
    // Half a second of slack, so pressing `,` twice goes back past the marker just reached.
    const before = times.filter((t) => t < now - 0.5);
    const after = times.filter((t) => t > now + 0.05);
    const to = direction < 0 ? before[before.length - 1] : after[0];
    if (to !== undefined) this.seek(to);
  }

  private stepSpeed(direction: 1 | -1) {
    const rate = this.target.playbackRate;
    const index = SPEEDS.findIndex((s) => s >= rate);
    const next =
      SPEEDS[
        Math.min(SPEEDS.length - 1, Math.max(0, (index < 0 ? SPEEDS.length : index) + direction))
      ];
    this.target.playbackRate = next;
  }
}
