import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface VirtualWindowOptions {
  /** Matches a rendered row inside the scroll container; its height is measured. */
  rowSelector: string;
  /** Rows rendered above and below the visible ones. Default 8. */
  overscan?: number;
  /** Row height in pixels until one was measured. Default 40. */
  estimate?: number;
  /**
   * Called (after an update) while the rendered rows reach the last `overscan` loaded rows: load the next page here.
   * `wanted` is how many rows the view needs loaded (more than one page when scrolled far into a list sized from a
   * server's total).
   */
  nearEnd?: (wanted: number) => void;
}

/**
 * Fixed-row-height windowing for long lists: only the rows in view (± `overscan`) are rendered, between two spacers
 * that stand in for the others, so the DOM stays small however many rows there are and rows keep their natural
 * order for ARIA grid/table semantics. Strict-CSP safe: the spacers are SVGs sized by their `height` attribute, no
 * inline styles. Every row has the same height, set in CSS (it may change with a container query): it is measured
 * from a rendered row, again whenever the scroll container is resized.
 *
 * In `render()`: `${ref(window.attach)}` on the scroll container (which scrolls with `overflow: auto`; a sticky
 * header may precede the rows inside it), `const [start, end] = window.range(rows.length)`, then
 * `window.spacer('before')`, rows `start` … `end - 1`, `window.spacer('after')`.
 */
export class VirtualWindow implements ReactiveController {
  /** First rendered row. */
  start = 0;
  /** One past the last rendered row. */
  end = 0;

  /** @internal Rows the list has (it may know more rows than are loaded). */
  private count = 0;
  /** @internal Rows loaded: only these can be rendered. */
  private loaded = 0;
  /** @internal One past the last row the view shows, loaded or not. */
  private wanted = 0;
  /** @internal */
  private scroller?: HTMLElement;
  /** @internal */
  private rowHeight: number;
  /** @internal Distance from the top of the scrolled content to the first row (the sticky header). */
  private offset = 0;
  /** @internal */
  private viewport: number;
  /** @internal */
  private scrollTop = 0;
  /** @internal */
  private measured = false;
  /** @internal A measurement waiting for the next frame. */
  private frame = 0;
  /** @internal */
  private readonly resizeObserver = new ResizeObserver(() => this.measure());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: VirtualWindowOptions,
  ) {
    host.addController(this);
    this.rowHeight = options.estimate ?? 40;
    this.viewport = 16 * this.rowHeight;
  }

  /** @internal */
  private get overscan(): number {
    return this.options.overscan ?? 8;
  }

  /** Lit `ref` callback for the scroll container. */
  readonly attach = (element?: Element): void => {
    if (element === this.scroller) return;
    if (this.scroller) {
      this.scroller.removeEventListener('scroll', this.onScroll);
      this.resizeObserver.unobserve(this.scroller);
    }
    this.scroller = element as HTMLElement | undefined;
    this.scrollTop = this.scroller?.scrollTop ?? 0;
    this.measured = false;
    if (this.scroller) {
      this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
      this.resizeObserver.observe(this.scroller);
    }
  };

  /**
   * The rows to render out of `count`: `[start, end)`. Call it in `render()`, before `spacer()`. With `loaded` (fewer
   * rows loaded than the list has, e.g. a server's `odata.count`) the spacers are sized for all `count` rows, so the
   * scrollbar shows the whole list, and only loaded rows are rendered.
   */
  range(count: number, loaded = count): [number, number] {
    this.count = Math.max(count, loaded);
    this.loaded = Math.min(loaded, this.count);
    const range = this.compute(this.count);
    this.wanted = range[1];
    [this.start, this.end] = this.clamp(range);
    return [this.start, this.end];
  }

  /** The spacer standing in for the rows above (`before`) or below (`after`) the rendered ones. */
  spacer(side: 'before' | 'after'): TemplateResult {
    const rows = side === 'before' ? this.start : this.count - this.end;
    return html`<svg class="spacer" data-spacer=${side} aria-hidden="true" width="1" height=${rows * this.rowHeight}></svg>`;
  }

  /** The first row fully in view. */
  get firstVisible(): number {
    return Math.min(Math.ceil(this.scrollTop / this.rowHeight), Math.max(0, this.loaded - 1));
  }

  /** How many rows fit in view (a PageUp/PageDown step). */
  get pageRows(): number {
    return Math.max(1, Math.floor((this.viewport - this.offset) / this.rowHeight));
  }

  /** Scrolls the container just enough to show row `index` in full; resolves once the host rendered it. */
  async reveal(index: number): Promise<void> {
    const s = this.scroller;
    if (s) {
      const top = index * this.rowHeight; // relative to the first row; the sticky header covers `offset`
      if (top < s.scrollTop) s.scrollTop = top;
      else if (this.offset + top + this.rowHeight > s.scrollTop + this.viewport) {
        s.scrollTop = this.offset + top + this.rowHeight - this.viewport;
      }
      this.scrollTop = s.scrollTop;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  /** Keeps the same rows in view after `rows` rows were inserted above them (unless the list is at its top). */
  async shift(rows: number): Promise<void> {
    const s = this.scroller;
    if (!s || rows <= 0 || this.scrollTop <= 0) return;
    this.scrollTop += rows * this.rowHeight;
    this.host.requestUpdate();
    await this.host.updateComplete;
    s.scrollTop = this.scrollTop;
  }

  hostUpdated(): void {
    // Measured in the next frame, not here: reading sizes in the middle of an update forces a layout.
    if (!this.measured && !this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (!this.measured) this.measure();
      });
    }
    const nearEnd = this.options.nearEnd;
    if (this.loaded > 0 && this.end + this.overscan >= this.loaded && nearEnd) {
      const wanted = this.wanted;
      queueMicrotask(() => nearEnd(wanted));
    }
  }

  /** @internal A range limited to the loaded rows. */
  private clamp([start, end]: [number, number]): [number, number] {
    return [Math.min(start, this.loaded), Math.min(end, this.loaded)];
  }

  /** @internal */
  private compute(count: number): [number, number] {
    const first = Math.min(Math.floor(Math.max(0, this.scrollTop - this.offset) / this.rowHeight), count);
    const visible = Math.ceil(this.viewport / this.rowHeight) + 1;
    return [Math.max(0, first - this.overscan), Math.min(count, first + visible + this.overscan)];
  }

  /** @internal */
  private readonly onScroll = (): void => {
    this.scrollTop = this.scroller!.scrollTop;
    const [start, end] = this.clamp(this.compute(this.count));
    if (start !== this.start || end !== this.end) this.host.requestUpdate();
  };

  /** @internal Reads row height, header offset and viewport from the layout; re-renders when they changed. */
  private measure(): void {
    const s = this.scroller;
    const row = s?.querySelector(this.options.rowSelector);
    const spacer = s?.querySelector('[data-spacer=before]');
    if (!s || !row || !spacer || !s.clientHeight) return; // not laid out yet (e.g. in a hidden tab panel)
    const box = s.getBoundingClientRect();
    const next = {
      rowHeight: row.getBoundingClientRect().height || this.rowHeight,
      offset: spacer.getBoundingClientRect().top - box.top - s.clientTop + s.scrollTop,
      viewport: s.clientHeight,
    };
    this.measured = true;
    if (next.rowHeight === this.rowHeight && next.offset === this.offset && next.viewport === this.viewport) return;
    Object.assign(this, next);
    queueMicrotask(() => this.host.requestUpdate());
  }
}
