import { css } from 'lit';

export const styles = css`
  /* A tab list longer than its room scrolls; the edge with more is faded and has a scroll button (mouse and touch;
     the keyboard moves along the tabs with the arrow keys, and the focused tab scrolls into view). */
  .tab-strip {
    position: relative;
    margin-bottom: calc(var(--_space) * 2);
  }

  .tab-strip.more-start .tabs {
    mask-image: linear-gradient(to right, transparent, #000 3rem);
  }

  .tab-strip.more-end .tabs {
    mask-image: linear-gradient(to left, transparent, #000 3rem);
  }

  .tab-strip.more-start.more-end .tabs {
    mask-image: linear-gradient(to right, transparent, #000 3rem, #000 calc(100% - 3rem), transparent);
  }

  :host(:dir(rtl)) .tab-strip.more-start .tabs {
    mask-image: linear-gradient(to left, transparent, #000 3rem);
  }

  :host(:dir(rtl)) .tab-strip.more-end .tabs {
    mask-image: linear-gradient(to right, transparent, #000 3rem);
  }

  :host(:dir(rtl)) .tab-strip.more-start.more-end .tabs {
    mask-image: linear-gradient(to left, transparent, #000 3rem, #000 calc(100% - 3rem), transparent);
  }

  .scroll-hint {
    display: none;
    position: absolute;
    inset-block: 0 1px;
    z-index: 1;
    align-items: center;
    padding: 0 0.25rem;
    color: var(--_text);
    cursor: pointer;
  }

  .scroll-hint svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .scroll-hint.start {
    inset-inline-start: 0;
  }

  .scroll-hint.start svg,
  :host(:dir(rtl)) .scroll-hint.end svg {
    transform: scaleX(-1);
  }

  :host(:dir(rtl)) .scroll-hint.start svg {
    transform: none;
  }

  .scroll-hint.end {
    inset-inline-end: 0;
  }

  .more-start .scroll-hint.start,
  .more-end .scroll-hint.end {
    display: flex;
  }

  [role='tabpanel'] {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  /* The update bar is defined with the screen; should a host define it later, its room (one row of buttons, or two
     rows and the drop target with allow-file, at desktop widths) is kept until then. */
  so-licence-update:not(:defined) {
    display: block;
    min-height: 3.25rem;
  }
  so-licence-update[allow-file]:not(:defined) {
    min-height: 8rem;
  }

  /* While the licences load, the room of a typical licence list is kept, so the page below does not move. */
  .list-reserve {
    min-height: 45rem;
  }

  .expiry-mark {
    display: inline-grid;
    place-items: center;
    width: 1.15em;
    height: 1.15em;
    margin-inline-start: 0.4em;
    border-radius: 50%;
    background: var(--_warning-text);
    color: var(--_surface);
    font-size: 0.85em;
    font-weight: 700;
    line-height: 1;
  }

  .expiry-mark.expired {
    background: var(--_danger-text);
  }

  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;
