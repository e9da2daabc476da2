import { css, html, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { msg } from '../localization.js';
import { define, KitElement } from './kit-element.js';

/** What a confirmation asks, in the user's words. All texts already localized (call `msg()` in `render()`). */
export interface ConfirmOptions {
  /** The question, e.g. "Remove Sales Premium from Karin Holm?". */
  heading: string;
  /** What will happen, as a sentence or a small template. */
  message?: string | TemplateResult;
  /** The confirming button, e.g. "Remove licence". */
  confirmLabel: string;
  /** A destructive change: the confirming button is styled as dangerous. It is never the default focus. */
  destructive?: boolean;
}

/**
 * A modal confirmation (native `<dialog>` with `showModal()`): labelled by its question, described by its message;
 * *Cancel* has the first focus, so Enter never confirms by accident; Escape cancels; the page behind is inert while it
 * is open. Used through `confirmChange()`, which also returns focus to where it was.
 *
 * @summary A modal question before a change.
 * @csspart dialog - The dialog.
 * @csspart confirm - The confirming button.
 * @csspart cancel - The *Cancel* button.
 */
export class SoConfirmDialog extends KitElement {
  static override styles = [
    KitElement.styles,
    css`
      dialog {
        width: min(32rem, calc(100vw - 2rem));
        padding: calc(var(--_space) * 2.5);
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) * 1.5);
        background: var(--_surface);
        color: var(--_text);
        box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
      }
      dialog::backdrop {
        background: rgb(10 15 25 / 0.5);
      }
      h2 {
        margin: 0 0 var(--_space);
        font-size: 1.15rem;
        line-height: 1.3;
      }
      .message {
        margin: 0 0 calc(var(--_space) * 2.5);
        color: var(--_text-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: var(--_space);
      }
      .button.danger {
        background: var(--_danger-text);
        border-color: var(--_danger-text);
        color: var(--_surface);
      }
    `,
  ];

  /** The question. */
  @property() heading = '';
  /** What will happen. */
  @property({ attribute: false }) message?: string | TemplateResult;
  /** The confirming button's label. */
  @property({ attribute: 'confirm-label' }) confirmLabel = '';
  /** Style the confirming button as destructive. */
  @property({ type: Boolean }) destructive = false;

  /** @internal */
  @query('dialog') private dialog!: HTMLDialogElement;
  /** @internal */
  private answer?: (confirmed: boolean) => void;

  /** Opens the dialog; resolves `true` when confirmed, `false` when cancelled (button, Escape or removal). */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    const result = new Promise<boolean>((resolve) => (this.answer = resolve));
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('[part=cancel]')?.focus();
    return result;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.finish(false);
  }

  /** @internal */
  private finish(confirmed: boolean): void {
    const answer = this.answer;
    this.answer = undefined;
    if (this.dialog?.open) this.dialog.close();
    answer?.(confirmed);
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="question" aria-describedby="message" @cancel=${this.onCancel} @keydown=${this.onKeyDown} @close=${() => this.finish(false)}>
      <h2 id="question">${this.heading}</h2>
      <div id="message" class="message">${this.message}</div>
      <div class="actions">
        <button class="button" part="cancel" type="button" autofocus @click=${() => this.finish(false)}>
          ${msg('Cancel', { id: 'write.cancel' })}
        </button>
        <button class="button ${this.destructive ? 'danger' : 'primary'}" part="confirm" type="button" @click=${() => this.finish(true)}>
          ${this.confirmLabel}
        </button>
      </div>
    </dialog>`;
  }

  /** @internal Tab and Shift+Tab cycle through the dialog's buttons: focus never leaves it while it is open. */
  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    const at = buttons.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    const next = (at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
    e.preventDefault();
    buttons[next]?.focus();
  };

  /** @internal Escape cancels. */
  private readonly onCancel = (e: Event) => {
    e.preventDefault();
    this.finish(false);
  };
}

define('so-confirm-dialog', SoConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'so-confirm-dialog': SoConfirmDialog;
  }
}

/** The focused element, looking into open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | undefined {
  const active = root.activeElement as HTMLElement | null;
  if (!active) return undefined;
  return (active.shadowRoot && deepActiveElement(active.shadowRoot)) || active;
}

/**
 * Asks before a change, in a modal dialog placed in `host`'s shadow root (so it inherits its theme). Resolves `true`
 * when confirmed. Focus returns to where it was (or to `returnFocus`) when the dialog closes.
 */
export async function confirmChange(host: HTMLElement, options: ConfirmOptions, returnFocus?: HTMLElement): Promise<boolean> {
  const back = returnFocus ?? deepActiveElement();
  const dialog = document.createElement('so-confirm-dialog');
  dialog.heading = options.heading;
  dialog.message = options.message;
  dialog.confirmLabel = options.confirmLabel;
  dialog.destructive = options.destructive ?? false;
  const theme = host.closest('[theme]')?.getAttribute('theme');
  if (theme === 'dark' || theme === 'light') dialog.theme = theme;
  (host.shadowRoot ?? host).append(dialog);
  try {
    return await dialog.ask();
  } finally {
    dialog.remove();
    back?.focus();
  }
}
