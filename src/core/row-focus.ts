import type { ReactiveControllerHost } from 'lit';
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
  /** A row was activated: clicked, or Enter/Space on it. */
  activate: (row: Row, index: number) => void;
}

/**
 * Keyboard and pointer use of a virtualized grid whose rows are the focusable items (one tab stop, roving
 * `tabindex`): ↑/↓, Home/End and PageUp/PageDown move between rows, scrolling them into view; Enter or Space, or a
 * click, activates a row. Rows carry `aria-rowindex` (the row's index + `firstRowIndex`).
 *
 * On the grid: `@click=${focus.onClick} @keydown=${focus.onKeyDown} @focusin=${focus.onFocusIn}`; on each row:
 * `tabindex=${index === focus.tabStop ? 0 : -1}`, reading `tabStop` after `window.range()` in `render()`.
 */
export class RowFocus<Row> {
  /** @internal The key of the row that holds the tab stop. */
  private activeKey?: unknown;
  /** @internal Row index by key, rebuilt when the rows change. */
  private index?: { rows: readonly Row[]; byKey: Map<unknown, number> };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RowFocusOptions<Row>,
  ) {}

  /** The index of the row with `key`, or -1. */
  indexOf(key: unknown): number {
    const rows = this.options.rows();
    if (this.index?.rows !== rows) {
      this.index = { rows, byKey: new Map(rows.map((r, i) => [this.options.key(r), i])) };
    }
    return this.index.byKey.get(key) ?? -1;
  }

  /** The row that takes Tab: the active one when rendered, else the first one in view. */
  get tabStop(): number {
    const { start, end, firstVisible } = this.options.window;
    const active = this.activeKey === undefined ? -1 : this.indexOf(this.activeKey);
    return active >= start && active < end ? active : Math.max(start, Math.min(firstVisible, end - 1));
  }

  /** Moves the tab stop to row `index`, scrolls it into view and focuses it. */
  async focus(index: number): Promise<void> {
    const row = this.options.rows()[index];
    if (!row) return;
    this.activeKey = this.options.key(row);
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
    this.activeKey = this.options.key(row);
    this.options.activate(row, index);
  }

  readonly onClick = (e: MouseEvent): void => this.activate(this.rowOf(e.target));

  /** Focus arriving on a row (click, Tab) makes it the active row. */
  readonly onFocusIn = (e: FocusEvent): void => {
    const row = this.options.rows()[this.rowOf(e.target)];
    if (row) this.activeKey = this.options.key(row);
  };

  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.metaKey || e.ctrlKey) return;
    const last = this.options.rows().length - 1;
    const current = Math.max(0, this.rowOf(e.target));
    const page = this.options.window.pageRows;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: last,
    };
    if ((e.key === 'Enter' || e.key === ' ') && this.rowOf(e.target) >= 0) {
      e.preventDefault();
      this.activate(current);
    } else if (e.key in moves && last >= 0) {
      e.preventDefault();
      void this.focus(Math.max(0, Math.min(last, moves[e.key])));
    }
  };
}
