import type { ReactiveControllerHost } from 'lit';

export interface TabKeysOptions<T> {
  /** The tabs in order. */
  tabs: () => readonly T[];
  /** The selected tab. */
  selected: () => T;
  /** Selects `tab` (the host re-renders). */
  select: (tab: T) => void;
  /** The element of `tab`, focused once the host rendered the new selection. */
  element: (tab: T) => HTMLElement | null | undefined;
}

/**
 * Keyboard use of a WAI-ARIA tab list with automatic activation: ←/→ select and focus the previous/next tab
 * (wrapping around), Home/End the first/last. The host renders the selected tab with `tabindex="0"` and the others
 * with `-1` and puts `@keydown=${tabKeys.onKeyDown}` on the `role="tablist"`.
 */
export class TabKeys<T> {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TabKeysOptions<T>,
  ) {}

  readonly onKeyDown = async (e: KeyboardEvent): Promise<void> => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tabs = this.options.tabs();
    const i = tabs.indexOf(this.options.selected());
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
    if (!(e.key in moves) || !tabs.length) return;
    e.preventDefault();
    const tab = tabs[(moves[e.key] + tabs.length) % tabs.length];
    this.options.select(tab);
    await this.host.updateComplete;
    this.options.element(tab)?.focus();
  };
}
