// Its own file (its own page): nothing has called setLocale() before these tests, so the kit follows <html lang>.
// Issue 9, items 13 and 16.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/components/licence-list/define.js';
import { getLocale, setLocale } from '../src/localization.js';
import { countRequests, recordEvents, text, useMockBackend, waitForState, worker } from './support/mocks.js';

describe('locale and the first request', () => {
  useMockBackend();

  it('on a German page the first request waits for the locale: sent once, in German; so-error once', async () => {
    document.documentElement.lang = 'de';
    worker.use(http.get('*/api/v1/License', () => HttpResponse.json({}, { status: 500 })));
    const log = countRequests('/License');
    const errors = recordEvents(document, 'so-error');
    const el = await fixture(html`<so-licence-list></so-licence-list>`);
    await waitForState(el, 'error');
    await new Promise((r) => setTimeout(r, 200));
    log.stop();
    expect(getLocale()).to.equal('de');
    expect(log.requests.map((r) => r.headers.get('Accept-Language'))).to.deep.equal(['de']);
    expect(errors.length).to.equal(1);
    expect(text(el)).to.contain('Erneut versuchen');
    document.documentElement.lang = 'en';
  });

  it("setLocale('de'); setLocale('en'): the last call wins, whatever loads last", async () => {
    const el = await fixture(html`<so-licence-list></so-licence-list>`);
    await waitUntil(() => text(el).includes('Licence'), 'English list');
    const de = setLocale('de');
    const en = setLocale('en');
    await Promise.all([de, en]);
    await new Promise((r) => setTimeout(r, 100));
    expect(getLocale()).to.equal('en');
    expect(text(el)).to.contain('Licence');
    // And the other way round, with a locale that was not loaded yet.
    const sv = setLocale('sv');
    const nl = setLocale('nl');
    await Promise.all([sv, nl]);
    expect(getLocale()).to.equal('nl');
  });
});
