import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/components/licences/define.js';
import type { SoLicences } from '../src/components/licences/licences.js';
import type { SoLicenceList } from '../src/components/licence-list/licence-list.js';
import type { SoOwnerInfo } from '../src/components/owner-info/owner-info.js';
import { setLocale } from '../src/localization.js';
import { licenseInfo, localeFrom, manyOwners } from '../src/mocks/data.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, recordEvents, text, useMockBackend, waitForState, worker } from './support/mocks.js';

const E1 = '*/api/v1/License';

const squash = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const tabs = (el: SoLicences) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]')];
const labels = (el: SoLicences) => tabs(el).map(squash);
const tab = (el: SoLicences, label: string) => tabs(el).find((t) => squash(t) === label)!;
const selectedTab = (el: SoLicences) => tabs(el).find((t) => t.getAttribute('aria-selected') === 'true')!;
const panelOf = (el: SoLicences, t: HTMLElement) => el.shadowRoot!.getElementById(t.getAttribute('aria-controls')!)!;
const visiblePanel = (el: SoLicences) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tabpanel]')].filter((p) => !p.hidden);
const inPanel = <T extends Element>(el: SoLicences, label: string, selector: string) => panelOf(el, tab(el, label)).querySelector<T>(selector);
const listRows = (list: Element | null) => list?.shadowRoot?.querySelectorAll('button.name').length ?? 0;

const ADDON = html`<so-licences>
  <section slot="addon" id="audit" label="Audit log"><p>Who changed which licence.</p></section>
</so-licences>`;

async function mount(markup = ADDON) {
  const el = await fixture<SoLicences>(markup);
  await waitUntil(() => labels(el).includes('Acme Document Archive'), 'third-party tab shown', { timeout: 4000 });
  await waitUntil(() => listRows(inPanel(el, 'SuperOffice', 'so-licence-list')) > 0, 'licences shown', { timeout: 4000 });
  return el;
}

