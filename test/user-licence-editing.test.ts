import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import '../src/components/user-licence-filter/define.js';
import '../src/components/licence-list/define.js';
import type { SoUserLicenceFilter } from '../src/components/user-licence-filter/user-licence-filter.js';
import { Selection } from '../src/components/user-licence-filter/selection.js';
import { useAssignmentsBackend } from './support/assignments-backend.js';
import { countRequests, recordEvents, shadow, useMockBackend, worker } from './support/mocks.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { setLocale } from '../src/localization.js';

const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const rowAt = (el: Element, rowIndex: number) => shadow(el).querySelector<HTMLElement>(`.body > [aria-rowindex="${rowIndex}"]`);
const rowOf = (el: Element, userId: string) => rows(el).find((r) => r.querySelector('.id')!.textContent!.trim().startsWith(userId))!;
const panel = (el: Element) => shadow(el).querySelector<HTMLElement>('[part=details]');
/** Text as read, without the bidi isolation marks around data (U+2068 … U+2069). */
const squash = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
/** A licence's switch, by the licence's name (its label may go on: "… requires Archive server"). */
const switchOf = (el: Element, licence: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('[role=switch]')].find(
    (s) => squash(shadow(el).getElementById(s.getAttribute('aria-labelledby')!)!.querySelector('.licence-name')) === licence,
  )!;
const radioOf = (el: Element, plan: string) =>
  [...shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => squash(r.closest('label')!.querySelector('.licence')) === plan)!;
const whyOf = (el: Element, control: Element) => squash(shadow(el).getElementById(control.getAttribute('aria-describedby') ?? ''));
const status = (el: Element) => squash(shadow(el).querySelector('[part=write-status]'));
const confirmHost = (el: Element) => shadow(el).querySelector('so-confirm-dialog');
const confirmDialog = (el: Element) => confirmHost(el)?.shadowRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
const writeError = (el: Element) => squash(shadow(el).querySelector('[part=write-error]'));
const bulkDialog = (el: Element) => shadow(el).querySelector<HTMLDialogElement>('dialog.bulk');
/** Picks the bulk dialog's licence and waits until the confirmation says what happens (its holders read if needed). */
async function pickLicence(el: SoUserLicenceFilter, column: string) {
  const select = bulkDialog(el)!.querySelector('select')!;
  select.value = column;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await waitUntil(() => bulkDialog(el)!.querySelector('.confirm-text'), `${column}: holders read`);
}
const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => squash(b).startsWith(label))!;

async function mount(): Promise<SoUserLicenceFilter> {
  const el = await fixture<SoUserLicenceFilter>(html`<so-user-licence-filter></so-user-licence-filter>`);
  await waitUntil(() => rowAt(el, 2), 'first user row shown', { timeout: 4000 });
  return el;
}

/** Opens a user's panel and waits for the editable switches. */
async function open(el: SoUserLicenceFilter, userId: string) {
  const search = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
  search.value = userId;
  search.dispatchEvent(new Event('input'));
  // The rows shown before the search re-rendered are not the ones a click would pick.
  await el.updateComplete;
  await waitUntil(() => rowOf(el, userId), `${userId} found`);
  rowOf(el, userId).click();
  await waitUntil(() => panel(el)?.querySelector('[role=switch]'), `${userId}'s editable panel shown`, { timeout: 4000 });
}

async function confirm(el: SoUserLicenceFilter) {
  await waitUntil(() => confirmDialog(el)?.open, 'confirmation open');
  button(confirmDialog(el)!, 'Remove').click();
}

