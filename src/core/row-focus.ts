import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VirtualWindow } from './virtual-window.js';

export interface RowFocusOptions<Row> {
  /** The rows in display order (after any filtering); a new array whenever they change. */
  rows: () => readonly Row[];
  /** A row's identity: the focused row stays focused while rows are added or filtered. */
  key: (row: Row) => unknown;
  /** The window that renders the rows. */
  window: VirtualWindow;
  /** Matches a rendered body row inside the host's shadow root. */
  rowSelector: string;
  /** `aria-rowindex` of the first body row (`2` under one header row). */
  firstRowIndex: number;
  /** A row was activated: clicked, or Enter/Space on it (or on the grid, for the active row). */
  activate: (row: Row, index: number) => void;
  /**
   * Matches the focusable grid (`tabindex="-1"`). When given, a focused row that scrolls out of the rendered window
   * hands focus to the grid, so the arrow keys (which then start from the active row) bring it back.
   */
  gridSelector?: string;
}

/**
 * Keyboard and pointer use of a virtualized grid whose rows are the focusable items (one tab stop, roving
 * `tabindex`): ↑/↓, Home/End and PageUp/PageDown move between rows, scrolling them into view; Enter or Space, or a
 * click, activates a row. Rows carry `aria-rowindex` (the row's index + `firstRowIndex`).
 *
 * On the grid: `@click=${focus.onClick} @keydown=${focus.onKeyDown} @focusin=${focus.onFocusIn}`; on each row:
 * `tabindex=${index === focus.tabStop ? 0 : -1}`, reading `tabStop` after `window.range()` in `render()`.
 */
export class RowFocus<Row> implements ReactiveController {
  /** @internal The key of the row that holds the tab stop. */
  private activeKey?: unknown;
  /** @internal Row index by key, rebuilt when the rows change. */
  private index?: { rows: readonly Row[]; byKey: Map<unknown, number> };
  /** @internal The focused row is outside the window being rendered: the grid takes focus after the update. */
  private keepFocus = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RowFocusOptions<Row>,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.keepFocus || !this.options.gridSelector) return;
    this.keepFocus = false;
    this.host.shadowRoot?.querySelector<HTMLElement>(this.options.gridSelector)?.focus({ preventScroll: true });
  }

  /** The index of the row that holds the tab stop, or -1. */
  get active(): number {
    return this.activeKey === undefined ? -1 : this.indexOf(this.activeKey);
  }

  /** The index of the row with `key`, or -1. */
  indexOf(key: unknown): number {
    const rows = this.options.rows();
    if (this.index?.rows !== rows) {
      this.index = { rows, byKey: new Map(rows.map((r, i) => [this.options.key(r), i])) };
    }
    return this.index.byKey.get(key) ?? -1;
  }

  /** The row that takes Tab: the active one when rendered, else the first one in view. Read it in `render()`. */
  get tabStop(): number {
    const { start, end, firstVisible } = this.options.window;
    const focused = this.rowOf(this.host.shadowRoot?.activeElement ?? null);
    this.keepFocus = focused >= 0 && (focused < start || focused >= end);
    const active = this.active;
    return active >= start && active < end ? active : Math.max(start, Math.min(firstVisible, end - 1));
  }

  /** @internal Moves the tab stop; the rows' `tabindex` follows on the next render. */
  private setActive(row: Row): void {
    this.activeKey = this.options.key(row);
    this.host.requestUpdate();
  }

  /** Moves the tab stop to row `index`, scrolls it into view and focuses it. */
  async focus(index: number): Promise<void> {
    const row = this.options.rows()[index];
    if (!row) return;
    this.setActive(row);
    await this.options.window.reveal(index);
    this.host.shadowRoot
      ?.querySelector<HTMLElement>(`${this.options.rowSelector}[aria-rowindex="${index + this.options.firstRowIndex}"]`)
      ?.focus();
  }

  /** @internal The row index of an event target, or -1. */
  private rowOf(target: EventTarget | null): number {
    const row = (target as Element | null)?.closest?.(this.options.rowSelector);
    return row ? Number(row.getAttribute('aria-rowindex')) - this.options.firstRowIndex : -1;
  }

  /** @internal */
  private activate(index: number): void {
    const row = this.options.rows()[index];
    if (!row) return;
    this.setActive(row);
    this.options.activate(row, index);
  }

  readonly onClick = (e: MouseEvent): void => this.activate(this.rowOf(e.target));

  /** Focus arriving on a row (click, Tab) makes it the active row. */
  readonly onFocusIn = (e: FocusEvent): void => {
    const row = this.options.rows()[this.rowOf(e.target)];
    if (row) this.setActive(row);
  };

  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.metaKey || e.ctrlKey) return;
    const last = this.options.rows().length - 1;
    // On a row: that row. On the grid itself (its focused row was scrolled away): the active row.
    const onRow = this.rowOf(e.target);
    const current = Math.max(0, onRow >= 0 ? onRow : this.active);
    const page = this.options.window.pageRows;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: last,
    };
    if ((e.key === 'Enter' || e.key === ' ') && (onRow >= 0 || this.active >= 0)) {
      e.preventDefault();
      this.activate(current);
    } else if (e.key in moves && last >= 0) {
      e.preventDefault();
      void this.focus(Math.max(0, Math.min(last, moves[e.key])));
    }
  };
}
