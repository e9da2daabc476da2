import type { ReactiveController } from 'lit';
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../localization.js';
import { getShopUrl, safeHttpsUrl } from '../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../api/errors.js';
import type { KitElement } from './kit-element.js';
import { reasonOf } from './states.js';

/** What *Purchase new licences* came to. */
export type ShopOutcome = { kind: 'opened' } | { kind: 'unsafe' } | { kind: 'failed'; error: ApiError } | { kind: 'aborted' };

/**
 * *Purchase new licences*: asks for the owner's shop address (W6, never a stored answer) and opens it in a new window
 * with `noopener`, only when it is `https:`.
 */
export async function openShop(host: KitElement, owner: string): Promise<ShopOutcome> {
  try {
    const url = safeHttpsUrl(await getShopUrl(host.config, owner, { fresh: true }));
    if (!url) return { kind: 'unsafe' };
    window.open(url, '_blank', 'noopener,noreferrer');
    return { kind: 'opened' };
  } catch (e) {
    return isAbort(e) ? { kind: 'aborted' } : { kind: 'failed', error: toApiError(e) };
  }
}

/** The button's label. */
export const shopLabel = () => msg('Purchase new licences', { id: 'update.shop' });

/** The sentence for an outcome that did not open the shop, or `undefined`. */
export function shopOutcomeText(outcome: ShopOutcome | undefined): string | undefined {
  if (outcome?.kind === 'unsafe') {
    return msg('The shop’s address is not a secure (https) address, so it was not opened.', { id: 'update.shop-unsafe' });
  }
  if (outcome?.kind === 'failed') return msg(str`The shop could not be opened. ${reasonOf(outcome.error)}`, { id: 'update.shop-failed' });
  return undefined;
}

/**
 * *Purchase new licences* as a button with its own outcome line, for the expiry warnings (owner card, Status tab):
 * one request per click; a refused or failed shop says so in a `role=alert` line beside the button.
 */
export class ShopAction implements ReactiveController {
  /** @internal */
  private busy = false;
  /** @internal */
  private outcome?: ShopOutcome;

  constructor(private readonly host: KitElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Asks for the shop and opens it; ignored while a request is under way. */
  async open(owner: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.outcome = undefined;
    this.host.requestUpdate();
    try {
      this.outcome = await openShop(this.host, owner);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** The button (part `shop`) and, after a refusal or failure, the alert (part `shop-error`). */
  render(owner: string): TemplateResult {
    const problem = shopOutcomeText(this.outcome);
    return html`<button
        class="button shop"
        part="shop"
        type="button"
        ?disabled=${this.busy}
        aria-busy=${this.busy ? 'true' : 'false'}
        @click=${() => this.open(owner)}
      >
        ${shopLabel()}
      </button>
      ${problem ? html`<span class="shop-error" part="shop-error" role="alert">${problem}</span>` : nothing}`;
  }
}

/** Styles of `ShopAction.render()` inside a `.shop-line` (the button, and beside it a refusal or failure). */
export const shopStyles = css`
  .shop-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .shop-error {
    color: var(--_danger-text);
  }
`;
