/**
 * Tells the player when it comes near the viewport (for `loading="lazy"`) and when it is visible
 * (for `autoplay`, which starts when the player is seen and pauses when it scrolls away).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VisibilityCallbacks {
  /** The player is within a screen's height of the viewport (fires once). */
  onNear(): void;
  /** At least half the player is on screen, or it no longer is. */
  onVisibleChange(visible: boolean): void;
}

export class VisibilityController implements ReactiveController {
  private near?: IntersectionObserver;
  private visible?: IntersectionObserver;
  isNear = false;
  isVisible = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly callbacks: VisibilityCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting) || this.isNear) return;
        this.isNear = true;
        this.callbacks.onNear();
      },
      { rootMargin: '100% 0px' },
    );
    this.visible = new IntersectionObserver(
      (entries) => {
        const visible = entries[entries.length - 1].intersectionRatio >= 0.5;
        if (visible === this.isVisible) return;
        this.isVisible = visible;
        this.callbacks.onVisibleChange(visible);
      },
      { threshold: [0, 0.5, 1] },
    );
    this.near.observe(this.host);
    this.visible.observe(this.host);
  }

  hostDisconnected(): void {
    this.near?.disconnect();
    this.visible?.disconnect();
    this.isNear = false;
    this.isVisible = false;
  }
}
