// A host app that localizes itself with @lit/localize, configured before the kit loads (the order that used to
// throw "lit-localize can only be configured once"). The consumer-app test drives both sides' setLocale().
import { configureLocalization, msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html } from 'lit';

const translations = {
  de: { 'host.hello': 'Hallo vom Gastgeber' },
  fr: { 'host.hello': 'Bonjour de l’hôte' },
};

const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de', 'fr'],
  loadLocale: async (locale) => ({ templates: translations[locale] }),
});

class HostGreeting extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  render() {
    return html`<p>${msg('Hello from the host', { id: 'host.hello' })}</p>`;
  }
}
customElements.define('host-greeting', HostGreeting);

const kit = await import('so-licence-kit');
Object.assign(window, { host, kit });