describe('<so-licences>', () => {
  useMockBackend();

  runDataElementSuite('so-licences', {
    render: () => html`<so-licences></so-licences>`,
    endpoints: [E1],
    source: 'License',
    isLoaded: (el) => listRows(el.shadowRoot?.querySelector('so-licence-list') ?? null) > 0,
    // The states show inside the SuperOffice tab's owner information.
    activate: async (el) => {
      await (el as SoLicences).updateComplete;
      return el.shadowRoot!.querySelector('so-owner-info')!;
    },
  });

  describe('tabs', () => {
    it('shows SuperOffice, Status, one tab per third-party owner and the add-on tabs, following the ARIA tabs pattern', async () => {
      const el = await mount();
      const list = el.shadowRoot!.querySelector('[role=tablist]')!;
      expect(list.getAttribute('aria-label')).to.equal('Licences');
      expect(labels(el)).to.deep.equal(['SuperOffice', 'Status', 'Acme Document Archive', 'Audit log']);
      for (const t of tabs(el)) {
        const panel = panelOf(el, t);
        expect(panel.getAttribute('role')).to.equal('tabpanel');
        expect(panel.getAttribute('aria-labelledby')).to.equal(t.id);
        expect(panel.hidden).to.equal(t !== selectedTab(el));
      }
      expect(squash(selectedTab(el))).to.equal('SuperOffice');
      expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
      expect(el.getAttribute('selected')).to.equal('superoffice');
      const so = visiblePanel(el)[0];
      expect(so.querySelector('so-owner-info')!.owner).to.equal('SUPEROFFICE');
      expect(so.querySelector('so-licence-list')!.owner).to.equal('SUPEROFFICE');
      await expect(el).to.be.accessible();
    });

    it('hands its heading-level to the elements in its panels', async () => {
      const el = await fixture<SoLicences>(html`<so-licences heading-level="3"></so-licences>`);
      await waitUntil(() => el.shadowRoot!.querySelector('so-licence-list'), 'list shown', { timeout: 4000 });
      const list = el.shadowRoot!.querySelector<SoLicenceList>('so-licence-list')!;
      await waitUntil(() => list.shadowRoot!.querySelector('h3.group-heading'), 'group headings at level 3', { timeout: 4000 });
      expect(list.shadowRoot!.querySelector('h2')).to.equal(null);
    });

    it('fades the edge of a tab list too long for its room and scrolls it with the edge buttons', async () => {
      worker.use(http.get(E1, ({ request }) => HttpResponse.json(manyOwners(6, licenseInfo('default', localeFrom(request.headers.get('Accept-Language')))))));
      const wrapper = await fixture<HTMLDivElement>(html`<div class="narrow"><so-licences></so-licences></div>`);
      wrapper.style.width = '320px';
      const el = wrapper.querySelector<SoLicences>('so-licences')!;
      await waitUntil(() => tabs(el).length > 6, 'owner tabs shown', { timeout: 4000 });
      const strip = () => el.shadowRoot!.querySelector('.tab-strip')!;
      const list = el.shadowRoot!.querySelector<HTMLElement>('[role=tablist]')!;
      await waitUntil(() => strip().classList.contains('more-end'), 'more after the visible tabs');
      expect(strip().classList.contains('more-start')).to.equal(false);
      expect(el.shadowRoot!.querySelector('.scroll-hint.end')!.getAttribute('aria-hidden')).to.equal('true');
      el.shadowRoot!.querySelector<HTMLElement>('.scroll-hint.end')!.click();
      await waitUntil(() => list.scrollLeft > 0 && strip().classList.contains('more-start'), 'scrolled on, start faded');
      list.scrollLeft = list.scrollWidth;
      await waitUntil(() => !strip().classList.contains('more-end'), 'at the end nothing more');
      wrapper.style.width = '3000px';
      await waitUntil(() => !strip().classList.contains('more-start') && !strip().classList.contains('more-end'), 'no hints with room');
      await expect(el).to.be.accessible();
    });

    it("marks an owner's tab while its licence expires soon or has expired, in the tab's name too", async () => {
      setScenario('expiring');
      const el = await fixture<SoLicences>(html`<so-licences></so-licences>`);
      await waitUntil(() => tabs(el)[0]?.querySelector('.expiry-mark'), 'mark shown', { timeout: 4000 });
      expect(squash(tabs(el)[0])).to.equal('SuperOffice!, licence expires soon');
      expect(tabs(el)[0].querySelector('.expiry-mark')!.getAttribute('aria-hidden')).to.equal('true');
      expect(tabs(el)[1].querySelector('.expiry-mark'), 'not on Status').to.equal(null);
      await expect(el).to.be.accessible();
      setScenario('expired');
      await el.refresh();
      await waitUntil(() => tabs(el)[0].querySelector('.expiry-mark.expired'), 'expired mark', { timeout: 4000 });
      expect(squash(tabs(el)[0])).to.equal('SuperOffice!, licence expired');
      setScenario('default');
      await el.refresh();
      await waitUntil(() => !tabs(el)[0].querySelector('.expiry-mark'), 'no mark while the licence is far from its end', { timeout: 4000 });
    });

    it('offers Purchase new licences once on an expiring owner’s panel: in the update bar, not again on the card', async () => {
      setScenario('expiring');
      try {
        const el = await fixture<SoLicences>(html`<so-licences></so-licences>`);
        const panel = () => visiblePanel(el)[0];
        await waitUntil(() => panel()?.querySelector('so-licence-update')?.shadowRoot?.querySelector('[part~=shop]'), 'the bar', { timeout: 4000 });
        const info = panel().querySelector('so-owner-info')!;
        await waitUntil(() => info.shadowRoot!.querySelector('[part~=warning]'), 'the warning', { timeout: 4000 });
        expect(!!info.shadowRoot!.querySelector('[part~=shop]'), 'a second button on the card').to.equal(false);
        // On its own, the card still offers it.
        const alone = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
        await waitUntil(() => alone.shadowRoot!.querySelector('[part~=shop]'), 'the card alone offers the shop', { timeout: 4000 });
      } finally {
        setScenario('default');
      }
    });

    it('moves between tabs with the arrow keys, Home and End, selecting as focus moves', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'so-tab-change');
      tab(el, 'SuperOffice').focus();
      const press = async (key: string) => {
        await sendKeys({ press: key });
        await el.updateComplete;
        return squash(el.shadowRoot!.activeElement);
      };
      expect(await press('ArrowRight')).to.equal('Status');
      expect(squash(selectedTab(el))).to.equal('Status');
      expect(await press('ArrowRight')).to.equal('Acme Document Archive');
      expect(await press('End')).to.equal('Audit log');
      expect(await press('ArrowRight')).to.equal('SuperOffice', 'wraps around');
      expect(await press('ArrowLeft')).to.equal('Audit log', 'wraps around backwards');
      expect(await press('Home')).to.equal('SuperOffice');
      expect(changes.map((e) => e.detail.tab)).to.deep.equal(['status', 'ACMEADDON', 'audit', 'superoffice', 'audit', 'superoffice']);
      expect(changes.every((e) => e.bubbles && e.composed)).to.equal(true);
      expect(tabs(el).filter((t) => t.tabIndex === 0)).to.deep.equal([tab(el, 'SuperOffice')]);
    });

    it('selects a tab on click and reflects it in the selected attribute', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'so-tab-change');
      tab(el, 'Acme Document Archive').click();
      await el.updateComplete;
      expect(el.getAttribute('selected')).to.equal('ACMEADDON');
      expect(changes.map((e) => e.detail)).to.deep.equal([{ tab: 'ACMEADDON' }]);
      tab(el, 'Acme Document Archive').click();
      await el.updateComplete;
      expect(changes).to.have.length(1, 'the selected tab again is no change');
    });

    it('selects the tab the selected attribute names, without so-tab-change', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'so-tab-change');
      el.setAttribute('selected', 'status');
      await el.updateComplete;
      expect(squash(selectedTab(el))).to.equal('Status');
      const status = visiblePanel(el)[0];
      expect([...status.querySelectorAll('*')].map((e) => e.localName)).to.include.members([
        'so-status-database',
        'so-metered-button',
        'so-system-events',
      ]);
      await waitUntil(() => text(status.querySelector('so-status-database')!).includes('Nordlys Consulting AS'), 'database shown');
      await waitUntil(() => status.querySelector('so-system-events')!.shadowRoot!.querySelector('[aria-rowindex="2"]'), 'events shown');
      await expect(el).to.be.accessible();
      el.selected = 'audit';
      await el.updateComplete;
      expect(squash(selectedTab(el))).to.equal('Audit log');
      el.selected = 'NO-SUCH-TAB';
      await el.updateComplete;
      expect(squash(selectedTab(el))).to.equal('SuperOffice', 'an unknown tab shows the first');
      expect(changes).to.have.length(0);
    });

    it("selects a third-party owner's tab named before the licences arrive", async () => {
      const el = await fixture<SoLicences>(html`<so-licences selected="ACMEADDON"></so-licences>`);
      expect(squash(selectedTab(el))).to.equal('SuperOffice');
      await waitUntil(() => squash(selectedTab(el)) === 'Acme Document Archive', 'owner tab selected', { timeout: 4000 });
      const info = visiblePanel(el)[0].querySelector<SoOwnerInfo>('so-owner-info')!;
      expect(info.owner).to.equal('ACMEADDON');
      await waitUntil(() => text(info).includes('Acme Software AB'), 'owner information');
      const list = visiblePanel(el)[0].querySelector<SoLicenceList>('so-licence-list')!;
      await waitUntil(() => listRows(list) === 3, 'the owner’s licences');
    });

    it('creates a panel’s content when its tab is first shown, and keeps it', async () => {
      const el = await mount();
      expect(inPanel(el, 'Acme Document Archive', 'so-licence-list')).to.equal(null);
      tab(el, 'Acme Document Archive').click();
      await el.updateComplete;
      const list = inPanel(el, 'Acme Document Archive', 'so-licence-list');
      expect(list).not.to.equal(null);
      tab(el, 'SuperOffice').click();
      await el.updateComplete;
      expect(inPanel(el, 'Acme Document Archive', 'so-licence-list')).to.equal(list);
    });

    it('shows one tab per third-party owner, labelled by OwnerDescription', async () => {
      worker.use(http.get(E1, ({ request }) => HttpResponse.json(manyOwners(3, licenseInfo('default', localeFrom(request.headers.get('Accept-Language')))))));
      const el = await fixture<SoLicences>(html`<so-licences></so-licences>`);
      await waitUntil(() => labels(el).length === 6, 'six tabs', { timeout: 4000 });
      expect(labels(el)).to.deep.equal(['SuperOffice', 'Status', 'Acme Document Archive', 'Nordic e-Signatures', 'Fjord Telephony', 'Polar Quote Designer']);
      tab(el, 'Fjord Telephony').click();
      await el.updateComplete;
      const list = visiblePanel(el)[0].querySelector<SoLicenceList>('so-licence-list')!;
      expect(list.owner).to.equal('FJORDTEL');
      await waitUntil(() => listRows(list) > 0, 'Fjord Telephony licences');
      expect(el.getAttribute('selected')).to.equal('FJORDTEL');
      await expect(el).to.be.accessible();
    });

    it('passes its api-base down to the elements inside', async () => {
      const urls: string[] = [];
      const el = await fixture<SoLicences>(html`<so-licences api-base="/tenant/api/v1"></so-licences>`);
      worker.events.on('request:start', ({ request }) => void urls.push(new URL(request.url).pathname));
      worker.use(http.get('*/tenant/api/v1/License', () => HttpResponse.json(licenseInfo())));
      await waitUntil(() => listRows(el.shadowRoot!.querySelector('so-licence-list')) > 0, 'loaded from the tenant', { timeout: 4000 });
      expect(el.shadowRoot!.querySelector<SoOwnerInfo>('so-owner-info')!.apiBase).to.equal('/tenant/api/v1');
      expect(el.shadowRoot!.querySelector<SoLicenceList>('so-licence-list')!.apiBase).to.equal('/tenant/api/v1');
      worker.events.removeAllListeners('request:start');
    });

    it('themes the elements inside with its own theme attribute', async () => {
      const el = await mount(html`<so-licences theme="dark"></so-licences>`);
      const info = el.shadowRoot!.querySelector('so-owner-info')!;
      expect(getComputedStyle(info).color).to.equal('rgb(230, 237, 243)');
      el.theme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(info).color).to.equal('rgb(29, 35, 48)');
    });

    it('names its tabs in the user’s language', async () => {
      const el = await mount();
      await setLocale('de');
      await waitUntil(() => el.shadowRoot!.querySelector('[role=tablist]')!.getAttribute('aria-label') === 'Lizenzen', 'German');
      tab(el, 'Status').click();
      await el.updateComplete;
      const events = visiblePanel(el)[0].querySelector('so-system-events')!;
      await waitUntil(() => text(events).includes('Systembenachrichtigungen'), 'German system notifications');
      await waitUntil(() => text(inPanel<SoOwnerInfo>(el, 'SuperOffice', 'so-owner-info')!).includes('Seriennummer'));
    });
  });

  describe('add-on tabs', () => {
    it('shows an add-on child as the panel of its own tab', async () => {
      const el = await mount();
      const addon = el.querySelector<HTMLElement>('#audit')!;
      const t = tab(el, 'Audit log');
      const panel = panelOf(el, t);
      expect(panel.querySelector('slot')!.assignedElements()).to.deep.equal([addon]);
      expect(addon.checkVisibility()).to.equal(false);
      t.click();
      await el.updateComplete;
      expect(el.getAttribute('selected')).to.equal('audit');
      expect(addon.checkVisibility()).to.equal(true);
      expect(panel.hidden).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('adds, relabels and removes tabs as add-on children come and go', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'so-tab-change');
      const reports = Object.assign(document.createElement('div'), { slot: 'addon', textContent: 'Monthly licence report' });
      reports.setAttribute('label', 'Reports');
      el.append(reports);
      await waitUntil(() => labels(el).includes('Reports'), 'tab added');
      expect(labels(el)).to.deep.equal(['SuperOffice', 'Status', 'Acme Document Archive', 'Audit log', 'Reports']);
      tab(el, 'Reports').click();
      await el.updateComplete;
      expect(el.getAttribute('selected')).to.equal('Reports', 'an add-on without id is named by its label');
      expect(reports.checkVisibility()).to.equal(true);

      reports.setAttribute('label', 'Licence reports');
      await waitUntil(() => labels(el).includes('Licence reports'), 'tab relabelled');

      const plain = document.createElement('p');
      plain.textContent = 'not an add-on';
      el.append(plain);
      await el.updateComplete;
      expect(labels(el)).to.have.length(5, 'children without slot="addon" are not tabs');

      reports.remove();
      await waitUntil(() => !labels(el).includes('Licence reports'), 'tab removed');
      expect(squash(selectedTab(el))).to.equal('SuperOffice', 'the removed tab was selected');
      expect(el.getAttribute('selected')).to.equal('superoffice');
      expect(changes.map((e) => e.detail.tab)).to.deep.equal(['Reports']);
      el.querySelector('#audit')!.removeAttribute('slot');
      await waitUntil(() => labels(el).length === 3, 'add-on tab gone when its slot is removed');
      await expect(el).to.be.accessible();
    });

    it('labels an add-on without a label by its id, or by its number', async () => {
      const el = await fixture<SoLicences>(html`<so-licences>
        <div slot="addon" id="notes">Notes</div>
        <div slot="addon">Anonymous</div>
      </so-licences>`);
      // Waits for the licences too, so no request of this test is still on its way when the next one counts them.
      await waitUntil(() => labels(el).length === 5, 'owner and add-on tabs', { timeout: 4000 });
      expect(labels(el).slice(3, 4)).to.deep.equal(['notes']);
      expect(labels(el).at(-1)).to.match(/^Add-on \d+$/);
    });
  });

  describe('data', () => {
    it('reads the licences once for the whole screen', async () => {
      const requests = countRequests('/License');
      const el = await mount();
      tab(el, 'Acme Document Archive').click();
      await el.updateComplete;
      await waitUntil(() => listRows(inPanel(el, 'Acme Document Archive', 'so-licence-list')) === 3, 'third-party licences');
      expect(requests.requests.map((r) => new URL(r.url).pathname)).to.deep.equal(['/api/v1/License']);
      requests.stop();
    });

    it('relays so-load from the elements inside and adds none of its own', async () => {
      const sources: Element[] = [];
      const origin = (e: Event) => void sources.push(e.composedPath()[0] as Element);
      document.addEventListener('so-load', origin);
      const el = await mount();
      await waitUntil(() => sources.length >= 3);
      document.removeEventListener('so-load', origin);
      expect(sources.map((s) => s.localName).sort()).to.deep.equal(['so-licence-list', 'so-licence-update', 'so-owner-info']);
      expect(sources.every((s) => el.shadowRoot!.contains(s))).to.equal(true);
    });

    it('shows one error, in the owner information, when the licences fail, and recovers with Try again', async () => {
      worker.use(http.get(E1, () => HttpResponse.json({ Error: true, ErrorMessage: 'Boom' }, { status: 500 })));
      const el = await fixture<SoLicences>(ADDON);
      const errors: Element[] = [];
      el.addEventListener('so-error', (e) => void errors.push(e.composedPath()[0] as Element));
      const info = el.shadowRoot!.querySelector<SoOwnerInfo>('so-owner-info')!;
      await waitForState(info, 'error');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('so-licence-list')).to.equal(null, 'the list does not repeat the error');
      expect(labels(el)).to.deep.equal(['SuperOffice', 'Status', 'Audit log']);
      await waitUntil(() => errors.length > 0);
      expect(errors.map((e) => e.localName)).to.deep.equal(['so-owner-info']);
      await expect(el).to.be.accessible();

      worker.resetHandlers();
      info.shadowRoot!.querySelector<HTMLButtonElement>('.state.error button')!.click();
      await waitUntil(() => labels(el).includes('Acme Document Archive'), 'owner tabs after Try again', { timeout: 4000 });
      await waitUntil(() => listRows(el.shadowRoot!.querySelector('so-licence-list')) > 0, 'licences after Try again');
    });

    it('keeps the owners’ tabs when a reload fails: the tab the user is on stays, its panel explains and recovers', async () => {
      const el = await mount();
      tab(el, 'Acme Document Archive').click();
      await waitUntil(() => listRows(visiblePanel(el)[0].querySelector('so-licence-list')) > 0, 'the owner’s licences', { timeout: 4000 });
      // Switching the language reloads the licences (their names are localized); this time the server fails.
      worker.use(http.get(E1, () => HttpResponse.json({ Error: true, ErrorMessage: 'Boom' }, { status: 500 })));
      setLocale('nb');
      try {
        const info = visiblePanel(el)[0].querySelector<SoOwnerInfo>('so-owner-info')!;
        await waitForState(info, 'error');
        await el.updateComplete;
        expect(labels(el)).to.deep.equal(['SuperOffice', 'Status', 'Acme Document Archive', 'Audit log']);
        expect(squash(selectedTab(el))).to.equal('Acme Document Archive');
        await expect(el).to.be.accessible();
        worker.resetHandlers();
        info.shadowRoot!.querySelector<HTMLButtonElement>('.state.error button')!.click();
        await waitUntil(() => listRows(visiblePanel(el)[0].querySelector('so-licence-list')) > 0, 'licences after Try again', { timeout: 4000 });
        expect(squash(selectedTab(el))).to.equal('Acme Document Archive');
      } finally {
        setLocale('en');
      }
    });

    it('shows the forbidden state once', async () => {
      setScenario('forbidden');
      const el = await fixture<SoLicences>(html`<so-licences></so-licences>`);
      const info = el.shadowRoot!.querySelector<SoOwnerInfo>('so-owner-info')!;
      const state = await waitForState(info, 'forbidden');
      expect(squash(state)).to.equal('You do not have access to licence information.');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('so-licence-list')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows one empty state when the server has no licences', async () => {
      setScenario('empty');
      const el = await fixture<SoLicences>(html`<so-licences></so-licences>`);
      await waitForState(el.shadowRoot!.querySelector('so-owner-info')!, 'empty');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('so-licence-list')).to.equal(null);
      expect(labels(el)).to.deep.equal(['SuperOffice', 'Status']);
      await expect(el).to.be.accessible();
    });

    it('reloads the elements inside on refresh()', async () => {
      const el = await mount();
      const requests = countRequests('/License');
      await el.refresh();
      expect(requests.count).to.be.greaterThan(0);
      expect(labels(el)).to.include('Acme Document Archive');
      requests.stop();
    });
  });
});
