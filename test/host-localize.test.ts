// Its own page: the host configures @lit/localize before the kit loads, and both sides keep their own locale.
import { host } from './support/lit-host.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { getLocale, setLocale } from '../src/localization.js';
import { text, useMockBackend } from './support/mocks.js';

describe('a host that uses @lit/localize itself', () => {
  useMockBackend();

  it('keeps the host and the kit translated, each by its own setLocale()', async () => {
    const page = await fixture(html`<div><host-greeting></host-greeting><so-owner-info owner="SUPEROFFICE"></so-owner-info></div>`);
    const greeting = page.querySelector('host-greeting')!;
    const owner = page.querySelector('so-owner-info')!;
    const both = (hostText: string, kitText: string) => () => text(greeting).includes(hostText) && text(owner).includes(kitText);

    await waitUntil(both('Hello from the host', 'Serial number'), 'both in English');
    await host.setLocale('de');
    await waitUntil(both('Hallo vom Gastgeber', 'Serial number'), "host's setLocale('de') leaves the kit in English");
    expect(getLocale()).to.equal('en');

    await setLocale('da');
    await waitUntil(both('Hallo vom Gastgeber', 'Serienummer'), "the kit's setLocale('da') leaves the host in German");
    expect(host.getLocale()).to.equal('de');

    await host.setLocale('en');
    await waitUntil(both('Hello from the host', 'Serienummer'), "host's setLocale('en') leaves the kit in Danish");
    await setLocale('nn');
    await waitUntil(both('Hello from the host', 'Serienummer'), 'nn is Norwegian bokmål for the kit');
    expect([host.getLocale(), getLocale()]).to.deep.equal(['en', 'nb']);
  });
});
