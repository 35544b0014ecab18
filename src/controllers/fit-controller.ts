/**
 * Scales the recorded page to fit the viewport at any size, keeping its aspect ratio and
 * centring it (rrweb draws the page at its recorded pixel size; we transform that box).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FitController implements ReactiveController {
  private observer?: ResizeObserver;
  private contentWidth = 0;
  private contentHeight = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { hasUpdated: boolean },
    private readonly viewport: () => HTMLElement | null,
    private readonly stage: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => this.apply());
    if (this.host.hasUpdated) this.observe();
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** The recorded page's size in CSS pixels, from its Meta event. */
  setContentSize(width: number, height: number): void {
    if (width === this.contentWidth && height === this.contentHeight) return;
    this.contentWidth = width;
    this.contentHeight = height;
    this.apply();
  }

  private observed?: HTMLElement;
  private observe() {
    const viewport = this.viewport();
    if (!viewport || viewport === this.observed || !this.observer) return;
    this.observed = viewport;
    this.observer.observe(viewport);
  }

  private apply() {
    const viewport = this.viewport();
    const stage = this.stage();
    if (!viewport || !stage || !this.contentWidth || !this.contentHeight) return;
    const { clientWidth, clientHeight } = viewport;
    const scale = Math.min(clientWidth / this.contentWidth, clientHeight / this.contentHeight);
    const x = (clientWidth - this.contentWidth * scale) / 2;
    const y = (clientHeight - this.contentHeight * scale) / 2;
    stage.style.width = `${this.contentWidth}px`;
    stage.style.height = `${this.contentHeight}px`;
    stage.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  }
}
