import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/licence-holders/define.js';
import '../src/components/licence-list/define.js';
import type { SoLicenceHolders } from '../src/components/licence-holders/licence-holders.js';
import type { SoLicenceList } from '../src/components/licence-list/licence-list.js';
import { deepActiveElement } from '../src/core/confirm-dialog.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, part, recordEvents, shadow, text, useMockBackend, waitForState } from './support/mocks.js';

// ---- what a person sees and does ----------------------------------------------------------------------------------

const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const names = (el: Element) => rows(el).map((r) => r.querySelector('.name')!.textContent!.trim());
const rowOf = (el: Element, name: string) => rows(el).find((r) => r.querySelector('.name')!.textContent!.trim() === name);
const usage = (el: Element) => part(el, 'summary')!.querySelector('.usage')!.textContent!.trim();
const status = (el: Element) => part(el, 'write-status')!.textContent!.replace(/\s+/g, ' ').trim();
const alertText = (el: Element) => part(el, 'write-error')?.textContent?.replace(/\s+/g, ' ').trim();
const dialogOf = (el: Element) => shadow(el).querySelector('so-confirm-dialog');

async function mount(module = 'ten-sales', owner = 'SUPEROFFICE', extra = ''): Promise<SoLicenceHolders> {
  const el = await fixture<SoLicenceHolders>(
    extra === 'must-remove'
      ? html`<so-licence-holders owner=${owner} module=${module} must-remove="2"></so-licence-holders>`
      : html`<so-licence-holders owner=${owner} module=${module}></so-licence-holders>`,
  );
  await waitUntil(() => rows(el).length > 0, 'holders shown', { timeout: 4000 });
  return el;
}

/** Presses a holder's button and waits for the confirmation dialog. */
async function askToRemove(el: SoLicenceHolders, name: string): Promise<ShadowRoot> {
  rowOf(el, name)!.querySelector<HTMLButtonElement>('[part=remove]')!.click();
  await waitUntil(() => dialogOf(el)?.shadowRoot?.querySelector('dialog[open]'), 'confirmation open');
  return dialogOf(el)!.shadowRoot!;
}

async function remove(el: SoLicenceHolders, name: string): Promise<void> {
  const dialog = await askToRemove(el, name);
  dialog.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
}

// ---------------------------------------------------------------------------------------------------------------------