describe('<so-user-licence-filter> editing', () => {
  useMockBackend();

  it('switches a third-party licence on and off (confirmed), pessimistically, with events and Undo', async () => {
    const backend = useAssignmentsBackend();
    const el = await mount();
    const changes = recordEvents(el, 'so-assignment-change');
    await open(el, 'GUNNAR');
    const archive = switchOf(el, 'Archive user');
    expect(archive.getAttribute('aria-checked')).to.equal('false');
    archive.click();
    await el.updateComplete;
    expect(archive.getAttribute('aria-busy'), 'busy while the server works').to.equal('true');
    expect(archive.getAttribute('aria-checked'), 'nothing painted before the answer').to.equal('false');
    await waitUntil(() => switchOf(el, 'Archive user').getAttribute('aria-checked') === 'true', 'assigned after the answer');
    expect(backend.writes).to.deep.equal([{ method: 'PUT', path: '/License/ACMEADDON/39', body: ['archive-user'] }]);
    expect(changes.map((e) => e.detail)).to.deep.equal([{ associateId: 39, ownerName: 'ACMEADDON', moduleName: 'archive-user', assigned: true }]);
    expect(status(el)).to.equal('Archive user assigned to Gunnar Iversen. Undo');
    expect(shadow(el).querySelector('[part=write-status]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();

    // Off asks first, naming who loses what; Cancel has the focus; Escape cancels.
    switchOf(el, 'Archive user').focus();
    switchOf(el, 'Archive user').click();
    await waitUntil(() => confirmDialog(el)?.open, 'confirmation open');
    expect(squash(confirmDialog(el)!.querySelector('#question'))).to.equal('Remove Archive user from Gunnar Iversen?');
    expect(confirmHost(el)!.shadowRoot!.activeElement, 'Cancel has the focus').to.equal(button(confirmDialog(el)!, 'Cancel'));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirmHost(el), 'closed');
    expect(shadow(el).activeElement, 'focus returns to the switch').to.equal(switchOf(el, 'Archive user'));
    expect(backend.writes).to.have.length(1);

    switchOf(el, 'Archive user').click();
    await confirm(el);
    await waitUntil(() => switchOf(el, 'Archive user').getAttribute('aria-checked') === 'false', 'removed');
    expect(backend.writes[1]).to.deep.equal({ method: 'DELETE', path: '/License/ACMEADDON/39', body: ['archive-user'] });

    // Undo puts it back with one more request.
    button(panel(el)!, 'Undo').click();
    await waitUntil(() => switchOf(el, 'Archive user').getAttribute('aria-checked') === 'true', 'undone');
    expect(backend.writes.map((w) => w.method)).to.deep.equal(['PUT', 'DELETE', 'PUT']);
    expect(changes.map((e) => e.detail.assigned)).to.deep.equal([true, false, true]);
  });

  it('offers Undo for 10 seconds only', async () => {
    useAssignmentsBackend();
    const el = await mount();
    await open(el, 'GUNNAR');
    const realTimeout = window.setTimeout;
    const timers: (() => void)[] = [];
    window.setTimeout = ((fn: () => void, ms: number) => (ms === 10_000 ? timers.push(fn) : realTimeout(fn, ms))) as typeof setTimeout;
    try {
      switchOf(el, 'Archive user').click();
      await waitUntil(() => status(el).endsWith('Undo'), 'undo offered');
      expect(timers).to.have.length(1);
      timers[0]();
      await el.updateComplete;
      expect(status(el)).to.equal('Archive user assigned to Gunnar Iversen.');
    } finally {
      window.setTimeout = realTimeout;
    }
  });

  it('changes the user plan with one PATCH that tests, unassigns the old and assigns the new', async () => {
    const backend = useAssignmentsBackend();
    const el = await mount();
    await open(el, 'ERIK');
    const plans = panel(el)!.querySelector('fieldset')!;
    expect(squash(plans.querySelector('legend'))).to.equal('User plan');
    expect(squash(plans)).to.include('A plan change takes effect the next time the user signs in.');
    expect(radioOf(el, 'Service Premium').checked).to.equal(true);
    // Sales Premium: all 15 in use.
    expect(radioOf(el, 'Sales Premium').disabled).to.equal(true);
    expect(whyOf(el, radioOf(el, 'Sales Premium'))).to.equal('No free licences');
    const save = button(plans, 'Change plan');
    expect(save.getAttribute('aria-disabled')).to.equal('true');

    radioOf(el, 'Marketing Essentials').click();
    await el.updateComplete;
    expect(save.getAttribute('aria-disabled')).to.equal('false');
    save.click();
    await waitUntil(() => confirmDialog(el)?.open, 'confirmation open');
    expect(squash(confirmDialog(el)!.querySelector('#question'))).to.equal('Change the plan of Erik Dahl to Marketing Essentials?');
    expect(squash(confirmDialog(el)!.querySelector('#message'))).to.equal(
      'Erik Dahl loses Service Premium and gets Marketing Essentials. The change takes effect at the next sign-in.',
    );
    button(confirmDialog(el)!, 'Change plan').click();
    await waitUntil(() => radioOf(el, 'Marketing Essentials')?.closest('label')!.classList.contains('current'), 'new plan saved');
    expect(backend.writes).to.have.length(1);
    const ops = backend.writes[0].body as { op: string; path: string; value: unknown }[];
    expect(backend.writes[0].method).to.equal('PATCH');
    expect(ops.filter((o) => o.op === 'replace').map((o) => o.value)).to.deep.equal([false, true]);
    expect(ops.filter((o) => o.op === 'test')).to.have.length(6);
    expect(ops[0]).to.deep.equal({ op: 'test', path: '/LicenseOwners/0/Name', value: 'SUPEROFFICE' });
    expect(status(el)).to.equal('Erik Dahl now has Marketing Essentials instead of Service Premium. Undo');
    await expect(el).to.be.accessible();
  });

  it('says why a licence cannot be switched on: prerequisite missing (named), no free licences', async () => {
    useAssignmentsBackend();
    const el = await mount();
    await open(el, 'GUNNAR');
    const ocr = switchOf(el, 'OCR scanning');
    expect(ocr.getAttribute('aria-disabled')).to.equal('true');
    expect(whyOf(el, ocr)).to.equal('Requires Archive user');
    ocr.click();
    await el.updateComplete;
    expect(ocr.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('says CanAssign: false links cannot be assigned', async () => {
    useAssignmentsBackend();
    worker.use(
      http.get('*/api/v1/License/User/:id', () =>
        HttpResponse.json([
          {
            Name: 'ACMEADDON',
            Description: 'Acme',
            RestrictedModuleLicenses: [
              { ModuleLicenseId: 1, Name: 'archive-user', Description: 'Archive user', Tooltip: '', Unrestricted: false, Total: 9, Free: 3, InUse: 6, Assigned: false, CanAssign: false, IsHidden: false, SortOrder: 1, ExtraFlags: 0 },
            ],
            UnrestrictedModuleLicenses: [],
          },
        ]),
      ),
    );
    const el = await mount();
    await open(el, 'GUNNAR');
    expect(whyOf(el, switchOf(el, 'Archive user'))).to.equal('Cannot be assigned to this user');
  });

  it('sends one request for two fast clicks', async () => {
    const backend = useAssignmentsBackend();
    worker.use(
      http.put('*/api/v1/License/:owner/:id', async () => {
        backend.writes.push({ method: 'PUT', path: '', body: null });
        await delay(150);
        return HttpResponse.json([]);
      }),
    );
    const el = await mount();
    await open(el, 'GUNNAR');
    switchOf(el, 'Archive user').click();
    switchOf(el, 'Archive user').click();
    await el.updateComplete;
    switchOf(el, 'Archive user').click();
    await waitUntil(() => switchOf(el, 'Archive user').getAttribute('aria-busy') === 'false', 'answered');
    expect(backend.writes).to.have.length(1);
  });

  it('on 409 reloads that user and says someone else changed it; nothing is overwritten', async () => {
    const backend = useAssignmentsBackend();
    const el = await mount();
    const errors = recordEvents(el, 'so-write-error');
    await open(el, 'GUNNAR');
    expect(switchOf(el, 'CRM user').getAttribute('aria-checked')).to.equal('false');
    backend.changeBehind(39, 'SUPEROFFICE', 'crm-user', true);
    switchOf(el, 'CRM user').click();
    await waitUntil(() => writeError(el).includes('Someone else'), 'conflict explained');
    expect(writeError(el)).to.equal('Someone else changed this user’s licences meanwhile. Nothing was overwritten; the current state is shown.');
    expect(switchOf(el, 'CRM user').getAttribute('aria-checked'), 'the current state').to.equal('true');
    expect(errors.map((e) => [e.detail.kind, e.detail.operation])).to.deep.equal([['conflict', 'assign']]);
    await expect(el).to.be.accessible();
  });

  it('on a 409 from the server (a test failed) reloads and explains', async () => {
    const backend = useAssignmentsBackend();
    backend.failNext(409);
    const el = await mount();
    await open(el, 'GUNNAR');
    switchOf(el, 'CRM user').click();
    await waitUntil(() => writeError(el).includes('Someone else'), 'conflict explained');
    expect(backend.writes).to.have.length(1);
    expect(backend.writes[0].method).to.equal('PATCH');
  });

  it('on 403 turns read-only with a sentence while reading goes on', async () => {
    const backend = useAssignmentsBackend();
    backend.failNext(403);
    const el = await mount();
    const errors = recordEvents(el, 'so-write-error');
    await open(el, 'GUNNAR');
    switchOf(el, 'Archive user').click();
    await waitUntil(() => el.writesForbidden, 'read-only');
    await el.updateComplete;
    await waitUntil(() => !switchOf(el, 'Archive user') || switchOf(el, 'Archive user').getAttribute('aria-busy') === 'false');
    await el.updateComplete;
    expect(squash(panel(el)!.querySelector('.read-only'))).to.equal('You can view these assignments, but your user may not change them.');
    expect(squash(shadow(el).querySelector('.notice.read-only'))).to.equal('You can view licence assignments, but your user may not change them.');
    expect(shadow(el).querySelector('[part=bulk-bar]'), 'no bulk actions').to.equal(null);
    expect(shadow(el).querySelector('[part=checkbox]'), 'no selection').to.equal(null);
    expect(switchOf(el, 'Archive user').getAttribute('aria-disabled')).to.equal('true');
    expect(errors[0].detail).to.include({ kind: 'forbidden', status: 403, operation: 'assign' });
    // Reading goes on.
    await open(el, 'ERIK');
    await waitUntil(() => shadow(el).getElementById('details-name')!.textContent === 'Erik Dahl');
    expect(backend.writes).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows a failure as an alert, keeps the server state and never retries', async () => {
    const backend = useAssignmentsBackend();
    backend.failNext(500);
    const el = await mount();
    await open(el, 'GUNNAR');
    switchOf(el, 'Archive user').click();
    await waitUntil(() => panel(el)!.querySelector('[role=alert]'), 'failure shown');
    expect(squash(panel(el)!.querySelector('[role=alert]'))).to.equal('The change could not be saved: the server reported an error (HTTP 500).');
    expect(switchOf(el, 'Archive user').getAttribute('aria-checked')).to.equal('false');
    await delay(100);
    expect(backend.writes).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows the new numbers in every element after a write, without a flash of Loading', async () => {
    useAssignmentsBackend();
    const wrap = await fixture<HTMLDivElement>(html`<div><so-licence-list></so-licence-list><so-user-licence-filter></so-user-licence-filter></div>`);
    const list = wrap.querySelector('so-licence-list')!;
    const el = wrap.querySelector('so-user-licence-filter')!;
    await waitUntil(() => rowAt(el, 2) && list.shadowRoot!.querySelector('tbody tr'), 'both shown', { timeout: 4000 });
    const mobile = () =>
      [...list.shadowRoot!.querySelectorAll('tbody tr[part~=row]')].find((tr) => squash(tr.querySelector('button.name')) === 'CRM user')!;
    const inUse = () => squash(mobile().querySelector('td'));
    const option = () => [...shadow(el).querySelectorAll('option')].map((o) => squash(o)).find((t) => t.startsWith('CRM user'));
    await waitUntil(() => mobile(), 'CRM user listed');
    const before = Number(inUse());
    expect(option()).to.equal(`CRM user (${before} of 50 in use)`);
    let flashed = false;
    const watch = new MutationObserver(() => {
      if (squash(list.shadowRoot).includes('Loading') || squash(shadow(el).querySelector('.toolbar')).includes('Loading')) flashed = true;
    });
    watch.observe(list.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await open(el, 'GUNNAR');
    switchOf(el, 'CRM user').click();
    await waitUntil(() => inUse() === String(before + 1), 'licence list updated');
    await waitUntil(() => option() === `CRM user (${before + 1} of 50 in use)`, 'picker updated');
    watch.disconnect();
    expect(flashed, 'no Loading… shown').to.equal(false);
  });

  describe('selection and bulk changes', () => {
    it('selects with checkboxes, Shift-click ranges, Space and Shift+arrows, and all matching', async () => {
      useAssignmentsBackend();
      const el = await mount();
      const box = (i: number) => rowAt(el, i)!.querySelector<HTMLInputElement>('[part=checkbox]')!;
      box(2).click();
      box(5).dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, composed: true }));
      await el.updateComplete;
      expect([2, 3, 4, 5, 6].map((i) => box(i).checked)).to.deep.equal([true, true, true, true, false]);
      expect(squash(shadow(el).querySelector('.selected-count'))).to.equal('4 users selected');
      expect(panel(el), 'a checkbox does not open the user').to.equal(null);

      rowAt(el, 8)!.focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(box(8).checked).to.equal(true);
      await sendKeys({ press: 'Shift+ArrowDown' });
      await sendKeys({ press: 'Shift+ArrowDown' });
      await el.updateComplete;
      expect([8, 9, 10].map((i) => box(i).checked)).to.deep.equal([true, true, true]);
      expect(shadow(el).activeElement).to.equal(rowAt(el, 10));
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(box(10).checked).to.equal(false);

      button(shadow(el), 'Select all 40 matching').click();
      await el.updateComplete;
      expect(squash(shadow(el).querySelector('.selected-count'))).to.equal('40 users selected');
      await expect(el).to.be.accessible();
      button(shadow(el), 'Clear selection').click();
      await el.updateComplete;
      expect(shadow(el).querySelector('[part=bulk-assign]')).to.equal(null);
    });

    it('assigns to the selected users 2 at a time, with progress, a summary and Retry failed', async () => {
      const backend = useAssignmentsBackend();
      let running = 0;
      let most = 0;
      let failOnce = new Set([40]);
      worker.use(
        http.put('*/api/v1/License/:owner/:id', async ({ params, request }) => {
          const id = Number(params.id);
          backend.writes.push({ method: 'PUT', path: `/License/${String(params.owner)}/${id}`, body: await request.json() });
          running++;
          most = Math.max(most, running);
          await delay(40);
          running--;
          if (failOnce.has(id)) return HttpResponse.json({ Error: true }, { status: 500 });
          return HttpResponse.json([]);
        }),
      );
      const el = await mount();
      const changes = recordEvents(el, 'so-assignment-change');
      const errors = recordEvents(el, 'so-write-error');
      // The last four associates: Vilde, Emil, Gunnar, Aslaug.
      const last = rows(el).length;
      await sendKeys({ press: 'Tab' });
      const g = shadow(el).querySelector<HTMLElement>('[role=grid]')!;
      g.scrollTop = g.scrollHeight;
      await waitUntil(() => rowOf(el, 'ASLAUG'), 'end of list', { timeout: 4000 });
      void last;
      for (const id of ['VILDE', 'EMIL', 'GUNNAR', 'ASLAUG']) rowOf(el, id).querySelector<HTMLInputElement>('[part=checkbox]')!.click();
      await el.updateComplete;
      button(shadow(el), 'Assign licence…').click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      const dialog = bulkDialog(el)!;
      await pickLicence(el, 'acmeaddon_archive-user');
      expect(squash(dialog.querySelector('.confirm-text'))).to.equal('4 users will get Archive user.');
      await expect(el).to.be.accessible();
      button(dialog, 'Assign to 4').click();
      await waitUntil(() => dialog.querySelector('[part=retry-failed]'), 'summary', { timeout: 4000 });
      expect(most, 'at most 2 at a time').to.equal(2);
      const summary = dialog.querySelector('[part=summary] [role=status]')!;
      expect(squash(summary)).to.equal('3 done, 1 failed.');
      expect(squash(dialog.querySelector('.bulk-list.failed'))).to.equal(
        'Aslaug Rønning The change could not be saved: the server reported an error (HTTP 500).',
      );
      expect(shadow(el).activeElement, 'focus on Retry failed').to.equal(dialog.querySelector('[part=retry-failed]'));
      expect(changes).to.have.length(3);
      expect(errors.map((e) => e.detail.operation)).to.deep.equal(['bulk-assign']);
      await expect(el).to.be.accessible();

      failOnce = new Set();
      button(dialog, 'Retry failed').click();
      await waitUntil(() => squash(dialog.querySelector('[part=summary] [role=status]')) === '4 done.', 'retried');
      expect(backend.writes.map((w) => w.path)).to.have.length(5);
      expect(backend.writes[4].path).to.equal('/License/ACMEADDON/40');
      dialog.querySelector<HTMLButtonElement>('[part=close-bulk]')!.click();
      await waitUntil(() => !bulkDialog(el), 'closed');
    });

    it('warns before assigning more than the free seats, and Escape closes the dialog', async () => {
      const holders = countRequests('/Archive/');
      useAssignmentsBackend();
      const el = await mount();
      button(shadow(el), 'Select all').click();
      await el.updateComplete;
      const opener = button(shadow(el), 'Assign licence…');
      opener.focus();
      opener.click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      const dialog = bulkDialog(el)!;
      await pickLicence(el, 'superoffice_ten-service-essentials');
      const check = holders.requests.map((r) => new URL(r.url).searchParams).filter((q) => q.get('$filter') === 'superoffice_ten-service-essentials eq 1');
      holders.stop();
      expect(check.map((q) => q.get('$select'))).to.deep.equal(Array(2).fill('associateDbId,assocName,fullName,superoffice_ten-service-essentials'));
      expect(check.map((q) => q.get('$top'))).to.deep.equal(['1000', '1000']);
      // 3 of the 40 hold it (Ida, Aksel, Sara); 2 of its 5 seats are free.
      expect(squash(dialog.querySelector('.confirm-text'))).to.equal(
        '37 users will get Service Essentials. 3 of the selected users already have it and are left as they are.',
      );
      expect(squash(dialog.querySelector('.notice.warning'))).to.equal('Only 2 licences are free: the assignments after the first 2 will fail.');
      expect(dialog.querySelector('[part=confirm]')!.getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !bulkDialog(el), 'closed');
      expect(shadow(el).activeElement, 'focus back on the button').to.equal(button(shadow(el), 'Assign licence…'));
    });

    it('with no free seat says so and does not offer assigning; one free seat is said in the singular', async () => {
      useAssignmentsBackend();
      const el = await mount();
      button(shadow(el), 'Select all').click();
      await el.updateComplete;
      button(shadow(el), 'Assign licence…').click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      const dialog = bulkDialog(el)!;
      // Sales Premium: 15 of 15 in use.
      await pickLicence(el, 'superoffice_ten-sales');
      const notice = dialog.querySelector<HTMLElement>('[part=bulk-seats]')!;
      expect(squash(notice)).to.equal('No free licences: nobody can be given Sales Premium. Free some first, or buy more.');
      expect(squash(dialog)).to.not.include('Only 0');
      const confirmButton = dialog.querySelector<HTMLButtonElement>('[part=confirm]')!;
      expect(confirmButton.getAttribute('aria-disabled')).to.equal('true');
      expect(confirmButton.getAttribute('aria-describedby')).to.equal(notice.id);
      await expect(el).to.be.accessible();
      const writes = countRequests('/License/');
      confirmButton.click();
      await delay(50);
      expect(dialog.querySelector('.confirm-text'), 'still asking').to.not.equal(null);
      writes.stop();
      expect(writes.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
      // Service: 9 of 10 in use.
      await pickLicence(el, 'superoffice_ten-service');
      expect(squash(dialog.querySelector('[part=bulk-seats]'))).to.equal('Only 1 licence is free: the assignments after the first will fail.');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !bulkDialog(el), 'closed');

      await setLocale('de');
      await waitUntil(() => shadow(el).querySelector('[part=bulk-assign]')?.textContent?.includes('Lizenz zuweisen'), 'German');
      shadow(el).querySelector<HTMLButtonElement>('[part=bulk-assign]')!.click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      await pickLicence(el, 'superoffice_ten-service');
      expect(squash(bulkDialog(el)!.querySelector('[part=bulk-seats]'))).to.equal('Nur 1 Lizenz ist frei: Die Zuweisungen nach der ersten schlagen fehl.');
      await pickLicence(el, 'superoffice_ten-sales');
      expect(squash(bulkDialog(el)!.querySelector('[part=bulk-seats]'))).to.match(
        /^Keine freien Lizenzen: Niemand kann .+ erhalten\. Geben Sie zuerst Lizenzen frei oder kaufen Sie weitere\.$/,
      );
    });

    it('sends nothing for users who already have the licence and lists them apart; the summary adds up', async () => {
      const backend = useAssignmentsBackend();
      const el = await mount();
      const g = shadow(el).querySelector<HTMLElement>('[role=grid]')!;
      // Karin and Ingrid hold Archive user, Vilde and Emil do not.
      for (const id of ['KARIN', 'INGRID']) rowOf(el, id).querySelector<HTMLInputElement>('[part=checkbox]')!.click();
      g.scrollTop = g.scrollHeight;
      await waitUntil(() => rowOf(el, 'EMIL'), 'end of list', { timeout: 4000 });
      for (const id of ['VILDE', 'EMIL']) rowOf(el, id).querySelector<HTMLInputElement>('[part=checkbox]')!.click();
      await el.updateComplete;
      button(shadow(el), 'Assign licence…').click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      const dialog = bulkDialog(el)!;
      await pickLicence(el, 'acmeaddon_archive-user');
      expect(squash(dialog.querySelector('.confirm-text'))).to.equal(
        '2 users will get Archive user. 2 of the selected users already have it and are left as they are.',
      );
      button(dialog, 'Assign to 2').click();
      await waitUntil(() => dialog.querySelector('[part=summary]'), 'summary', { timeout: 4000 });
      expect(backend.writes.map((w) => w.path).sort()).to.deep.equal(['/License/ACMEADDON/37', '/License/ACMEADDON/38']);
      expect(squash(dialog.querySelector('[part=summary] [role=status]'))).to.equal('2 done. 2 users already had it (nothing sent).');
      expect(squash(dialog.querySelector('.bulk-list.done'))).to.equal('Vilde Sæther Emil Fredriksen');
      expect(squash(dialog.querySelector('.bulk-list.unchanged'))).to.equal('Karin Holm Ingrid Solberg');
      expect(squash(dialog)).to.include('Already had it Karin Holm');
      await expect(el).to.be.accessible();
    });

    it('a user found already so when read fresh (W8) gets no PATCH and is listed as not having had it', async () => {
      const backend = useAssignmentsBackend();
      const el = await mount();
      const picker = shadow(el).querySelector('select')!;
      picker.value = 'superoffice_ten-sales';
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => squash(shadow(el).querySelector('[part=count]')).startsWith('15 of'), 'holders listed');
      for (const id of ['KARIN', 'INGRID']) rowOf(el, id).querySelector<HTMLInputElement>('[part=checkbox]')!.click();
      await el.updateComplete;
      button(shadow(el), 'Remove licence…').click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      const dialog = bulkDialog(el)!;
      expect(squash(dialog.querySelector('.confirm-text'))).to.equal('2 users will lose Sales Premium.');
      // Another administrator removes Karin's meanwhile.
      backend.changeBehind(3, 'SUPEROFFICE', 'ten-sales', false);
      button(dialog, 'Remove from 2').click();
      await waitUntil(() => dialog.querySelector('[part=summary]'), 'summary', { timeout: 4000 });
      expect(backend.writes.map((w) => `${w.method} ${w.path}`)).to.deep.equal(['PATCH /User/1']);
      expect(squash(dialog.querySelector('[part=summary] [role=status]'))).to.equal('1 done. 1 user did not have it (nothing sent).');
      expect(squash(dialog.querySelector('.bulk-list.unchanged'))).to.equal('Karin Holm');
    });

    it('selects every match of a large list from the server (not only the loaded rows), with progress and Cancel', async () => {
      setScenario('large');
      const el = await mount();
      const picker = shadow(el).querySelector('select')!;
      picker.value = 'superoffice_ten-sales';
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => squash(shadow(el).querySelector('[part=count]')) === '2,686 of 10,000 users', 'holders counted', { timeout: 4000 });
      expect(rows(el).length, 'only some rows loaded').to.be.below(300);
      const selectAll = () => shadow(el).querySelector<HTMLButtonElement>('[part=select-all]');
      expect(squash(selectAll())).to.equal('Select all 2,686 matching');

      // Cancel: the selection is as it was.
      worker.use(
        http.get('*/api/v1/Archive/InternalUsers', async ({ request }) => {
          if (new URL(request.url).searchParams.get('$top') === '1000') await delay(300);
        }),
      );
      selectAll()!.click();
      await waitUntil(() => shadow(el).querySelector('[part=select-all-cancel]'), 'progress shown');
      expect(squash(shadow(el).querySelector('#select-all-progress'))).to.equal('Selecting… 0 of 2,686 users');
      await expect(el).to.be.accessible();
      shadow(el).querySelector<HTMLButtonElement>('[part=select-all-cancel]')!.click();
      await waitUntil(() => shadow(el).querySelector('[part=select-all-note]'), 'cancelled');
      expect(squash(shadow(el).querySelector('[part=select-all-note]'))).to.equal('Selecting all matching users was cancelled; the selection is as it was.');
      expect(shadow(el).querySelector('[part=bulk-assign]'), 'nothing selected').to.equal(null);
      worker.resetHandlers();

      const reads = countRequests('/Archive/InternalUsers');
      selectAll()!.click();
      await waitUntil(() => squash(shadow(el).querySelector('.selected-count')) === '2,686 users selected', 'all selected', { timeout: 6000 });
      reads.stop();
      const pages = reads.requests.map((r) => new URL(r.url).searchParams);
      expect(pages.map((q) => q.get('$top'))).to.deep.equal(['1000', '1000', '1000']);
      expect(pages.map((q) => q.get('$skip'))).to.deep.equal(['0', '1000', '2000']);
      expect(pages[0].get('$select')).to.equal('associateDbId,assocName,fullName,superoffice_ten-sales');
      expect(pages[0].get('$filter')).to.equal('superoffice_ten-sales eq 1');
      expect(selectAll(), 'every match selected').to.equal(null);

      button(shadow(el), 'Remove licence…').click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      expect(squash(bulkDialog(el)!.querySelector('.confirm-text'))).to.equal('2,686 users will lose Sales Premium.');
      expect(squash(bulkDialog(el)!.querySelector('[part=confirm]'))).to.equal('Remove from 2,686');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !bulkDialog(el), 'closed');

      // Unfiltered: 10,000 match, a bulk change takes 5,000 — the button and the note say so.
      button(shadow(el), 'Clear selection').click();
      picker.value = '';
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => squash(selectAll()) === 'Select the first 5,000 of 10,000 matching', 'limit said', { timeout: 4000 });
      selectAll()!.click();
      await waitUntil(() => squash(shadow(el).querySelector('.selected-count')) === '5,000 users selected', 'first 5,000', { timeout: 8000 });
      expect(squash(shadow(el).querySelector('[part=select-all-note]'))).to.equal(
        'The first 5,000 of 10,000 matching users are selected, the most one bulk change takes. Narrow the list by licence or search to change the rest.',
      );

      // More matches added by a search: one bulk change does not take them all, and says so.
      const search = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
      search.value = 'Holm';
      search.dispatchEvent(new Event('input'));
      await waitUntil(() => selectAll() && /^Select all [\d,]+ matching$/.test(squash(selectAll())), 'search narrowed', { timeout: 4000 });
      selectAll()!.click();
      const count = () => squash(shadow(el).querySelector('.selected-count'));
      await waitUntil(() => count() !== '5,000 users selected' && !shadow(el).querySelector('[part=select-all-progress]'), 'more selected', { timeout: 6000 });
      expect(count()).to.match(/^5,\d{3} users selected$/);
      const total = count().split(' ')[0];
      button(shadow(el), 'Assign licence…').click();
      await waitUntil(() => bulkDialog(el)?.querySelector('[part=bulk-too-many]'), 'too many said', { timeout: 6000 });
      expect(squash(bulkDialog(el)!.querySelector('[part=bulk-too-many]'))).to.equal(
        `A bulk change takes at most 5,000 users; ${total} are selected. Clear the selection and select fewer.`,
      );
      await waitUntil(() => bulkDialog(el)!.querySelector('.confirm-text'), 'holders read', { timeout: 6000 });
      expect(bulkDialog(el)!.querySelector('[part=confirm]')!.getAttribute('aria-disabled')).to.equal('true');
    });

    it('says so when the matches or the holders cannot be read; nothing is selected or sent, Try again reads again', async () => {
      setScenario('large');
      let failing = true;
      worker.use(
        http.get('*/api/v1/Archive/:list', ({ request }) => {
          if (failing && new URL(request.url).searchParams.get('$top') === '1000') {
            return HttpResponse.json({ Error: true, ErrorType: 'Exception', ErrorMessage: 'Boom' }, { status: 500 });
          }
        }),
      );
      const el = await mount();
      shadow(el).querySelector<HTMLButtonElement>('[part=select-all]')!.click();
      await waitUntil(() => shadow(el).querySelector('[part=select-all-note]'), 'failure said');
      const note = shadow(el).querySelector('[part=select-all-note]')!;
      expect(note.getAttribute('role')).to.equal('alert');
      expect(squash(note)).to.match(/^Could not select all matching users; the selection is as it was\. /);
      expect(shadow(el).querySelector('[part=bulk-assign]')).to.equal(null);
      await expect(el).to.be.accessible();

      // A few rows picked by hand, then a licence whose holders the rows do not show.
      for (const i of [2, 3]) rowAt(el, i)!.querySelector<HTMLInputElement>('[part=checkbox]')!.click();
      await el.updateComplete;
      button(shadow(el), 'Assign licence…').click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      const dialog = bulkDialog(el)!;
      await waitUntil(() => dialog.querySelector('[part=check-again]'), 'check failed');
      expect(squash(dialog.querySelector('[role=alert]'))).to.match(/^Could not read who already has Sales Essentials\. /);
      expect(dialog.querySelector('[part=confirm]')!.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      failing = false;
      dialog.querySelector<HTMLButtonElement>('[part=check-again]')!.click();
      await waitUntil(() => dialog.querySelector('.confirm-text'), 'holders read', { timeout: 4000 });
      expect(squash(dialog.querySelector('.confirm-text'))).to.match(/^\d users? will get Sales Essentials\./);
    });

    it('can be cancelled: what was done stays done and is listed, the rest is not started', async () => {
      const backend = useAssignmentsBackend();
      worker.use(
        http.delete('*/api/v1/License/:owner/:id', async ({ params }) => {
          backend.writes.push({ method: 'DELETE', path: String(params.id), body: null });
          await delay(60);
          return HttpResponse.json([]);
        }),
      );
      const el = await mount();
      const picker = shadow(el).querySelector('select')!;
      picker.value = 'acmeaddon_archive-user';
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => squash(shadow(el).querySelector('[part=count]')) !== '40 users' && rowAt(el, 2), 'holders listed');
      button(shadow(el), 'Select all').click();
      await el.updateComplete;
      const n = Number(/(\d+) users selected/.exec(squash(shadow(el).querySelector('.selected-count')))![1]);
      expect(n).to.be.greaterThan(4);
      button(shadow(el), 'Remove licence…').click();
      await waitUntil(() => bulkDialog(el)?.open, 'dialog open');
      const dialog = bulkDialog(el)!;
      expect(squash(dialog.querySelector('.confirm-text'))).to.equal(`${n} users will lose Archive user.`);
      button(dialog, `Remove from ${n}`).click();
      await waitUntil(() => backend.writes.length >= 1);
      dialog.querySelector<HTMLButtonElement>('[part=cancel]')!.click();
      await waitUntil(() => !dialog.querySelector('[part=cancel]'), 'summary', { timeout: 4000 });
      const sent = backend.writes.length;
      expect(sent).to.be.lessThan(n);
      expect(squash(dialog.querySelector('[part=summary] [role=status]'))).to.equal(`${sent} done. ${n - sent} not started (cancelled).`);
      await delay(150);
      expect(backend.writes.length, 'nothing started after cancel').to.equal(sent);
    });
  });

  describe('tabs', () => {
    it('shows each list’s count for the picked licence, and the User licences tab with holders', async () => {
      useAssignmentsBackend();
      const el = await mount();
      const picker = shadow(el).querySelector('select')!;
      picker.value = 'superoffice_anonymous-user';
      picker.dispatchEvent(new Event('change'));
      await waitUntil(() => squash(shadow(el).querySelector('#tab-other')) === 'Other users (3)', 'other count');
      expect(squash(shadow(el).querySelector('#tab-internal'))).to.equal('Associates (0)');
      const tab = shadow(el).querySelector<HTMLElement>('#tab-licences')!;
      expect(squash(tab)).to.match(/^User licences \(\d+\)$/);
      tab.click();
      await el.updateComplete;
      const item = [...shadow(el).querySelectorAll<HTMLButtonElement>('.licence-pick')].find((b) => squash(b).startsWith('Archive user'))!;
      expect(squash(item)).to.match(/^Archive user \d+ of \d+ in use$/);
      item.click();
      await el.updateComplete;
      expect(item.getAttribute('aria-pressed')).to.equal('true');
      // <so-licence-holders> is loaded on first use and shows who holds it, across both lists.
      await waitUntil(() => shadow(el).querySelector('so-licence-holders'), 'holders element', { timeout: 4000 });
      const holders = shadow(el).querySelector('so-licence-holders')!;
      expect(holders.getAttribute('part')).to.equal('holders');
      await waitUntil(() => squash(holders.shadowRoot).includes('Erik Dahl'), 'holders listed', { timeout: 4000 });
      await expect(el).to.be.accessible();
    });
  });
});

describe('Selection', () => {
  it('toggles, extends ranges from the anchor and clears', () => {
    let changed = 0;
    const s = new Selection<number>((n) => n, () => changed++);
    const rows = [0, 1, 2, 3, 4];
    s.toggle(rows, 3);
    s.toggle(rows, 1, true);
    expect(s.rows.sort()).to.deep.equal([1, 2, 3]);
    s.toggle(rows, 2);
    expect(s.has(2)).to.equal(false);
    expect(s.covers([1, 3])).to.equal(true);
    s.selectAll(rows);
    expect(s.size).to.equal(5);
    s.clear();
    expect(s.size).to.equal(0);
    expect(changed).to.equal(5);
  });
});

void oneEvent;
void countRequests;
