/**
 * A host page that localizes itself with @lit/localize, configured before the kit is imported (host-localize.test.ts
 * imports this module first). The kit used to call the same `configureLocalization`, which may run once per page.
 */
import { configureLocalization, msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html } from 'lit';

const translations: Record<string, Record<string, string>> = {
  de: { 'host.hello': 'Hallo vom Gastgeber' },
  fr: { 'host.hello': 'Bonjour de l’hôte' },
};

export const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de', 'fr'],
  loadLocale: async (locale) => ({ templates: translations[locale] }),
});

export class HostGreeting extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  override render() {
    return html`<p>${msg('Hello from the host', { id: 'host.hello' })}</p>`;
  }
}
customElements.define('host-greeting', HostGreeting);
