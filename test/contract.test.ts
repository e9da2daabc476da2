/**
 * Contract tests: each endpoint is fed answers in the formats a real SuperOffice tenant sends — written from
 * SuperOffice's documentation and captured answers, not from the kit's mocks — and the elements are checked for what
 * a person sees.
 *
 * Sources of the formats:
 * - Archives (E6, E8): `PrimaryKey` is a string in captured Online answers (`"PrimaryKey": "1"`); `$jsonSafe=true`
 *   "replaces all unsafe characters with _" (REST reference, archive query parameters); `$inlineCount=allpages` adds
 *   `odata.count`, a string in OData v3 JSON; cells are strings or numbers by column type, ids may come as initials.
 * - Dates: captures carry no offset (wall clock); the generated REST reference shows offsets and 7-digit fractions
 *   (`2016-07-23T03:45:23.8423206+02:00`); the SystemEvent table documents `registered` as UtcDateTime.
 * - E7 `BatchTaskInfo`: `State` ∈ Unknown, New, Aquired, Started, Succeeded, Failed, SucceededManualCleanup
 *   (BatchTaskState); `CancellationBehaviour` ∈ CanCancel, CancelWithWarning, CannotCancel; `FileName`, `AssociateId`.
 * - E3 `SoPrincipalCarrier`: `RoleName`, `RoleDescription`. User types: Unknown, InternalAssociate,
 *   ResourceAssociate, ExternalAssociate, AnonymousAssociate, SystemAssociate.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import '../src/components/owner-info/define.js';
import '../src/components/licence-list/define.js';
import '../src/components/status-database/define.js';
import '../src/components/system-events/define.js';
import '../src/components/user-licence-filter/define.js';
import type { SoOwnerInfo } from '../src/components/owner-info/owner-info.js';
import type { SoLicenceList } from '../src/components/licence-list/licence-list.js';
import type { SoStatusDatabase } from '../src/components/status-database/status-database.js';
import type { SoSystemEvents } from '../src/components/system-events/system-events.js';
import type { SoUserLicenceFilter } from '../src/components/user-licence-filter/user-licence-filter.js';
import { archiveId, cellOf, isUnreadableDate, jsonSafeName, readUserRow, toWallDate } from '../src/api/schemas.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { countRequests, part, recordEvents, shadow, text, useMockBackend, worker } from './support/mocks.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** The viewer's wall-clock fields of an instant, as the kit keeps dates. */
const localWall = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};
const squash = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A JSON answer written as text, so it can hold what `HttpResponse.json` cannot (`1e999`). */
const rawJson = (body: string) => new HttpResponse(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

/** One E1 owner as the REST reference documents `ExtendedLicenseInfo`, with the extra fields real answers carry. */
function owner(current: Record<string, unknown>, modules: Record<string, unknown>[]) {
  return {
    Current: {
      CompanyName: 'Nordlys Consulting AS',
      SerialNr: '4711',
      OwnerName: 'SUPEROFFICE',
      OwnerDescription: 'SuperOffice',
      ExpiryDate: '0001-01-01T00:00:00',
      GraceDate: '0001-01-01T00:00:00',
      AdminWarningDate: '0001-01-01T00:00:00',
      NextCheckDate: '2026-12-24T00:00:00',
      MaintenanceDate: '0001-01-01T00:00:00',
      ProductType: 'Online',
      ProductDescription: 'SuperOffice CRM Online',
      LicenseVersion: '10.5',
      DeploymentType: 2,
      TableRight: null,
      FieldProperties: { fieldName: { FieldRight: null, FieldType: 'System.String', FieldLength: 37 } },
      ...current,
    },
    New: null,
    CanBeActivated: false,
    Reason: '',
    AccumulatedNextCheckDate: '2026-12-24T00:00:00.0000000+01:00',
    ExtendedModuleLicenses: modules,
    TableRight: null,
    FieldProperties: {},
  };
}

function moduleLicence(name: string, counts: Record<string, unknown>, o: Record<string, unknown> = {}) {
  return {
    Current: {
      OwnerName: 'SUPEROFFICE',
      ModuleName: name,
      ModuleDescription: name === 'ten-sales' ? 'Sales Premium' : name,
      ModuleTooltip: '',
      ModuleVersion: '1',
      LicenseType: 'UserLicense',
      ExtraFlags: 0,
      ExtraInfo: '',
      NumberOfLicenses: 10,
      Unrestricted: false,
      AllowedUserType: 'InternalAssociate',
      SortOrder: 1,
      IsHidden: false,
      PrerequisiteModuleName: '',
      ...o,
    },
    New: null,
    NumberOfLicensesInUse: 1,
    NumberOfLicensesFree: 9,
    NumberOfLicensesTotal: 10,
    NumberOfLicensesAdded: 0,
    NumberOfLicensesNewTotal: 0,
    NumberOfLicensesNewFree: 0,
    ...counts,
  };
}

describe('contract: dates — every ISO form SuperOffice emits', () => {
  it('keeps a value without offset as wall-clock time, unshifted (the captured form)', () => {
    expect(toWallDate('2027-03-27T00:00:00')).to.equal('2027-03-27T00:00:00');
    expect(toWallDate('2016-09-01T03:24:52')).to.equal('2016-09-01T03:24:52');
    expect(toWallDate('2027-03-27')).to.equal('2027-03-27T00:00:00');
    expect(toWallDate('2027-03-27T23:30')).to.equal('2027-03-27T23:30:00');
  });

  it('reads 7-digit fractions (the generated reference form)', () => {
    expect(toWallDate('2016-09-01T03:24:52.0369874')).to.equal('2016-09-01T03:24:52');
    expect(toWallDate('2016-09-01T03:24:52.5')).to.equal('2016-09-01T03:24:52');
  });

  it('converts an offset or a trailing Z to the viewer’s time', () => {
    const instant = Date.UTC(2016, 8, 1, 1, 24, 52); // 03:24:52 at +02:00
    expect(toWallDate('2016-09-01T03:24:52.0369874+02:00')).to.equal(localWall(instant));
    expect(toWallDate('2016-09-01T03:24:52+0200')).to.equal(localWall(instant));
    expect(toWallDate('2016-08-31T20:24:52-05:00')).to.equal(localWall(instant));
    expect(toWallDate('2016-09-01T01:24:52Z')).to.equal(localWall(instant));
    expect(toWallDate('2016-09-01T01:24:52.0000000z')).to.equal(localWall(instant));
  });

  it('converts a documented UTC field without offset (system events’ registered) to the viewer’s time', () => {
    expect(toWallDate('2016-09-01T01:24:52', { utc: true })).to.equal(localWall(Date.UTC(2016, 8, 1, 1, 24, 52)));
  });

  it('keeps the "no date" rule in every form', () => {
    for (const none of ['0001-01-01T00:00:00', '0001-01-01T00:00:00.0000000+01:00', '1900-01-01', '', null, undefined]) {
      expect(toWallDate(none), String(none)).to.equal(null);
    }
  });

  it('marks impossible or non-ISO values as unreadable, never as "no date" and never rolled over', () => {
    for (const bad of ['2027-02-30T00:00:00', '2027-13-01', '2027-03-27T25:00:00', '27.03.2027', 'soon', '2027-3-7']) {
      const read = toWallDate(bad);
      expect(isUnreadableDate(read), bad).to.equal(true);
    }
    expect(isUnreadableDate(toWallDate('2028-02-29'))).to.equal(false);
  });
});

describe('contract: archive cells', () => {
  it('reads ids sent as numbers, strings of digits or encoded integers; never initials or negatives', () => {
    expect([archiveId(17), archiveId('17'), archiveId(' 17 '), archiveId('[I:17]')]).to.deep.equal([17, 17, 17, 17]);
    for (const bad of ['JD', 'NaN', '-1', '1.5', -1, 1.5, null, undefined, '', '99999999999999999']) {
      expect(archiveId(bad), String(bad)).to.equal(undefined);
    }
  });

  it('maps a selected column name to its $jsonSafe form and reads either spelling', () => {
    expect(jsonSafeName('registered_associate_id/assocName')).to.equal('registered_associate_id_assocName');
    expect(jsonSafeName('superoffice_ten-sales')).to.equal('superoffice_ten_sales');
    expect(cellOf({ superoffice_ten_sales: '1' }, 'superoffice_ten-sales')).to.equal('1');
    expect(cellOf({ 'superoffice_ten-sales': true }, 'superoffice_ten-sales')).to.equal(true);
  });

  it('tolerates isActive: null and numbers as strings; skips a row without a usable id', () => {
    const row = readUserRow({ PrimaryKey: '17', associateDbId: '17', isActive: null, fullName: 'Anna', assocName: 'ANNA' })!;
    expect(row).to.include({ PrimaryKey: 17, associateDbId: 17, isActive: true });
    expect(readUserRow({ PrimaryKey: 'X', associateDbId: 'JD' })).to.equal(undefined);
  });
});

describe('contract: elements fed real answers', () => {
  useMockBackend();

  describe('E1 → <so-owner-info>', () => {
    it('shows an unreadable expiry date as a visible alert, never as "not time-limited"', async () => {
      worker.use(http.get('*/api/v1/License', () => HttpResponse.json([owner({ ExpiryDate: '2027-02-30T00:00:00' }, [])])));
      const el = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
      await waitUntil(() => part(el, 'card'), 'card shown', { timeout: 4000 });
      const alert = part(el, 'expired')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(squash(alert)).to.contain('(“2027-02-30T00:00:00”) could not be read');
      expect(text(el)).to.contain('Expiry date').and.contain('Unreadable date “2027-02-30T00:00:00”');
      await expect(el).to.be.accessible();
    });

    it('shows MaintenanceDate, sent with offset and 7-digit fraction, in the viewer’s time', async () => {
      const iso = '2027-06-30T12:00:00.0000000+02:00';
      worker.use(http.get('*/api/v1/License', () => HttpResponse.json([owner({ MaintenanceDate: iso }, [])])));
      const el = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
      await waitUntil(() => part(el, 'card'), 'card shown', { timeout: 4000 });
      const expected = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(iso));
      expect(text(el)).to.contain(`Maintenance until ${expected}`);
      expect(text(el)).not.to.contain('Expiry date'); // 0001-01-01: not time-limited
    });
  });

  describe('E1 → <so-licence-list>', () => {
    it('never shows "−125 %", "∞" or "NaN" and writes no invalid SVG attribute for impossible counts', async () => {
      const body = JSON.stringify([
        owner({}, [
          moduleLicence('negative', { NumberOfLicensesInUse: -5, NumberOfLicensesFree: 9, NumberOfLicensesTotal: 4 }),
          moduleLicence('infinite', { NumberOfLicensesInUse: '__INF__', NumberOfLicensesFree: 1, NumberOfLicensesTotal: 10 }, { SortOrder: 2 }),
          moduleLicence('fine', { NumberOfLicensesInUse: 5, NumberOfLicensesFree: 5, NumberOfLicensesTotal: 10 }, { SortOrder: 3 }),
        ]),
      ]).replace('"__INF__"', '1e999');
      worker.use(http.get('*/api/v1/License', () => rawJson(body)));
      const el = await fixture<SoLicenceList>(html`<so-licence-list></so-licence-list>`);
      await waitUntil(() => shadow(el).querySelector('tbody tr'), 'rows shown', { timeout: 4000 });
      const t = text(el);
      expect(t).not.to.match(/−|-\d|∞|NaN|Infinity/);
      expect(t).to.contain('50%');
      const rowText = (name: string) =>
        squash([...shadow(el).querySelectorAll('tbody tr')].find((tr) => squash(tr.querySelector('button.name')) === name));
      expect(rowText('negative')).to.contain('unreadable');
      expect(rowText('infinite')).to.contain('unreadable');
      for (const rect of shadow(el).querySelectorAll('rect.fill')) {
        const width = rect.getAttribute('width')!;
        expect(width, 'a finite width in 0…100').to.match(/^\d+$/);
        expect(Number(width)).to.be.within(0, 100);
      }
      await expect(el).to.be.accessible();
    });

    it('labels the user types ResourceAssociate and Unknown', async () => {
      worker.use(
        http.get('*/api/v1/License', () =>
          HttpResponse.json([owner({}, [moduleLicence('resource', {}, { AllowedUserType: 'ResourceAssociate' }), moduleLicence('odd', {}, { AllowedUserType: 'Unknown', SortOrder: 2 })])]),
        ),
        http.get('*/api/v1/License/SUPEROFFICE/:module', ({ params }) =>
          HttpResponse.json(moduleLicence(String(params.module), {}, { AllowedUserType: params.module === 'resource' ? 'ResourceAssociate' : 'Unknown' }).Current),
        ),
      );
      const el = await fixture<SoLicenceList>(html`<so-licence-list></so-licence-list>`);
      await waitUntil(() => shadow(el).querySelector('tbody tr'), 'rows shown', { timeout: 4000 });
      const userType = async (name: string, expected: string) => {
        [...shadow(el).querySelectorAll<HTMLButtonElement>('button.name')].find((b) => squash(b) === name)!.click();
        const fact = () =>
          [...shadow(el).querySelectorAll('[part~=details] dl > div')].find((d) => squash(d.querySelector('dt')) === 'Allowed user type');
        await waitUntil(() => squash(fact()?.querySelector('dd')) === expected, `${name}: ${expected}`, { timeout: 4000 });
      };
      await userType('resource', 'Resource');
      await userType('odd', 'Unknown user type');
    });
  });

  describe('E3/E4 → <so-status-database>', () => {
    it('shows the signed-in user’s role description, and an unreadable next expiry as an alert', async () => {
      setScenario('onsite'); // E4 answers 404: composed from E1 and E3
      worker.use(
        http.get('*/api/v1/License', () => HttpResponse.json([owner({ ExpiryDate: 'next spring' }, [])])),
        http.get('*/api/v1/User/currentPrincipal', () =>
          HttpResponse.json({
            UserType: 'InternalAssociate',
            Associate: 'ANNA',
            AssociateId: 5,
            IsPerson: true,
            RoleId: 1,
            RoleName: 'Administrator',
            RoleDescription: 'Full access to everything',
            RoleType: 'Employee',
            Licenses: [],
            FullName: 'Anna Berg',
            EMailAddress: 'anna@example.com',
            FunctionRights: ['admin-all'],
            DatabaseContextIdentifier: 'Cust12345',
          }),
        ),
      );
      const el = await fixture<SoStatusDatabase>(html`<so-status-database></so-status-database>`);
      await waitUntil(() => part(el, 'card'), 'card shown', { timeout: 4000 });
      expect(text(el)).to.contain('Role Administrator Full access to everything');
      const unreadable = shadow(el).querySelector('.unreadable')!;
      expect(unreadable.getAttribute('role')).to.equal('alert');
      expect(squash(unreadable)).to.equal('Unreadable date “next spring”');
      expect(text(el)).not.to.contain('Not time-limited');
    });
  });

  describe('E6/E7 → <so-system-events>', () => {
    /** A captured-style archive answer: string keys, $jsonSafe names (one row in the unsafe spelling), odata.count. */
    const eventsAnswer = {
      'odata.metadata': 'https://online.superoffice.com/Cust12345/api/v1/archive$metadata',
      'odata.count': '3',
      'odata.nextLink': null,
      value: [
        {
          PrimaryKey: '12',
          EntityName: 'systemevent',
          eventname: 'Freetext',
          status: 'Failed',
          eventmess: 'Rebuilding the freetext index failed.',
          registered: '2026-03-01T10:00:00',
          registered_associate_id_assocName: 'ANNA',
          registered_associate_id_fullName: 'Anna Berg',
          registered_associate_id_portraitThumbnail: '',
          eta: '2026-03-01T12:30:00',
          type: 'FreetextRebuild',
        },
        {
          PrimaryKey: '11',
          EntityName: 'systemevent',
          eventname: 'Maintenance',
          status: 'Quarantined',
          eventmess: 'Something new.',
          registered: '2026-02-28T09:00:00.0000000',
          'registered_associate_id/assocName': 'OLE',
          'registered_associate_id/fullName': 'Ole Hansen',
          'registered_associate_id/portraitThumbnail': null,
          eta: null,
          type: 'Database',
        },
        { PrimaryKey: 'AB', EntityName: 'systemevent', eventname: 'Broken' },
      ],
    };
    const jobsAnswer = [
      {
        Id: 31,
        Name: 'Import',
        AssociateId: 0,
        DetailsTable: 0,
        DetailsRecord: 0,
        IsSystemTask: false,
        IsInternalTask: false,
        ParameterObject: null,
        LastStarted: '2026-03-01T10:00:00.0369874+01:00',
        Created: '2026-03-01T09:59:00.0369874+01:00',
        StartCount: 1,
        DatabaseSerialNumber: '4711',
        Context: 'Import',
        Result: '',
        State: 'Aquired',
        Description: 'Import of leads',
        Response: '',
        Request: 'ImportContacts',
        ProgressDescription: 'Waiting for an agent',
        ProgressPercent: 0,
        FileName: 'leads.xlsx',
        CancellationBehaviour: 'CanCancel',
        TableRight: null,
        FieldProperties: {},
      },
      { Id: 32, Name: 'SAINT', AssociateId: 17, State: 'SucceededManualCleanup', ProgressPercent: 100, FileName: '', CancellationBehaviour: 'CannotCancel' },
      { Id: 33, Name: 'Reindex', AssociateId: 0, State: 'Paused', ProgressPercent: 1e3, CancellationBehaviour: 'CancelWithWarning' },
    ];
    const serve = () =>
      worker.use(
        http.get('*/api/v1/SystemEvent', () => HttpResponse.json(eventsAnswer)),
        http.get('*/api/v1/BatchTask/Started', () => HttpResponse.json(jobsAnswer)),
      );
    const mount = async () => {
      const el = await fixture<SoSystemEvents>(html`<so-system-events></so-system-events>`);
      await waitUntil(() => shadow(el).querySelector('.body [role=row]') && part(el, 'jobs'), 'rows and jobs shown', { timeout: 4000 });
      return el;
    };
    const eventRows = (el: Element) => [...shadow(el).querySelectorAll('.body > [role=row]')];
    const cells = (row: Element) => [...row.querySelectorAll('[role=gridcell]')];

    it('reads string keys and both column spellings, counts the unreadable row, and shows registered (UTC) in the viewer’s time', async () => {
      serve();
      const el = await mount();
      const rows = eventRows(el);
      expect(rows).to.have.length(2);
      expect(squash(part(el, 'skipped'))).to.equal('1 notification could not be read.');
      expect(shadow(el).querySelector('[role=grid]')!.getAttribute('aria-rowcount')).to.equal('3');
      const first = cells(rows[0]).map(squash);
      const utc = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-01T10:00:00Z'));
      const wall = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1, 12, 30));
      expect(first[3], 'registered: UTC → viewer').to.equal(utc);
      expect(first[5], 'eta: wall clock, unshifted').to.equal(wall);
      expect(squash(cells(rows[1])[4]), 'the unsafe spelling is read too').to.equal('OH OLE');
      await expect(el).to.be.accessible();
    });

    it('styles known status and type values by value in every language; unknown values as given', async () => {
      serve();
      const el = await mount();
      const check = (failed: string, freetext: string) => {
        const [a, b] = eventRows(el);
        expect(squash(cells(a)[1])).to.equal(failed);
        expect(cells(a)[1].classList.contains('tone-bad')).to.equal(true);
        expect(squash(cells(a)[6])).to.equal(freetext);
        expect(squash(cells(b)[1])).to.equal('Quarantined');
        expect([...cells(b)[1].classList].some((c) => c.startsWith('tone-'))).to.equal(false);
      };
      check('Failed', 'Freetext index rebuild');
      await setLocale('de');
      await el.updateComplete;
      check('Fehlgeschlagen', 'Neuaufbau des Freitextindex');
      expect(squash(cells(eventRows(el)[1])[6])).to.equal('Datenbank');
    });

    it('shows job states as SuperOffice spells them, who started a job, its file, and Stop only where allowed', async () => {
      serve();
      const el = await mount();
      const jobs = [...shadow(el).querySelectorAll('[part~=job]')].map(squash);
      expect(jobs[0]).to.contain('Starting').and.contain('Started by the system').and.contain('File: leads.xlsx');
      expect(jobs[1]).to.contain('Finished, cleaning up').and.contain('Started by user ID 17').and.not.contain('File:');
      expect(jobs[2]).to.contain('Paused').and.contain('100%');
      const stops = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~=stop]')];
      expect(stops.map((b) => squash(b.closest('[part~=job]')!.querySelector('strong')))).to.deep.equal(['Import', 'Reindex']);
      await expect(el).to.be.accessible();
    });

    it('stops a job after a confirmation: one click, one request, busy while it runs', async () => {
      serve();
      let answer!: (value: boolean) => void;
      const bodies: unknown[] = [];
      worker.use(
        http.post('*/api/v1/Agents/Batch/StopBatchJob', async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(await new Promise<boolean>((resolve) => (answer = resolve)));
        }),
      );
      const el = await mount();
      const stop = () => shadow(el).querySelector<HTMLButtonElement>('[part~=stop]')!;
      const dialog = shadow(el).querySelector('dialog')!;
      stop().click();
      await waitUntil(() => dialog.open, 'confirmation shown');
      expect(squash(dialog.querySelector('.dialog-title'))).to.equal('Stop “Import”?');
      expect(shadow(el).activeElement?.textContent?.trim(), 'the safe choice has focus').to.equal('Keep running');
      await expect(el).to.be.accessible();
      dialog.querySelector<HTMLButtonElement>('button:not(.danger)')!.click();
      await waitUntil(() => !dialog.open, 'dialog closed');
      expect(bodies).to.have.length(0);

      stop().click();
      await waitUntil(() => dialog.open, 'confirmation shown again');
      dialog.querySelector<HTMLButtonElement>('button.danger')!.click();
      await waitUntil(() => !dialog.open, 'dialog closed after Stop job');
      await waitUntil(() => bodies.length === 1, 'one request');
      await el.updateComplete;
      expect(stop().disabled).to.equal(true);
      expect(stop().getAttribute('aria-busy')).to.equal('true');
      stop().click();
      answer(true);
      await waitUntil(() => text(el).includes('“Import” is stopping.'), 'outcome announced');
      expect(bodies).to.deep.equal([{ Id: 31 }]);
    });

    it('warns in the dialog when SuperOffice says stopping can leave work half done', async () => {
      serve();
      const el = await mount();
      shadow(el).querySelectorAll<HTMLButtonElement>('[part~=stop]')[1].click();
      const dialog = shadow(el).querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'confirmation shown');
      expect(squash(dialog)).to.contain('can leave its work half done');
      dialog.querySelector<HTMLButtonElement>('button:not(.danger)')!.click();
    });

    it('says that the user may not stop jobs on a 403, fires so-write-error, and never retries', async () => {
      serve();
      const posts = countRequests('/Agents/Batch/StopBatchJob');
      worker.use(
        http.post('*/api/v1/Agents/Batch/StopBatchJob', () =>
          HttpResponse.json({ Error: true, ErrorType: 'Forbidden', ErrorMessage: 'No.' }, { status: 403 }),
        ),
      );
      const el = await mount();
      const events = recordEvents(el, 'so-write-error');
      shadow(el).querySelector<HTMLButtonElement>('[part~=stop]')!.click();
      const dialog = shadow(el).querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'confirmation shown');
      dialog.querySelector<HTMLButtonElement>('button.danger')!.click();
      await waitUntil(() => text(el).includes('You are not allowed to stop jobs.'), 'forbidden explained');
      expect(events.map((e) => e.detail)).to.deep.equal([
        { kind: 'forbidden', status: 403, message: events[0].detail.message, operation: 'stop-job' },
      ]);
      await delay(300);
      expect(posts.count).to.equal(1);
      posts.stop();
    });
  });

  describe('E8 → <so-user-licence-filter>', () => {
    const usersAnswer = {
      'odata.metadata': 'https://online.superoffice.com/Cust12345/api/v1/archive$metadata',
      'odata.count': '2143',
      'odata.nextLink': 'https://online.superoffice.com/Cust12345/api/v1/Archive/InternalUsers?$skip=4&$top=200',
      value: [
        { PrimaryKey: '17', EntityName: 'associate', associateDbId: '17', assocName: 'ANNA', fullName: 'Anna Berg', usergroup: 'Sales', role: 'User', userplan: 'Sales Premium', isActive: null, portraitThumbnail: '', superoffice_ten_sales: '1' },
        { PrimaryKey: '18', EntityName: 'associate', associateDbId: 18, assocName: 'OLE', fullName: 'Ole Hansen', usergroup: 'Support', role: 'User', userplan: '', isActive: 'False', portraitThumbnail: null, superoffice_ten_sales: '0' },
        { PrimaryKey: '19', EntityName: 'associate', associateDbId: '19', assocName: 'EVA', fullName: 'Eva Lind', usergroup: 'Sales', role: 'User', userplan: '', isActive: true, portraitThumbnail: '', 'superoffice_ten-sales': true },
        { PrimaryKey: 'X', EntityName: 'associate', associateDbId: 'JD', assocName: 'JD', fullName: 'John Doe' },
      ],
    };

    it('reads $jsonSafe licence columns, string keys and null isActive; counts the total and the unreadable row', async () => {
      const pages = countRequests('/Archive/InternalUsers');
      worker.use(
        http.get('*/api/v1/Archive/InternalUsers', async ({ request }) => {
          if (new URL(request.url).searchParams.get('$skip') !== '0') await delay('infinite');
          return HttpResponse.json(usersAnswer);
        }),
      );
      const el = await fixture<SoUserLicenceFilter>(html`<so-user-licence-filter></so-user-licence-filter>`);
      await waitUntil(() => shadow(el).querySelector('.body [role=row]'), 'rows shown', { timeout: 4000 });
      const q = new URL(pages.requests[0].url).searchParams;
      expect(q.get('$inlineCount')).to.equal('allpages');
      expect(q.get('$jsonSafe')).to.equal('true');
      // The server's total, not what is loaded so far (the grid is sized to it).
      expect(squash(part(el, 'count'))).to.equal('2,143 users');
      expect(squash(part(el, 'skipped'))).to.equal('1 user could not be read.');
      expect(shadow(el).querySelector('[role=grid]')!.getAttribute('aria-rowcount')).to.equal('2143');
      const rowTexts = [...shadow(el).querySelectorAll('.body > [role=row]')].map(squash);
      expect(rowTexts[0]).to.contain('Anna Berg').and.contain('Sales Premium');
      expect(rowTexts[0], 'isActive: null is not "inactive"').not.to.contain('Inactive');
      expect(rowTexts[1]).to.contain('Inactive');

      // A picked licence is asked of the server ($filter); this server ignores it, so the rows are checked here too.
      el.value = 'superoffice_ten-sales';
      const names = () => [...shadow(el).querySelectorAll('.body > [role=row] .name')].map(squash);
      await waitUntil(() => names().length === 2, 'the holders', { timeout: 4000 });
      expect(names()).to.deep.equal(['Anna Berg', 'Eva Lind']);
      expect(new URL(pages.requests.at(-1)!.url).searchParams.get('$filter')).to.equal('superoffice_ten-sales eq 1');

      const e9 = countRequests('/License/User/');
      shadow(el).querySelector<HTMLElement>('.body > [role=row]')!.click();
      await waitUntil(() => e9.count > 0, 'assignments asked for');
      expect(new URL(e9.requests[0].url).pathname).to.match(/\/License\/User\/17$/);
      pages.stop();
      e9.stop();
    });
  });
});
