/**
 * Every text the player and its controls show or speak, in English. Replace any of them through
 * the player's `labels` property (e.g. for translation); functions receive the values to insert.
 */
export interface ReplayLabels {
  player: string;
  play: string;
  pause: string;
  replay: string;
  seek: string;
  back: (seconds: number) => string;
  forward: (seconds: number) => string;
  speed: string;
  /** "2× (1:31)": a speed and the recording's length at that speed. */
  speedOption: (rate: number, duration: string) => string;
  skipInactivity: string;
  skipped: (seconds: number) => string;
  fullscreen: string;
  exitFullscreen: string;
  loop: string;
  remaining: string;
  /** "1 minute 5 seconds of 3 minutes" for the seek bar's aria-valuetext. */
  timeOf: (current: string, total: string) => string;
  loading: string;
  decoding: string;
  errorTitle: string;
  keyboardHelp: string;
  close: string;
}

export const defaultLabels: ReplayLabels = {
  player: 'Session replay',
  play: 'Play',
  pause: 'Pause',
  replay: 'Replay',
  seek: 'Seek',
  back: (s) => `Back ${s} seconds`,
  forward: (s) => `Forward ${s} seconds`,
  speed: 'Playback speed',
  speedOption: (rate, duration) => `${rate}× (${duration})`,
  skipInactivity: 'Skip inactivity',
  skipped: (s) => `Skipped ${s} s of inactivity`,
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  loop: 'Loop',
  remaining: 'Show remaining time',
  timeOf: (current, total) => `${current} of ${total}`,
  loading: 'Loading recording…',
  decoding: 'Decoding recording…',
  errorTitle: "This recording can't be played",
  keyboardHelp: 'Keyboard shortcuts',
  close: 'Close',
};

/** The labels of `player` (any element), falling back to the defaults. */
export function labelsOf(player: unknown): ReplayLabels {
  const own = (player as { labels?: Partial<ReplayLabels> } | undefined)?.labels;
  return own ? { ...defaultLabels, ...own } : defaultLabels;
}