describe('<so-licence-holders>', () => {
  useMockBackend();

  runDataElementSuite('so-licence-holders', {
    render: () => html`<so-licence-holders owner="SUPEROFFICE" module="ten-sales"></so-licence-holders>`,
    endpoints: ['*/api/v1/License', '*/api/v1/Archive/InternalUsers'],
    source: 'License',
    isLoaded: (el) => rows(el).length > 0,
  });

  describe('reading', () => {
    it('lists the holders with portrait, name, user id, group and plan, and the seats', async () => {
      const el = await mount();
      expect(usage(el)).to.equal('15 of 15 in use, 0 free');
      expect(names(el)).to.have.length(15);
      expect(names(el)).to.include('Karin Holm');
      const karin = rowOf(el, 'Karin Holm')!;
      expect(karin.querySelector('.id')!.textContent).to.equal('KARIN');
      expect([...karin.querySelectorAll('[role=cell]')].map((c) => c.textContent!.trim()).slice(1, 3)).to.deep.equal(['Management', 'Sales Premium']);
      expect(karin.querySelector('.avatar')).not.to.equal(null);
      expect(shadow(el).querySelector('#tab-internal')!.textContent!.trim()).to.equal('Associates (15)');
      expect(shadow(el).querySelector('[role=table]')!.getAttribute('aria-rowcount')).to.equal('16');
      await expect(el).to.be.accessible();
    });

    it('says when nobody in a list holds it; the other tab loads when opened (keyboard)', async () => {
      const el = await mount();
      shadow(el).querySelector<HTMLElement>('#tab-internal')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitForState(el, 'empty');
      expect(text(el)).to.contain('No other users hold Sales Premium.');
      await expect(el).to.be.accessible();
    });

    it('shows an empty state for a licence that does not exist, and searches holders', async () => {
      const missing = await fixture<SoLicenceHolders>(html`<so-licence-holders module="nope"></so-licence-holders>`);
      await waitForState(missing, 'empty');
      expect(text(missing)).to.contain('This licence was not found.');
      const el = await mount();
      const search = part(el, 'search') as HTMLInputElement;
      search.value = 'karin';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Karin Holm']);
      search.value = 'zzz';
      search.dispatchEvent(new Event('input'));
      await waitForState(el, 'empty');
      expect(text(el)).to.contain('No holders match the search.');
    });

    it('speaks German', async () => {
      await setLocale('de');
      const el = await mount();
      await waitUntil(() => part(el, 'remove')?.textContent?.trim() === 'Entfernen', 'German buttons');
      expect(shadow(el).querySelector('#tab-internal')!.textContent).to.contain('Mitarbeiter');
    });
  });

  describe('remove', () => {
    it('asks first, naming who loses what; the destructive button is not focused; Escape cancels; focus returns', async () => {
      const el = await mount();
      const patches = countRequests('/User/');
      const button = rowOf(el, 'Karin Holm')!.querySelector<HTMLButtonElement>('[part=remove]')!;
      button.focus();
      const dialog = await askToRemove(el, 'Karin Holm');
      expect(dialog.getElementById('question')!.textContent).to.equal('Remove Sales Premium from Karin Holm?');
      expect(deepActiveElement()!.getAttribute('part')).to.equal('cancel');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(el));
      expect(deepActiveElement()).to.equal(button);
      expect(patches.count).to.equal(0);
      patches.stop();
    });

    it('removes with one PATCH, announces it, emits so-assignment-change, updates the seats quietly, and offers Undo', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'so-assignment-change');
      const log = countRequests('/User/3');
      await remove(el, 'Karin Holm');
      await waitUntil(() => status(el).includes('Sales Premium was removed from Karin Holm.'), 'announced', { timeout: 4000 });
      expect(log.requests.filter((r) => r.method === 'PATCH')).to.have.length(1);
      const ops = (await log.requests.find((r) => r.method === 'PATCH')!.json()) as { op: string }[];
      expect(ops.map((o) => o.op)).to.deep.equal(['test', 'test', 'test', 'replace']);
      expect(changes.map((e) => e.detail)).to.deep.equal([{ associateId: 3, ownerName: 'SUPEROFFICE', moduleName: 'ten-sales', assigned: false }]);
      await waitUntil(() => !names(el).includes('Karin Holm') && usage(el) === '14 of 15 in use, 1 free', 'reloaded', { timeout: 4000 });
      expect(shadow(el).querySelector('.state.loading')).to.equal(null);
      await expect(el).to.be.accessible();
      part(el, 'undo')!.click();
      await waitUntil(() => names(el).includes('Karin Holm') && usage(el) === '15 of 15 in use, 0 free', 'undone', { timeout: 4000 });
      expect(status(el)).to.contain('Sales Premium was given back to Karin Holm.');
      expect(changes[1].detail.assigned).to.equal(true);
      log.stop();
    });

    it('never sends twice: the control is disabled and aria-busy while the write runs', async () => {
      setScenario('slow-writes');
      const el = await mount();
      const log = countRequests('/User/5');
      await remove(el, 'Anders Berg');
      const button = () => rowOf(el, 'Anders Berg')!.querySelector<HTMLButtonElement>('[part=remove]')!;
      await waitUntil(() => button().disabled, 'busy');
      expect(button().getAttribute('aria-busy')).to.equal('true');
      button().click();
      expect(dialogOf(el)).to.equal(null);
      await waitUntil(() => status(el).includes('removed'), 'saved', { timeout: 5000 });
      expect(log.requests.filter((r) => r.method === 'PATCH')).to.have.length(1);
      log.stop();
    });

    it('third-party licences are removed with W9 (DELETE)', async () => {
      const el = await mount('archive-user', 'ACMEADDON');
      const log = countRequests('/License/ACMEADDON/1');
      await remove(el, 'Ingrid Solberg');
      await waitUntil(() => status(el).includes('Archive user was removed from Ingrid Solberg.'), 'saved', { timeout: 4000 });
      expect(log.requests.map((r) => r.method)).to.deep.equal(['DELETE']);
      expect(await log.requests[0].json()).to.deep.equal(['archive-user']);
      log.stop();
    });
  });

  describe('failures', () => {
    it('403 on a write: a read-only sentence instead of write controls; reading goes on', async () => {
      setScenario('read-only');
      const el = await mount();
      const errors = recordEvents(el, 'so-write-error');
      await remove(el, 'Karin Holm');
      await waitUntil(() => part(el, 'read-only'), 'read-only', { timeout: 4000 });
      expect(part(el, 'read-only')!.textContent).to.contain('you do not have permission to change licence assignments');
      expect(part(el, 'remove')).to.equal(null);
      expect(part(el, 'assign')).to.equal(null);
      expect(names(el)).to.include('Karin Holm');
      expect(errors[0].detail).to.include({ kind: 'forbidden', status: 403, operation: 'unassign' });
      await expect(el).to.be.accessible();
    });

    it('409: says someone else changed it, overwrites nothing and shows the current state', async () => {
      setScenario('conflict');
      const el = await mount();
      const errors = recordEvents(el, 'so-write-error');
      const changes = recordEvents(el, 'so-assignment-change');
      await remove(el, 'Karin Holm');
      await waitUntil(() => alertText(el), 'alert', { timeout: 4000 });
      expect(alertText(el)).to.contain('Someone else changed this user’s licences meanwhile. Nothing was overwritten');
      expect(errors[0].detail).to.include({ kind: 'conflict', status: 409 });
      expect(changes).to.have.length(0);
      // Someone else had removed it: the reload shows it gone.
      await waitUntil(() => !names(el).includes('Karin Holm'), 'current state shown', { timeout: 4000 });
    });

    it('500: an alert that says the change was not saved', async () => {
      setScenario('write-fails');
      const el = await mount();
      await remove(el, 'Karin Holm');
      await waitUntil(() => alertText(el), 'alert', { timeout: 4000 });
      expect(alertText(el)).to.contain('HTTP 500');
      expect(names(el)).to.include('Karin Holm');
      expect(part(el, 'remove')).not.to.equal(null);
    });
  });

  describe('reassign', () => {
    it('moves a holder to another plan with free seats in one PATCH (old off, new on); full plans are disabled', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'so-assignment-change');
      const log = countRequests('/User/3');
      rowOf(el, 'Karin Holm')!.querySelector<HTMLButtonElement>('[part=reassign]')!.click();
      await waitUntil(() => part(el, 'reassign-panel'));
      const panel = part(el, 'reassign-panel')!;
      expect(panel.textContent).to.contain('takes effect the next time the user logs in');
      const radios = [...panel.querySelectorAll<HTMLInputElement>('input[type=radio]')];
      expect(radios.find((r) => r.value === 'ten-sales-essentials')!.disabled).to.equal(false);
      await expect(el).to.be.accessible();
      radios.find((r) => r.value === 'ten-sales-essentials')!.click();
      await el.updateComplete;
      part(el, 'reassign-confirm')!.click();
      await waitUntil(() => status(el).includes('Karin Holm now has Sales Essentials instead of Sales Premium.'), 'saved', { timeout: 4000 });
      const patches = log.requests.filter((r) => r.method === 'PATCH');
      expect(patches).to.have.length(1);
      expect(((await patches[0].json()) as unknown[]).length).to.equal(8);
      expect(changes.map((e) => [e.detail.moduleName, e.detail.assigned])).to.deep.equal([
        ['ten-sales', false],
        ['ten-sales-essentials', true],
      ]);
      await waitUntil(() => !names(el).includes('Karin Holm'), 'moved', { timeout: 4000 });
      log.stop();
    });

    it('offers no free plan where there is none', async () => {
      const el = await mount('ten-sales-essentials');
      rowOf(el, 'Oskar Hansen')!.querySelector<HTMLButtonElement>('[part=reassign]')!.click();
      await waitUntil(() => part(el, 'reassign-panel'));
      const premium = part(el, 'reassign-panel')!.querySelector<HTMLInputElement>('input[value=ten-sales]')!;
      expect(premium.disabled).to.equal(true);
      expect(premium.closest('label')!.textContent).to.contain('no free seats');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(el, 'reassign-panel'));
    });
  });

  describe('assign to users (bulk)', () => {
    /** Opens the picker and ticks the users named. */
    async function pick(el: SoLicenceHolders, who: string[]) {
      part(el, 'assign')!.click();
      await waitUntil(() => part(el, 'picker'), 'picker open');
      for (const name of who) {
        const label = [...part(el, 'picker')!.querySelectorAll('label.choice')].find((l) => l.querySelector('.name')?.textContent === name)!;
        label.querySelector<HTMLInputElement>('input')!.click();
      }
      await el.updateComplete;
    }

    it('picks users who lack it (search, keyboard) and assigns through the queue; a summary lists each failure with Retry failed', async () => {
      const el = await mount('ten-service');
      expect(usage(el)).to.equal('9 of 10 in use, 1 free');
      const changes = recordEvents(el, 'so-assignment-change');
      await pick(el, []);
      const picker = part(el, 'picker')!;
      expect(deepActiveElement()!.id).to.equal('pick-search');
      // Keyboard: search, Tab to a checkbox, Space ticks it.
      await sendKeys({ type: 'gunnar' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' }); // "Select all shown"
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(picker.querySelector('.pick-count')!.textContent).to.contain('1 picked, 1 free.');
      const search = picker.querySelector<HTMLInputElement>('#pick-search')!;
      search.value = '';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const aslaug = [...picker.querySelectorAll('label.choice')].find((l) => l.querySelector('.name')?.textContent === 'Aslaug Rønning')!;
      aslaug.querySelector<HTMLInputElement>('input')!.click();
      await el.updateComplete;
      expect(picker.textContent).to.contain('Some will be refused');
      await expect(el).to.be.accessible();
      part(el, 'picker-assign')!.click();
      await waitUntil(() => part(el, 'summary-list') || shadow(el).querySelector('[part=summary].bulk-summary, .bulk-summary'), 'summary', { timeout: 5000 });
      const summary = shadow(el).querySelector('.bulk-summary')!.textContent!.replace(/\s+/g, ' ');
      expect(summary).to.contain('1 done, 1 failed.');
      expect(summary).to.contain('There is no free Service Premium licence.');
      expect(changes).to.have.length(1);
      await waitUntil(() => usage(el) === '10 of 10 in use, 0 free', 'seats updated', { timeout: 4000 });
      await expect(el).to.be.accessible();
      // Retry only the failure (still no seat: it fails again, alone).
      const log = countRequests('/User/');
      part(el, 'retry-failed')!.click();
      await waitUntil(() => log.requests.some((r) => r.method === 'PATCH') && shadow(el).querySelector('.bulk-summary'), 'retried', { timeout: 5000 });
      expect(log.requests.filter((r) => r.method === 'PATCH')).to.have.length(1);
      expect(shadow(el).querySelector('.bulk-summary')!.textContent).to.contain('1 done, 1 failed.');
      log.stop();
    });

    it('offers no assignment when no seat is free: the reason stands by the disabled button, nothing is sent', async () => {
      const el = await mount(); // Sales Premium: 15 of 15 in use
      const log = countRequests('/User/');
      part(el, 'assign')!.click();
      await waitUntil(() => part(el, 'picker')?.querySelector('label.choice'), 'picker open');
      part(el, 'picker')!.querySelector<HTMLInputElement>('label.choice input')!.click();
      await el.updateComplete;
      const button = part(el, 'picker-assign') as HTMLButtonElement;
      expect(button.disabled).to.equal(true);
      const reason = shadow(el).getElementById(button.getAttribute('aria-describedby')!)!;
      expect(reason.textContent!.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim()).to.equal(
        'No free licences: nobody can be given Sales Premium. Free some first, or buy more.',
      );
      button.click();
      await el.updateComplete;
      expect(log.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
      log.stop();
      await expect(el).to.be.accessible();
    });

    it('cancel: the two in flight finish, the rest is not started and listed', async () => {
      setScenario('slow-writes');
      const el = await mount('archive-user', 'ACMEADDON');
      const log = countRequests('/License/ACMEADDON/');
      await pick(el, ['Anders Berg', 'Sigrid Nilsen', 'Magnus Eriksson', 'Linnéa Johansson']);
      part(el, 'picker-assign')!.click();
      await waitUntil(() => shadow(el).querySelector('progress'), 'progress shown');
      expect(part(el, 'bulk')!.textContent).to.contain('0 of 4 done');
      part(el, 'cancel')!.click();
      await waitUntil(() => shadow(el).querySelector('.bulk-summary'), 'summary', { timeout: 5000 });
      const summary = shadow(el).querySelector('.bulk-summary')!.textContent!.replace(/\s+/g, ' ');
      expect(summary).to.contain('2 done.');
      expect(summary).to.contain('2 not started (cancelled).');
      expect(log.requests.filter((r) => r.method === 'PUT')).to.have.length(2);
      log.stop();
    });
  });

  describe('must-remove', () => {
    it('shows in use, available and how many must go, and says when enough were removed', async () => {
      const el = await mount('ten-sales', 'SUPEROFFICE', 'must-remove');
      const done = recordEvents(el, 'so-superfluous-removed');
      const box = () => part(el, 'must-remove')!.textContent!.replace(/\s+/g, ' ');
      const figures = () => [...part(el, 'must-remove')!.querySelectorAll('dt, dd')].map((x) => x.textContent!.trim());
      expect(figures()).to.deep.equal(['In use', '15', 'Available', '13', 'Must be removed', '2']);
      expect(box()).to.contain('Remove 2 more holders');
      expect(part(el, 'assign')).to.equal(null);
      await remove(el, 'Karin Holm');
      await waitUntil(() => figures()[5] === '1', 'one gone', { timeout: 4000 });
      await waitUntil(() => !dialogOf(el));
      await remove(el, 'Anders Berg');
      await waitUntil(() => box().includes('Done: enough licences were removed.'), 'done', { timeout: 4000 });
      expect(done.map((e) => e.detail)).to.deep.equal([{ ownerName: 'SUPEROFFICE', moduleName: 'ten-sales', removed: 2 }]);
      await expect(el).to.be.accessible();
    });
  });

  it('after a removal, a <so-licence-list> on the page shows the new in-use count without a flash of Loading', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <so-licence-list owner="SUPEROFFICE"></so-licence-list>
      <so-licence-holders owner="SUPEROFFICE" module="ten-sales"></so-licence-holders>
    </div>`);
    const list = page.querySelector<SoLicenceList>('so-licence-list')!;
    const el = page.querySelector<SoLicenceHolders>('so-licence-holders')!;
    const salesBar = () => shadow(list).querySelector('svg[aria-label$="in use"][aria-label*="of 15"]')?.getAttribute('aria-label');
    await waitUntil(() => salesBar() && rows(el).length > 0, 'both loaded', { timeout: 4000 });
    expect(salesBar()).to.equal('15 of 15 in use');
    let flashed = false;
    const watch = new MutationObserver(() => (flashed ||= !!shadow(list).querySelector('.state.loading')));
    watch.observe(shadow(list), { subtree: true, childList: true });
    await remove(el, 'Karin Holm');
    await waitUntil(() => salesBar() === '14 of 15 in use', 'list updated', { timeout: 4000 });
    watch.disconnect();
    expect(flashed).to.equal(false);
  });

  it('<so-licence-list>: a user licence’s details offer Show holders (N), which opens the holders in place', async () => {
    const list = await fixture<SoLicenceList>(html`<so-licence-list owner="SUPEROFFICE"></so-licence-list>`);
    await waitUntil(() => shadow(list).querySelector('button.name'), 'list loaded', { timeout: 4000 });
    const sales = [...shadow(list).querySelectorAll<HTMLButtonElement>('button.name')].find((b) => b.textContent!.trim() === 'Sales Premium')!;
    sales.click();
    await waitUntil(() => part(list, 'show-holders'), 'details open', { timeout: 4000 });
    const toggle = part(list, 'show-holders')!;
    expect(toggle.textContent!.trim()).to.equal('Show holders (15)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitUntil(() => shadow(list).querySelector('so-licence-holders'), 'holders opened', { timeout: 4000 });
    const holders = shadow(list).querySelector<SoLicenceHolders>('so-licence-holders')!;
    await waitUntil(() => rows(holders).length === 15, 'holders listed', { timeout: 4000 });
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // Escape inside the holders stays theirs: the details stay open.
    (part(holders, 'search') as HTMLInputElement).focus();
    await sendKeys({ press: 'Escape' });
    await list.updateComplete;
    expect(shadow(list).querySelector('so-licence-holders')).not.to.equal(null);
    await expect(list).to.be.accessible();
    toggle.click();
    await waitUntil(() => !shadow(list).querySelector('so-licence-holders'));
    expect(toggle.textContent!.trim()).to.equal('Show holders (15)');
  });
});
