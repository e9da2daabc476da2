/**
 * The licence update side of the mock backend (backend-contract.md W1–W7), stateful like `writes.ts`: an activation
 * (W4) makes E1's current licence the new one (totals, expiry date; E9's free seats follow), a serial change (W7)
 * changes E1's company name and serial number, and removing holders (W8, W9) changes the new licence's
 * `NumberOfLicensesNewFree` in W2 and E1.
 *
 * Scenarios: `pending` (the licence server has a new licence; it can be activated), `pending-blocked` (the new
 * licence has two Service Premium seats fewer than are in use: W3/W4 refuse until two holders lost it),
 * `auto-activated` (the server activated the new licence itself: E1 carries it, W1 says `Ok`), `licence-server-down`
 * (W1, W2 answer **502** `LicenseServerUnavailable`: the web server cannot reach the licence server),
 * `activation-rejected` (W4 answers `Succeeded: false` with a reason), `shop-not-https` (W6 answers an `http:` URL).
 * `read-only`, `forbidden` answer 403 to W3, W4, W7 (W1, W2, W5, W6 only read); `write-fails` 500; `slow-writes` waits.
 *
 * **Licence file format (W5, mock only).** The file's text is the JSON of an `ExtendedLicenseInfo` whose `New` is a
 * `LicenseInfo` with `OwnerName` and whose `ExtendedModuleLicenses[].New.NumberOfLicenses` give the new totals — e.g. a
 * W2 answer saved to a file. The mock recomputes in use / new free from its own state and answers it as W2 would.
 * Anything else (not JSON, no `New`, another owner) answers 400 `LicenseFileException`.
 *
 * The licence handed out by W2/W5 is "signed": W3/W4 accept only that licence, sent back unchanged (compared as
 * JSON); anything else answers `Succeeded: false` "The licence signature is not valid."
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { hasNewLicence, licenceColumn, licenseInfo, localeFrom, newLicenceInfo, shortOfSeats, type ExtendedLicenseInfo } from './data.js';
import type { Scenario } from './scenarios.js';
import { followScenario, licenceState, setLicenceState } from './state.js';
import { SLOW_WRITE_MS } from './writes.js';

type ErrorResponse = (status: number, type: string, message: string) => Response;

/** The shop of SuperOffice (W6) and of any other owner. */
export const SHOP_URL = 'https://shop.superoffice.com/licences';
/** What `shop-not-https` answers. */
export const UNSAFE_SHOP_URL = 'http://shop.example.com/licences';
/** W4's reason in `activation-rejected`. */
export const REJECTED_REASON = 'The licence was issued for another installation (serial number 2394857612).';
/** W1's message in `auto-activated`. */
export const AUTO_ACTIVATED_MESSAGE = 'A new licence was downloaded and activated automatically.';
/** W7: a serial number is ten digits. */
const SERIAL = /^\d{10}$/;

const result = (Succeeded: boolean, Reason = '') => HttpResponse.json({ Succeeded, Reason });

