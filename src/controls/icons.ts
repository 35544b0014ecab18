import { svg } from 'lit';

/** 24px icons, drawn with currentColor so themes recolour them. */
export const playIcon = svg`<path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5Z"/>`;
export const pauseIcon = svg`<rect x="6" y="5" width="4" height="14" rx="1"/><rect x="14" y="5" width="4" height="14" rx="1"/>`;
export const replayIcon = svg`<path d="M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7Z"/>`;
export const backIcon = svg`<path d="M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7Z"/><text x="12" y="15.5" font-size="6.5" font-weight="700" text-anchor="middle" font-family="system-ui,sans-serif">10</text>`;
export const forwardIcon = svg`<path d="M12 5V2l5 4-5 4V7a5 5 0 1 0 5 5h2a7 7 0 1 1-7-7Z"/><text x="12" y="15.5" font-size="6.5" font-weight="700" text-anchor="middle" font-family="system-ui,sans-serif">10</text>`;
export const fullscreenIcon = svg`<path d="M4 9V4h5v2H6v3H4Zm10-5h6v5h-2V6h-4V4ZM4 15h2v3h3v2H4v-5Zm14 0h2v5h-5v-2h3v-3Z"/>`;
export const exitFullscreenIcon = svg`<path d="M7 4h2v5H4V7h3V4Zm8 0h2v3h3v2h-5V4ZM4 15h5v5H7v-3H4v-2Zm11 0h5v2h-3v3h-2v-5Z"/>`;
export const loopIcon = svg`<path d="M7 7h10v3l4-4-4-4v3H5v6h2V7Zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2v4Z"/>`;
export const skipIcon = svg`<path d="M4 6l8 6-8 6V6Zm9 0l8 6-8 6V6Z"/>`;
