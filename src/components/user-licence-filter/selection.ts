/** Rows picked for a bulk change: a checkbox per row, Shift for a range, "select all matching". */
export class Selection<Row> {
  /** @internal Selected rows by key, in the order they were picked. */
  private picked = new Map<unknown, Row>();
  /** @internal Where a Shift range starts. */
  private anchor?: unknown;

  constructor(
    private readonly key: (row: Row) => unknown,
    private readonly changed: () => void,
  ) {}

  /** Goes up with every change: what was selected at one version is still selected while it stays the same. */
  version = 0;

  get size(): number {
    return this.picked.size;
  }

  /** The selected rows. */
  get rows(): Row[] {
    return [...this.picked.values()];
  }

  has(row: Row): boolean {
    return this.picked.has(this.key(row));
  }

  /**
   * Toggles `rows[index]`; with `range`, every row from the last one toggled to it takes its new state (Shift-click,
   * Shift+arrows).
   */
  toggle(rows: readonly Row[], index: number, range = false, to?: boolean): void {
    const row = rows[index];
    if (!row) return;
    const on = to ?? !this.has(row);
    const from = range && this.anchor !== undefined ? rows.findIndex((r) => this.key(r) === this.anchor) : -1;
    const [a, b] = from >= 0 ? [Math.min(from, index), Math.max(from, index)] : [index, index];
    for (let i = a; i <= b; i++) this.set(rows[i], on);
    if (!range || from < 0) this.anchor = this.key(row);
    this.version++;
    this.changed();
  }

  /**
   * Selects every row given (the whole filtered set, not only the rendered ones). A row already selected keeps the
   * entry it was selected with.
   */
  selectAll(rows: readonly Row[]): void {
    for (const r of rows) if (!this.has(r)) this.set(r, true);
    this.version++;
    this.changed();
  }

  /** Whether every one of `rows` is selected. */
  covers(rows: readonly Row[]): boolean {
    return rows.length > 0 && rows.every((r) => this.has(r));
  }

  clear(): void {
    this.picked.clear();
    this.anchor = undefined;
    this.version++;
    this.changed();
  }

  /** @internal */
  private set(row: Row, on: boolean): void {
    if (on) this.picked.set(this.key(row), row);
    else this.picked.delete(this.key(row));
  }
}