/** The W1–W7 handlers. `scenario` is asked on every request; `readFailure` answers a read scenario's failure. */
export function licenceWriteHandlers(
  scenario: () => Scenario,
  readFailure: (s: Scenario) => Promise<Response | undefined>,
  errorResponse: ErrorResponse,
): HttpHandler[] {
  const context = (request: Request) => {
    const s = scenario();
    followScenario(s);
    return { s, locale: localeFrom(request.headers.get('Accept-Language')), now: new Date() };
  };
  const serverDown = () =>
    errorResponse(502, 'LicenseServerUnavailable', 'Could not connect to the licence server (licenses.superoffice.com). Try again later.');
  const writeFailure = async (s: Scenario): Promise<Response | undefined> => {
    switch (s) {
      case 'read-only':
      case 'forbidden':
        return errorResponse(403, 'Forbidden', 'The current principal may not change the licence.');
      case 'write-fails':
      case 'server-error':
        return errorResponse(500, 'Exception', 'An unexpected error occurred while saving. Reference: 9d2f61a0.');
      case 'slow-writes':
        await delay(SLOW_WRITE_MS);
        return undefined;
      default:
        return undefined;
    }
  };
  const json = async (request: Request): Promise<Record<string, unknown> | undefined> => {
    try {
      const v: unknown = JSON.parse(await request.text());
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const ownerOf = (body: Record<string, unknown> | undefined) => String(body?.OwnerName ?? 'SUPEROFFICE').toUpperCase();
  /** Hands out `info` as the licence W3/W4 accept. */
  const issue = (info: ExtendedLicenseInfo) => {
    setLicenceState({ issued: JSON.stringify(info) });
    return HttpResponse.json(info);
  };
  /** The licence a W3/W4 body names, when it is the one handed out, unchanged. */
  const signed = (value: unknown): ExtendedLicenseInfo | undefined => {
    const issued = licenceState().issued;
    return issued && JSON.stringify(value) === issued ? (value as ExtendedLicenseInfo) : undefined;
  };
  /** Why `info` cannot be activated now (holders counted now), or undefined. */
  const blocker = (info: ExtendedLicenseInfo, s: Scenario, locale: ReturnType<typeof localeFrom>) => {
    if (!info.New) return 'There is no new licence to activate.';
    const now = licenseInfo(s, locale).find((o) => o.Current.OwnerName === info.New!.OwnerName);
    if (!now) return `There is no licence owner ${info.New.OwnerName}.`;
    const recounted: ExtendedLicenseInfo = {
      ...info,
      ExtendedModuleLicenses: info.ExtendedModuleLicenses.map((m) => {
        const inUse = now.ExtendedModuleLicenses.find((c) => c.Current.ModuleName === m.Current.ModuleName)?.NumberOfLicensesInUse ?? 0;
        return { ...m, NumberOfLicensesNewFree: m.Current.Unrestricted ? 0 : m.NumberOfLicensesNewTotal - inUse };
      }),
    };
    return shortOfSeats(recounted);
  };

  return [
    // W6, before the read handler of /License/:ownerName/:moduleName.
    http.get('*/api/v1/License/:ownerName/ShopUrl', async ({ request }) => {
      const { s } = context(request);
      const failure = await readFailure(s);
      if (failure) return failure;
      return HttpResponse.json(s === 'shop-not-https' ? UNSAFE_SHOP_URL : SHOP_URL);
    }),

    // W7
    http.post('*/api/v1/License/ChangeSerialNumber', async ({ request }) => {
      const { s } = context(request);
      const failure = await writeFailure(s);
      if (failure) return failure;
      const q = new URL(request.url).searchParams;
      const company = (q.get('newCompanyName') ?? '').trim();
      const serial = (q.get('newSerialNumber') ?? '').trim();
      if (!company || company.length > 100) return result(false, 'The company name must have 1 to 100 characters.');
      if (!SERIAL.test(serial)) return result(false, 'The serial number must be ten digits.');
      setLicenceState({ company: { CompanyName: company, SerialNr: serial } });
      return result(true);
    }),

    http.post('*/api/v1/Agents/License/:method', async ({ request, params }) => {
      const method = String(params.method);
      switch (method) {
        case 'GetLicenseStatusFromLicenseServer': {
          const { s } = context(request);
          const failure = await readFailure(s);
          if (failure) return failure;
          if (s === 'licence-server-down') return serverDown();
          const owner = ownerOf(await json(request));
          if (owner === 'SUPEROFFICE' && hasNewLicence(s)) return HttpResponse.json({ LicenseStatus: 'NewLicenseAvailable', Message: '', Url: '' });
          const message = s === 'auto-activated' && owner === 'SUPEROFFICE' ? AUTO_ACTIVATED_MESSAGE : '';
          return HttpResponse.json({ LicenseStatus: 'Ok', Message: message, Url: '' });
        }
        case 'GetLicenseFromLicenseServer': {
          const { s, locale, now } = context(request);
          const failure = await readFailure(s);
          if (failure) return failure;
          if (s === 'licence-server-down') return serverDown();
          const owner = ownerOf(await json(request));
          const current = licenseInfo(s, locale, now).find((o) => o.Current.OwnerName === owner);
          if (!current) return errorResponse(404, 'NotFound', `There is no licence owner ${owner}.`);
          if (owner !== 'SUPEROFFICE' || !hasNewLicence(s)) {
            return HttpResponse.json({ ...current, New: null, CanBeActivated: false, Reason: 'There is no new licence on the licence server.' });
          }
          return issue(newLicenceInfo(s, locale, now));
        }
        case 'GetLicenseFromFile': {
          const { s, locale, now } = context(request);
          const failure = await readFailure(s);
          if (failure) return failure;
          return fromFile((await json(request))?.FileContent, s, locale, now);
        }
        case 'ValidateLicenseInfo':
        case 'ActivateLicenseInfo': {
          const { s, locale } = context(request);
          const failure = await writeFailure(s);
          if (failure) return failure;
          const body = await json(request);
          const sent = body?.[method === 'ValidateLicenseInfo' ? 'LicenseInfo' : 'NewLicense'];
          const info = signed(sent);
          if (!info) return result(false, 'The licence signature is not valid.');
          const why = blocker(info, s, locale);
          if (why) return result(false, why);
          if (method === 'ValidateLicenseInfo') return result(true);
          if (s === 'activation-rejected') return result(false, REJECTED_REASON);
          const totals = new Map(
            info.ExtendedModuleLicenses.filter((m) => !m.Current.Unrestricted).map((m) => [
              licenceColumn(m.Current.OwnerName, m.Current.ModuleName),
              m.NumberOfLicensesNewTotal,
            ]),
          );
          const days = Math.round((Date.parse(info.New!.ExpiryDate) - Date.parse(info.Current.ExpiryDate)) / 86_400_000);
          setLicenceState({ activated: { owner: info.New!.OwnerName, totals, expiryDays: Number.isFinite(days) ? days : 0 }, issued: undefined });
          return result(true);
        }
        default:
          return undefined;
      }
    }),
  ];

  function fromFile(content: unknown, s: Scenario, locale: ReturnType<typeof localeFrom>, now: Date): Response {
    const notALicence = () => errorResponse(400, 'LicenseFileException', 'The file is not a SuperOffice licence file.');
    if (typeof content !== 'string' || !content.trim()) return notALicence();
    let file: Partial<ExtendedLicenseInfo>;
    try {
      file = JSON.parse(content) as Partial<ExtendedLicenseInfo>;
    } catch {
      return notALicence();
    }
    const owner = typeof file?.New?.OwnerName === 'string' ? file.New.OwnerName.toUpperCase() : '';
    if (!owner || !Array.isArray(file.ExtendedModuleLicenses)) return notALicence();
    const current = licenseInfo(s, locale, now).find((o) => o.Current.OwnerName === owner);
    if (!current) return errorResponse(400, 'LicenseFileException', `The licence file is for ${owner}, which this installation does not have.`);
    const totals = new Map<string, number>();
    for (const m of file.ExtendedModuleLicenses) {
      const n = m?.New?.NumberOfLicenses;
      if (typeof m?.Current?.ModuleName === 'string' && typeof n === 'number' && Number.isInteger(n) && n >= 0) totals.set(m.Current.ModuleName, n);
    }
    const modules = current.ExtendedModuleLicenses.map((m) => {
      const newTotal = m.Current.Unrestricted ? 0 : (totals.get(m.Current.ModuleName) ?? m.NumberOfLicensesTotal);
      return {
        ...m,
        New: { ...m.Current, NumberOfLicenses: newTotal },
        NumberOfLicensesAdded: newTotal - m.NumberOfLicensesTotal,
        NumberOfLicensesNewTotal: newTotal,
        NumberOfLicensesNewFree: m.Current.Unrestricted ? 0 : newTotal - m.NumberOfLicensesInUse,
      };
    });
    const expiry = typeof file.New?.ExpiryDate === 'string' ? file.New.ExpiryDate : current.Current.ExpiryDate;
    return issue({ ...current, New: { ...current.Current, ExpiryDate: expiry }, CanBeActivated: true, Reason: '', ExtendedModuleLicenses: modules });
  }
}
