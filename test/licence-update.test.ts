import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/licence-update/define.js';
import { http, HttpResponse } from 'msw';
import '../src/components/licence-list/define.js';
import '../src/components/licences/define.js';
import type { SoLicences } from '../src/components/licences/licences.js';
import type { SoLicenceUpdate } from '../src/components/licence-update/licence-update.js';
import type { SoLicenceReview, SoSerialChange } from '../src/components/licence-update/dialogs.js';
import type { SoLicenceHolders } from '../src/components/licence-holders/licence-holders.js';
import { REJECTED_REASON } from '../src/mocks/licence-writes.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, part, recordEvents, shadow, text, useMockBackend, worker } from './support/mocks.js';
import { stubWindowOpen } from './support/api.js';

const W1 = '*/api/v1/Agents/License/GetLicenseStatusFromLicenseServer';
const answerW1 = (LicenseStatus: string, Message = '', Url = '') =>
  worker.use(http.post(W1, () => HttpResponse.json({ LicenseStatus, Message, Url })));

const squash = (s: string | null | undefined) => (s ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const statusText = (el: Element) => squash(part(el, 'status')?.textContent);
const alertText = (el: Element) => squash(part(el, 'alert')?.textContent);

async function mount(attrs: 'plain' | 'file' | 'serial' = 'plain'): Promise<SoLicenceUpdate> {
  const el = await fixture<SoLicenceUpdate>(
    attrs === 'file'
      ? html`<so-licence-update owner="SUPEROFFICE" allow-file></so-licence-update>`
      : attrs === 'serial'
        ? html`<so-licence-update owner="SUPEROFFICE" allow-serial-change></so-licence-update>`
        : html`<so-licence-update owner="SUPEROFFICE"></so-licence-update>`,
  );
  await waitUntil(() => part(el, 'bar'), 'bar shown', { timeout: 4000 });
  return el;
}

const review = (el: Element) => shadow(el).querySelector('so-licence-review') as SoLicenceReview | null;
const serialDialog = (el: Element) => shadow(el).querySelector('so-serial-change') as SoSerialChange | null;
const rowsOf = (r: Element) => [...shadow(r).querySelectorAll<HTMLElement>('[part=changes] tbody tr')];
const confirmOf = (host: Element) => shadow(host).querySelector('so-confirm-dialog');

async function openReview(el: SoLicenceUpdate): Promise<SoLicenceReview> {
  await waitUntil(() => part(el, 'review'), 'Review and activate offered', { timeout: 4000 });
  part(el, 'review')!.click();
  await waitUntil(() => review(el)?.shadowRoot?.querySelector('dialog[open]') && rowsOf(review(el)!).length, 'review open', { timeout: 4000 });
  return review(el)!;
}

async function confirm(host: Element, yes = true): Promise<void> {
  await waitUntil(() => confirmOf(host)?.shadowRoot?.querySelector('dialog[open]'), 'confirmation open');
  confirmOf(host)!.shadowRoot!.querySelector<HTMLButtonElement>(yes ? '[part=confirm]' : '[part=cancel]')!.click();
}

describe('<so-licence-update>', () => {
  useMockBackend();

  runDataElementSuite('so-licence-update', {
    render: () => html`<so-licence-update owner="SUPEROFFICE"></so-licence-update>`,
    endpoints: ['*/api/v1/License'],
    source: 'License',
    isLoaded: (el) => !!part(el, 'bar'),
  });

  it('Check for new licence: Ok says up to date with when it was checked; one click one request', async () => {
    const el = await mount();
    const calls = countRequests('GetLicenseStatusFromLicenseServer');
    part(el, 'check')!.click();
    part(el, 'check')!.click();
    await waitUntil(() => statusText(el).includes('up to date'), 'Ok shown');
    calls.stop();
    expect(calls.count).to.equal(1);
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    expect(statusText(el)).to.match(/checked .*\d/);
    await expect(el).to.be.accessible();
  });

  it('NewLicenseAvailable: says so and offers Review and activate', async () => {
    answerW1('NewLicenseAvailable');
    const el = await mount();
    expect(part(el, 'review')).to.equal(null);
    part(el, 'check')!.click();
    await waitUntil(() => statusText(el).includes('A new licence is available'), 'available');
    expect(part(el, 'review')).not.to.equal(null);
    expect(part(el, 'alert')).to.equal(null);
  });

  it('UseCustomMessage: the server’s message in words, no link', async () => {
    answerW1('UseCustomMessage', 'Call your partner to renew.');
    const el = await mount();
    part(el, 'check')!.click();
    await waitUntil(() => statusText(el).includes('Call your partner to renew.'), 'message');
    expect(part(el, 'status')!.querySelector('a')).to.equal(null);
    expect(part(el, 'review')).to.equal(null);
  });

  it('UseCustomMessageAndUrl: the link only when it is https, opening in a new window with noopener', async () => {
    answerW1('UseCustomMessageAndUrl', 'Read about the new plans.', 'https://www.superoffice.com/plans');
    const el = await mount();
    part(el, 'check')!.click();
    await waitUntil(() => part(el, 'status')!.querySelector('a'), 'link');
    const a = part(el, 'status')!.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://www.superoffice.com/plans');
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.contain('noopener');
    expect(statusText(el)).to.contain('Read about the new plans.');
    await expect(el).to.be.accessible();
    for (const unsafe of ['http://www.superoffice.com/plans', 'javascript:alert(1)', '/plans']) {
      worker.resetHandlers();
      answerW1('UseCustomMessageAndUrl', `Unsafe ${unsafe}`, unsafe);
      part(el, 'check')!.click();
      await waitUntil(() => statusText(el).includes(`Unsafe ${unsafe}`), unsafe);
      expect(part(el, 'status')!.querySelector('a'), unsafe).to.equal(null);
    }
  });

  for (const [status, sentence] of [
    ['ProblemWithLicense', 'There is a problem with the licence.'],
    ['UnknownError', 'The licence server reported an unknown error.'],
  ] as const) {
    it(`${status}: an alert with the server’s message and Try again (one request per click)`, async () => {
      answerW1(status, 'Licence signature mismatch.');
      const el = await mount();
      part(el, 'check')!.click();
      await waitUntil(() => part(el, 'alert'), 'alert');
      expect(part(el, 'alert')!.getAttribute('role')).to.equal('alert');
      expect(alertText(el)).to.contain(sentence).and.contain('Licence signature mismatch.');
      const calls = countRequests('GetLicenseStatusFromLicenseServer');
      part(el, 'retry')!.click();
      await waitUntil(() => calls.count === 1 && part(el, 'alert'), 'asked again once');
      await new Promise((res) => setTimeout(res, 50));
      calls.stop();
      expect(calls.count).to.equal(1);
      await expect(el).to.be.accessible();
    });
  }

  it('auto-activated: Ok with the server’s message', async () => {
    setScenario('auto-activated');
    const el = await mount();
    part(el, 'check')!.click();
    await waitUntil(() => statusText(el).includes('up to date'), 'Ok shown');
    expect(statusText(el)).to.contain('activated automatically');
  });

  it('a pending licence in E1 is announced without asking; the review lists only what changes, with the warning', async () => {
    setScenario('pending');
    const el = await mount();
    expect(statusText(el)).to.contain('A new licence is waiting');
    const r = await openReview(el);
    const rows = rowsOf(r).map((row) => squash(row.textContent));
    expect(rows.some((t) => t.startsWith('Sales Premium') && t.includes('+5'))).to.equal(true);
    expect(rows.every((t) => !t.startsWith('Service Essentials'))).to.equal(true);
    expect(squash(part(r, 'warning')!.textContent)).to.contain('contact SuperOffice and do not activate');
    expect(squash(shadow(r).textContent)).to.contain('Expiry date');
    expect((part(r, 'activate') as HTMLButtonElement).disabled).to.equal(false);
    await expect(r).to.be.accessible();
  });

  it('blocked → remove two holders → activate: every licence element updates, so-licence-activated fires', async () => {
    setScenario('pending-blocked');
    const el = await mount();
    const events = recordEvents(el, 'so-licence-activated');
    const r = await openReview(el);
    const blocked = rowsOf(r).find((row) => row.classList.contains('blocked'))!;
    expect(squash(blocked.textContent)).to.contain('Service Premium');
    expect(squash(blocked.textContent)).to.contain('Too few');
    expect((part(r, 'activate') as HTMLButtonElement).disabled).to.equal(true);
    blocked.querySelector<HTMLButtonElement>('[part=remove-users]')!.click();
    await waitUntil(() => shadow(r).querySelector('so-licence-holders'), 'remove step shown');
    const holders = shadow(r).querySelector('so-licence-holders') as SoLicenceHolders;
    expect(holders.mustRemove).to.equal(2);
    const inUse = () => Number(/In use\s*(\d+)/.exec(squash(part(holders, 'must-remove')?.textContent))?.[1]);
    await waitUntil(() => inUse() > 0, 'must-remove step loaded', { timeout: 4000 });
    const start = inUse();
    for (let i = 1; i <= 2; i++) {
      await waitUntil(() => shadow(holders).querySelector('[part=remove]:not([disabled])'), 'a holder to remove', { timeout: 4000 });
      shadow(holders).querySelector<HTMLButtonElement>('[part=remove]:not([disabled])')!.click();
      await confirm(holders);
      await waitUntil(() => inUse() === start - i, `${i} removed`, { timeout: 4000 });
    }
    part(r, 'back')!.click();
    await waitUntil(() => rowsOf(r).length && !rowsOf(r).some((row) => row.classList.contains('blocked')), 'rechecked: nothing blocks', { timeout: 4000 });
    const activate = part(r, 'activate') as HTMLButtonElement;
    expect(activate.disabled).to.equal(false);
    const w4 = countRequests('ActivateLicenseInfo');
    activate.click();
    await confirm(r);
    await waitUntil(() => squash(shadow(r).textContent).includes('New licence activated'), 'activated', { timeout: 4000 });
    w4.stop();
    expect(w4.count).to.equal(1);
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.equal({ ownerName: 'SUPEROFFICE' });
    await waitUntil(() => statusText(el).includes('New licence activated'), 'bar says so');
  });

  it('on the screen: after activation every licence element shows the new licence without a Loading state', async () => {
    setScenario('pending');
    const screen = await fixture<SoLicences>(html`<so-licences></so-licences>`);
    const panel = () => [...shadow(screen).querySelectorAll<HTMLElement>('[role=tabpanel]')].find((p) => !p.hidden)!;
    const info = () => panel().querySelector('so-owner-info')!;
    const list = () => panel().querySelector('so-licence-list')!;
    const bar = () => panel().querySelector('so-licence-update') as SoLicenceUpdate;
    await waitUntil(() => bar() && part(bar(), 'bar') && list()?.shadowRoot && part(list(), 'pending') && part(info(), 'company'), 'screen', {
      timeout: 6000,
    });
    const order = [...panel().children].map((c) => c.localName).filter((n) => n.startsWith('so-'));
    expect(order.slice(0, 3)).to.deep.equal(['so-owner-info', 'so-licence-update', 'so-licence-list']);
    const expiryBefore = squash(part(info(), 'facts')!.textContent);
    const events = recordEvents(screen, 'so-licence-activated');
    // Watch every licence element for a loading state from the click on.
    let sawLoading = false;
    let watching = true;
    const watch = () => {
      if (!watching) return;
      if ([info(), list(), bar()].some((e) => e.shadowRoot!.querySelector('.state'))) sawLoading = true;
      requestAnimationFrame(watch);
    };
    const r = await openReview(bar());
    watch();
    part(r, 'activate')!.click();
    await confirm(r);
    await waitUntil(() => !part(list(), 'pending') && squash(part(info(), 'facts')?.textContent) !== expiryBefore, 'the page shows the new licence', {
      timeout: 6000,
    });
    await waitUntil(() => statusText(bar()).includes('New licence activated'), 'bar says so');
    watching = false;
    expect(sawLoading, 'no Loading, error or empty state on the way').to.equal(false);
    expect(events.map((e) => e.detail)).to.deep.equal([{ ownerName: 'SUPEROFFICE' }]);
    expect(events[0].bubbles && events[0].composed).to.equal(true);
  });

  it('<so-licences> places a bar in each third-party tab too, between the owner information and the list', async () => {
    const screen = await fixture<SoLicences>(html`<so-licences></so-licences>`);
    await waitUntil(() => shadow(screen).querySelectorAll('[role=tab]').length >= 3, 'owner tabs', { timeout: 6000 });
    const ownerTabs = [...shadow(screen).querySelectorAll<HTMLElement>('[role=tab]')].filter((t) => squash(t.textContent) !== 'Status');
    expect(ownerTabs.length).to.be.greaterThan(1);
    for (const t of ownerTabs) {
      t.click();
      await screen.updateComplete;
      const p = shadow(screen).getElementById(t.getAttribute('aria-controls')!)!;
      await waitUntil(() => p.querySelector('so-licence-list'), `${squash(t.textContent)} panel`, { timeout: 4000 });
      const names = [...p.children].map((c) => c.localName).filter((n) => n.startsWith('so-'));
      expect(names.slice(0, 3), squash(t.textContent)).to.deep.equal(['so-owner-info', 'so-licence-update', 'so-licence-list']);
      expect(p.querySelector('so-licence-update')!.getAttribute('owner')).to.equal(p.querySelector('so-owner-info')!.getAttribute('owner'));
    }
  });

  it('activation-rejected: Succeeded false shows the reason and fires so-write-error', async () => {
    setScenario('activation-rejected');
    const el = await mount();
    const errors = recordEvents(el, 'so-write-error');
    const r = await openReview(el);
    part(r, 'activate')!.click();
    await confirm(r);
    await waitUntil(() => part(r, 'write-error'), 'refusal shown', { timeout: 4000 });
    expect(part(r, 'write-error')!.getAttribute('role')).to.equal('alert');
    expect(squash(part(r, 'write-error')!.textContent)).to.contain(REJECTED_REASON);
    expect(errors[0].detail).to.include({ kind: 'rejected', operation: 'activate' });
  });

  it('cancelling the confirmation sends nothing', async () => {
    setScenario('pending');
    const el = await mount();
    const r = await openReview(el);
    const calls = countRequests('LicenseInfo');
    part(r, 'activate')!.click();
    await confirm(r, false);
    await new Promise((res) => setTimeout(res, 100));
    calls.stop();
    expect(calls.count).to.equal(0);
  });

  it('read-only: a 403 on activation turns the controls into a read-only sentence', async () => {
    setScenario('pending');
    const el = await mount();
    const r = await openReview(el);
    setScenario('read-only');
    part(r, 'activate')!.click();
    await confirm(r);
    await waitUntil(() => !part(r, 'activate'), 'activate gone', { timeout: 4000 });
    expect(squash(part(r, 'write-error')!.textContent)).to.contain('do not have permission to change the licence');
    await waitUntil(() => part(el, 'read-only'), 'bar read-only');
    expect(part(el, 'review')).to.equal(null);
  });

  it('licence server down: its own alert with Try again, the licence stays readable', async () => {
    setScenario('licence-server-down');
    const el = await mount();
    part(el, 'check')!.click();
    await waitUntil(() => part(el, 'alert'), 'alert shown', { timeout: 4000 });
    expect(part(el, 'alert')!.getAttribute('role')).to.equal('alert');
    expect(alertText(el)).to.contain('licence server cannot be reached');
    const calls = countRequests('GetLicenseStatusFromLicenseServer');
    part(el, 'retry')!.click();
    await waitUntil(() => calls.count === 1, 'retried once on request');
    calls.stop();
    await expect(el).to.be.accessible();
  });

  it('Purchase new licences opens an https shop with noopener; refuses any other', async () => {
    const { opened, restore } = stubWindowOpen();
    try {
      const el = await mount();
      part(el, 'shop')!.click();
      await waitUntil(() => opened.length === 1, 'opened');
      expect(opened[0]).to.deep.equal(['https://shop.superoffice.com/licences', '_blank', 'noopener,noreferrer']);
      setScenario('shop-not-https');
      part(el, 'shop')!.click();
      await waitUntil(() => part(el, 'alert'), 'refused');
      expect(alertText(el)).to.contain('not a secure (https) address');
      expect(opened).to.have.length(1);
    } finally {
      restore();
    }
  });

  it('Load licence from file: a licence file opens the review; anything else gets a clear sentence', async () => {
    setScenario('pending');
    const file = await (await fetch('/api/v1/Agents/License/GetLicenseFromLicenseServer', { method: 'POST', body: '{"OwnerName":"SUPEROFFICE"}' })).text();
    setScenario('default');
    const el = await mount('file');
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=file]')!;
    const pick = (content: string, name: string) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: 'text/plain' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
    };
    pick('this is not a licence', 'notes.txt');
    await waitUntil(() => review(el) && squash(shadow(review(el)!).textContent).includes('not a licence file'), 'bad file sentence', { timeout: 4000 });
    expect(squash(shadow(review(el)!).textContent)).to.not.match(/Error:|\bat \w+ \(/);
    expect(part(review(el)!, 'retry'), 'sending the same file again would not help').to.equal(null);
    review(el)!.close();
    await waitUntil(() => !review(el), 'closed');
    pick(file, 'licence.json');
    await waitUntil(() => review(el) && rowsOf(review(el)!).length > 0, 'review from file', { timeout: 4000 });
    expect(rowsOf(review(el)!).some((r) => squash(r.textContent).startsWith('Sales Premium'))).to.equal(true);
  });

  it('Change company name and serial number: validation, confirmation naming old and new, cancel and confirm', async () => {
    const el = await mount('serial');
    part(el, 'serial')!.click();
    await waitUntil(() => serialDialog(el)?.shadowRoot?.querySelector('dialog[open]'), 'form open', { timeout: 4000 });
    const d = serialDialog(el)!;
    const input = (id: string) => shadow(d).getElementById(id) as HTMLInputElement;
    const type = async (id: string, value: string) => {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
      await d.updateComplete;
    };
    await type('serial', '12');
    part(d, 'save')!.click();
    await d.updateComplete;
    expect(input('serial').getAttribute('aria-invalid')).to.equal('true');
    expect(squash(shadow(d).textContent)).to.contain('ten digits');
    await expect(d).to.be.accessible();
    await type('company', 'Demo AS');
    await type('serial', '1234567890');
    const calls = countRequests('ChangeSerialNumber');
    part(d, 'save')!.click();
    await waitUntil(() => confirmOf(d)?.shadowRoot?.querySelector('dialog[open]'), 'confirmation');
    const asked = squash(confirmOf(d)!.shadowRoot!.textContent);
    expect(asked).to.contain('Nordlys Consulting AS → Demo AS');
    expect(asked).to.contain('2394857611 → 1234567890');
    await confirm(d, false);
    await new Promise((res) => setTimeout(res, 50));
    expect(calls.count).to.equal(0);
    part(d, 'save')!.click();
    await confirm(d);
    await waitUntil(() => squash(shadow(d).textContent).includes('were changed'), 'changed', { timeout: 4000 });
    calls.stop();
    expect(calls.count).to.equal(1);
  });

  it('dialogs are labelled and return focus when closed', async () => {
    setScenario('pending');
    const el = await mount();
    const r = await openReview(el);
    const dialog = shadow(r).querySelector('dialog')!;
    expect(shadow(r).getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.contain('Activate new licence');
    part(r, 'close')!.click();
    await waitUntil(() => !review(el), 'closed');
    expect(shadow(el).activeElement).to.equal(part(el, 'review'));
    expect(text(el)).to.contain('Review and activate');
  });

  it('<so-licence-list>: a short row of a pending licence links to its Remove superfluous licences step', async () => {
    setScenario('pending-blocked');
    const list = await fixture(html`<so-licence-list owner="SUPEROFFICE"></so-licence-list>`);
    await waitUntil(() => part(list, 'remove-step'), 'link shown', { timeout: 4000 });
    part(list, 'remove-step')!.click();
    await waitUntil(() => shadow(list).querySelector('so-licence-holders'), 'step opened', { timeout: 4000 });
    const holders = shadow(list).querySelector('so-licence-holders') as SoLicenceHolders;
    expect(holders.module).to.equal('ten-service');
    expect(holders.mustRemove).to.equal(2);
  });
});
