import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { KitElement } from '../../core/kit-element.js';

/** What a confirmation shows; functions, so the texts follow the locale while it is open. */
export interface ConfirmRequest {
  title: () => string;
  text: () => TemplateResult | string;
  /** The destructive button's label, e.g. "Remove". */
  confirm: () => string;
}

/**
 * A modal confirmation (native `<dialog>` with `showModal()`: focus is trapped, Escape cancels). *Cancel* has the
 * focus, not the destructive button; when it closes, focus returns to where it was. Render `dialog()` in the host.
 */
export class ConfirmDialog implements ReactiveController {
  /** @internal */
  private pending?: { request: ConfirmRequest; resolve: (ok: boolean) => void; opener: HTMLElement | null };

  constructor(private readonly host: KitElement) {
    host.addController(this);
  }

  /** Asks; resolves `true` when the person confirmed. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this.pending?.resolve(false);
    const opener = (this.host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    const answer = new Promise<boolean>((resolve) => (this.pending = { request, resolve, opener }));
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.confirm');
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLButtonElement>('.cancel')?.focus();
    return answer;
  }

  hostDisconnected(): void {
    this.close(false);
  }

  /** @internal */
  private close(ok: boolean): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.confirm')?.close();
    pending.resolve(ok);
    this.host.requestUpdate();
    if (pending.opener?.isConnected) pending.opener.focus();
  }

  /** The dialog while a question is open. */
  dialog(): TemplateResult | typeof nothing {
    const r = this.pending?.request;
    if (!r) return nothing;
    return html`<dialog
      class="confirm"
      part="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @close=${() => this.close(false)}
    >
      <h3 id="confirm-title">${r.title()}</h3>
      <p id="confirm-text">${r.text()}</p>
      <div class="actions">
        <button type="button" class="button cancel" @click=${() => this.close(false)}>${msg('Cancel', { id: 'edit.cancel' })}</button>
        <button type="button" class="button danger" part="confirm" @click=${() => this.close(true)}>${r.confirm()}</button>
      </div>
    </dialog>`;
  }
}
