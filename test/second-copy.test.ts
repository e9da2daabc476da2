// Its own file (its own page): nothing has called setLocale() before the first test, so the kit follows <html lang>.
// Issue 9, item 14: a second copy of the same version (loaded from another URL) shares configuration and locale.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/components/owner-info/define.js';
import * as configModule from '../src/api/config.js';
import * as localizationModule from '../src/localization.js';
import { useMockBackend, worker } from './support/mocks.js';

/** The same module under another URL (its source, which the test server compiles): another copy, with state of its own. */
const secondCopy = (path: string): string => `${path}?copy=2`;
type ConfigModule = typeof configModule;
type LocalizationModule = typeof localizationModule;

describe('a second copy of the same version', () => {
  useMockBackend();

  it('its setLocale() reaches the first copy, which then stops following <html lang>', async () => {
    const second = (await import(/* @vite-ignore */ secondCopy('../src/localization.ts'))) as LocalizationModule;
    await fixture(html`<so-owner-info></so-owner-info>`);
    await second.setLocale('de');
    expect(localizationModule.getLocale()).to.equal('de');
    document.documentElement.lang = 'sv';
    await new Promise((r) => setTimeout(r, 100));
    expect(localizationModule.getLocale(), 'the host chose German in code').to.equal('de');
    document.documentElement.lang = 'en';
  });

  it('its configure() reaches the elements of the first copy', async () => {
    // The same modules under another URL are another copy, with module state of their own.
    const second = (await import(/* @vite-ignore */ secondCopy('../src/api/config.ts'))) as ConfigModule;
    worker.use(http.get('*/copy2/api/v1/License', () => HttpResponse.json([])));
    const el = await fixture(html`<so-owner-info></so-owner-info>`);
    second.configure({ apiBase: '/copy2/api/v1', timeout: 4321 });
    expect(configModule.resolveConfig(undefined, undefined)).to.include({ apiBase: '/copy2/api/v1', timeout: 4321 });
    await waitUntil(() => el.shadowRoot!.querySelector('.state.empty'), 'the element reloaded from the new base', { timeout: 4000 });
  });
});
