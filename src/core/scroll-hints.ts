import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells whether a horizontally scrolling strip (a tab list too long for its room) has more beyond its start or end,
 * so the element can fade that edge and offer a scroll button. Follows scrolling and resizing; right-to-left aware.
 */
export class ScrollHints implements ReactiveController {
  /** There is more before the visible part. */
  start = false;
  /** There is more after the visible part. */
  end = false;

  /** @internal */
  private el?: HTMLElement;
  /** @internal */
  private observer?: ResizeObserver;
  /** @internal A measurement waiting for the next frame. */
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const el = this.host.renderRoot.querySelector<HTMLElement>(this.selector) ?? undefined;
    if (el !== this.el) {
      this.detach();
      this.el = el;
      if (el) {
        el.addEventListener('scroll', this.measure, { passive: true });
        this.observer = new ResizeObserver(this.measure);
        this.observer.observe(el);
      }
    }
    // Measured in the next frame, not here: reading sizes in the middle of an update forces a layout.
    if (el && !this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.measure();
      });
    }
  }

  hostDisconnected(): void {
    this.detach();
    this.el = undefined;
  }

  /** Scrolls by most of the visible width towards the end (`1`) or the start (`-1`), in reading direction. */
  scroll(direction: 1 | -1): void {
    if (!this.el) return;
    const rtl = getComputedStyle(this.el).direction === 'rtl' ? -1 : 1;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.el.scrollBy({ left: direction * rtl * this.el.clientWidth * 0.8, behavior: reduced ? 'auto' : 'smooth' });
  }

  /** @internal */
  private readonly measure = (): void => {
    const el = this.el;
    if (!el) return;
    const offset = Math.abs(el.scrollLeft); // negative in right-to-left strips
    const start = offset > 1;
    const end = offset + el.clientWidth < el.scrollWidth - 1;
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
      this.host.requestUpdate();
    }
  };

  /** @internal */
  private detach(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.el?.removeEventListener('scroll', this.measure);
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
