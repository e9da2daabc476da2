// Its own file (its own page): nothing has called setLocale() here, so the kit follows <html lang>.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/components/owner-info/define.js';
import { getLocale, setLocale } from '../src/localization.js';
import { text, useMockBackend, worker } from './support/mocks.js';

describe('localization follows <html lang>', () => {
  useMockBackend();

  it('follows <html lang> changes until setLocale() is called', async () => {
    const root = document.documentElement;
    root.lang = 'da-DK';
    worker.use(
      http.get('*/api/v1/License', () =>
        HttpResponse.json([
          {
            Current: { CompanyName: 'Nordlys', SerialNr: '1', OwnerName: 'SUPEROFFICE' },
            ExtendedModuleLicenses: [],
          },
        ]),
      ),
    );
    const el = await fixture(html`<so-owner-info></so-owner-info>`);
    await waitUntil(() => text(el).includes('Serienummer') && getLocale() === 'da', 'Danish from <html lang>');
    root.lang = 'sv';
    await waitUntil(() => getLocale() === 'sv' && text(el).includes('Företag'), 'Swedish after lang change');
    root.lang = 'fr';
    await waitUntil(() => getLocale() === 'en', 'English for an unknown language');
    await setLocale('nl');
    root.lang = 'de';
    await new Promise((r) => setTimeout(r, 50));
    expect(getLocale()).to.equal('nl');
    root.lang = 'en';
  });
});
