/** Issue 9, item 18: odd owner names, right-to-left overrides in data, long words. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/components/licences/define.js';
import '../src/components/system-events/define.js';
import type { SoLicences } from '../src/components/licences/licences.js';
import { isolate } from '../src/core/bidi.js';
import { licenseInfo, manyOwners, type ExtendedLicenseInfo } from '../src/mocks/data.js';
import { recordEvents, shadow, useMockBackend, worker } from './support/mocks.js';

const E1 = '*/api/v1/License';
const RLO = '\u202E';
const squash = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tabs = (el: SoLicences) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]')];
const labels = (el: SoLicences) => tabs(el).map(squash);
const visiblePanel = (el: SoLicences) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tabpanel]')].find((p) => !p.hidden)!;

/** Three third-party owners renamed: `status`, `superoffice`, and the first one's name again. */
function oddOwners(): ExtendedLicenseInfo[] {
  const all = manyOwners(3, licenseInfo());
  const [so, a, b, c] = all;
  const rename = (o: ExtendedLicenseInfo, name: string, description: string): ExtendedLicenseInfo => ({
    ...o,
    Current: { ...o.Current, OwnerName: name, OwnerDescription: description },
    ExtendedModuleLicenses: o.ExtendedModuleLicenses.map((m) => ({ ...m, Current: { ...m.Current, OwnerName: name } })),
  });
  return [so, rename(a, 'status', 'Status Partner'), rename(b, 'superoffice', 'Lower-case Partner'), rename(c, 'status', 'Status Partner again')];
}

describe('hardening: the screen with odd data', () => {
  useMockBackend();

  it('third-party owners named status or superoffice, or named twice, do not open or collide with built-in tabs', async () => {
    worker.use(http.get(E1, () => HttpResponse.json(oddOwners())));
    const el = await fixture<SoLicences>(html`<so-licences></so-licences>`);
    await waitUntil(() => labels(el).length >= 4, 'owner tabs', { timeout: 4000 });
    expect(labels(el)).to.deep.equal(['SuperOffice', 'Status', 'Status Partner', 'Lower-case Partner']);
    const ids = tabs(el).map((t) => t.id);
    expect(new Set(ids).size).to.equal(ids.length);
    const changes = recordEvents(el, 'so-tab-change');
    tabs(el)[2].click();
    await el.updateComplete;
    expect(changes.map((e) => e.detail.tab)).to.deep.equal(['owner:status']);
    expect(el.selected).to.equal('owner:status');
    expect(tabs(el)[2].getAttribute('aria-selected')).to.equal('true');
    expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('false');
    expect(visiblePanel(el).querySelector('so-owner-info')?.getAttribute('owner')).to.equal('status');
    expect(visiblePanel(el).querySelector('so-system-events'), 'not the built-in Status panel').to.equal(null);
    tabs(el)[3].click();
    await el.updateComplete;
    expect(el.selected).to.equal('owner:superoffice');
    expect(visiblePanel(el).querySelector('so-owner-info')?.getAttribute('owner')).to.equal('superoffice');
    el.selected = 'status';
    await el.updateComplete;
    expect(visiblePanel(el).querySelector('so-system-events'), 'the built-in Status panel').to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a right-to-left override in data stays inside its own text', async () => {
    const owners = manyOwners(1, licenseInfo());
    owners[1] = { ...owners[1], Current: { ...owners[1].Current, OwnerDescription: `${RLO}Evil Corp` } };
    const m = owners[0].ExtendedModuleLicenses.find((x) => x.Current.LicenseType === 'UserLicense' && !x.Current.IsHidden)!;
    m.Current = { ...m.Current, ModuleDescription: `${RLO}Reversed licence` };
    worker.use(http.get(E1, () => HttpResponse.json(owners)));
    const el = await fixture<SoLicences>(html`<so-licences></so-licences>`);
    const list = () => visiblePanel(el).querySelector('so-licence-list');
    await waitUntil(() => list()?.shadowRoot?.querySelector('button.name'), 'list', { timeout: 4000 });
    // Every text node holding the override sits in an isolating element that holds nothing else, or is isolated itself.
    const holders = [el.shadowRoot!, list()!.shadowRoot!].flatMap((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const found: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.includes(RLO)) found.push(n as Text);
      return found;
    });
    expect(holders.length).to.be.greaterThan(1);
    for (const node of holders) {
      const isolatedText = /\u2068[^\u2069]*\u202E[^\u2069]*\u2069/.test(node.textContent!);
      const parent = node.parentElement!;
      const isolatedElement = getComputedStyle(parent).unicodeBidi === 'isolate' && squash(parent) === node.textContent!.trim();
      expect(isolatedText || isolatedElement, `"${node.textContent}" in <${parent.localName}>`).to.equal(true);
    }
    expect(isolate(`${RLO}x`)).to.equal(`\u2068${RLO}x\u2069`);
  });

  it('a long unbroken word wraps inside its job card', async () => {
    const word = 'x'.repeat(400);
    worker.use(
      http.get('*/api/v1/BatchTask/Started', () =>
        HttpResponse.json([
          { Id: 1, Name: word, Description: word, ProgressDescription: word, ProgressPercent: 40, LastStarted: '2026-03-01T10:00:00' },
        ]),
      ),
    );
    const el = await fixture(html`<so-system-events style="width: 600px"></so-system-events>`);
    await waitUntil(() => shadow(el).querySelector('.job'), 'job card', { timeout: 4000 });
    const card = shadow(el).querySelector<HTMLElement>('.job')!;
    expect(card.scrollWidth, 'no overflow').to.be.at.most(card.clientWidth + 1);
    expect(card.getBoundingClientRect().width).to.be.at.most(601);
  });
});
