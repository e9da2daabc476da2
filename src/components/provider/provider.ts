import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { configContext, configProblems, type AuthConfig, type KitConfig } from '../../api/config.js';
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

  /**
   * Web API root including `/api/v1` for the elements inside. Set as a property (in code), its origin may receive
   * the bearer token; set only as the `api-base` attribute (markup), it may not, unless `configure({ trustedOrigins })`
   * lists it.
   */
  @property({ attribute: 'api-base' })
  get apiBase(): string | undefined {
    return this._apiBase;
  }
  set apiBase(value: string | undefined) {
    this._apiBase = value;
    this.apiBaseInCode = !this.fromAttribute;
  }

  /** @internal */
  private _apiBase?: string;
  /** @internal The last `apiBase` was set in code, not by the attribute. */
  private apiBaseInCode = false;
  /** @internal An attribute is being reflected into its property. */
  private fromAttribute = false;

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

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    this.fromAttribute = true;
    try {
      super.attributeChangedCallback(name, old, value);
    } finally {
      this.fromAttribute = false;
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('auth') || changed.has('fetch') || changed.has('timeout')) {
      const config: KitConfig = { apiBase: this.apiBase, auth: this.auth, fetch: this.fetch, timeout: this.timeout };
      // Markup cannot throw at the host: a setting that cannot work is named in the console and left out.
      for (const { field, message } of configProblems(config)) {
        console.error(`so-licence-kit <so-provider>: ${message} It is ignored.`);
        delete config[field as keyof KitConfig];
      }
      this.config = { ...config, trustedOrigins: this.apiBaseInCode && config.apiBase ? [config.apiBase] : [] };
    }
    if (changed.has('locale') && this.locale) void setLocale(this.locale);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
