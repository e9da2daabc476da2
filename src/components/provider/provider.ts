import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { configContext, type AuthConfig, type KitConfig } from '../../api/config.js';
import { setLocale, type LocaleInput } from '../../localization.js';
import { VERSION } from '../../version.js';

/**
 * Gives every kit element inside it one configuration, between an element's own `api-base` and `configure()`.
 * Secrets (`auth`, `fetch`) are properties, never attributes.
 *
 * @tag so-provider
 * @summary Configuration for a subtree.
 * @slot - The elements to configure.
 */
export class SoProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** @internal */
  static readonly kitVersion = VERSION;

  /** Web API root including `/api/v1` for the elements inside. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** UI locale for the page (da, de, en, nl, nb, sv; `no`/`nn` = nb). The locale is page-wide. */
  @property() locale?: LocaleInput;

  /** Authentication for the elements inside (property only). */
  @property({ attribute: false }) auth?: AuthConfig;

  /** A `fetch`-compatible transport for the elements inside (property only). */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** Milliseconds per request. */
  @property({ type: Number }) timeout?: number;

  /** @internal */
  @provide({ context: configContext })
  protected config: KitConfig = {};

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('auth') || changed.has('fetch') || changed.has('timeout')) {
      this.config = { apiBase: this.apiBase, auth: this.auth, fetch: this.fetch, timeout: this.timeout };
    }
    if (changed.has('locale') && this.locale) void setLocale(this.locale);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
