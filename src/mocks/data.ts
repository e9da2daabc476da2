/**
 * Deterministic data of the mock backend, in SuperOffice's wire shapes (backend-contract.md, E1–E9).
 * A Norwegian tenant ("Nordlys Consulting AS") with the SuperOffice licence and one third-party add-on.
 * No Math.random: everything comes from a seeded PRNG, so stories, tests and screenshots stay stable.
 * Dates relative to "today" are computed from `now` (the request time) and written as wall-clock strings.
 */
import type { Scenario } from './scenarios.js';
import { licenceState, overriddenColumns, personStamp, stateScenario, stateVersion } from './state.js';

// ---------------------------------------------------------------------------------------------------------------
// Wire types (what the server sends, before the kit's schemas see it)

export type LicenseType = 'Unknown' | 'SiteLicense' | 'SatelliteLicense' | 'UserLicense';
export type UserType = 'InternalAssociate' | 'ExternalAssociate' | 'AnonymousAssociate' | 'SystemAssociate';

export type ModuleLicense = {
  OwnerName: string;
  ModuleName: string;
  ModuleDescription: string;
  ModuleTooltip: string;
  ModuleVersion: string;
  LicenseType: LicenseType;
  ExtraFlags: number;
  ExtraInfo: string;
  NumberOfLicenses: number;
  Unrestricted: boolean;
  AllowedUserType: string;
  SortOrder: number;
  IsHidden: boolean;
  PrerequisiteModuleName: string;
};

export type LicenseInfo = {
  CompanyName: string;
  SerialNr: string;
  OwnerName: string;
  OwnerDescription: string;
  ExpiryDate: string;
  GraceDate: string;
  AdminWarningDate: string;
  NextCheckDate: string;
  MaintenanceDate: string;
  ProductType: string;
  ProductDescription: string;
  LicenseVersion: string;
  DeploymentType: number;
};

export type ExtendedModuleLicense = {
  Current: ModuleLicense;
  New: ModuleLicense | null;
  NumberOfLicensesInUse: number;
  NumberOfLicensesFree: number;
  NumberOfLicensesTotal: number;
  NumberOfLicensesAdded: number;
  NumberOfLicensesNewTotal: number;
  NumberOfLicensesNewFree: number;
};

export type ExtendedLicenseInfo = {
  Current: LicenseInfo;
  New: LicenseInfo | null;
  CanBeActivated: boolean;
  Reason: string;
  AccumulatedNextCheckDate: string;
  ExtendedModuleLicenses: ExtendedModuleLicense[];
};

export type GrantedModuleLicense = {
  OwnerName: string;
  Name: string;
  Description: string;
  LicenseType: LicenseType;
  ExtraFlags: number;
  IsHidden: boolean;
  ExpiryDate: string;
};

export type SoPrincipal = {
  AssociateId: number;
  Associate: string;
  FullName: string;
  EMailAddress: string;
  RoleName: string;
  RoleDescription: string;
  UserType: UserType;
  Licenses: GrantedModuleLicense[];
  DatabaseContextIdentifier: string;
};

export type DatabaseInfo = {
  CompanyName: string;
  SerialNr: string;
  DatabaseType: string;
  DatabaseVariant: 'Central' | 'Satellite' | 'Travel' | 'Prototype' | 'UpdatedPrototype';
  NextExpiryDate: string | null;
  NextCheckDate: string | null;
  CurrentUser: { AssociateId: number; Associate: string; FullName: string };
  ContextIdentifier: string | null;
};

export type MeteredMonth = { Month: string; Used: number; Threshold: number; Exceeded: boolean; InvoicedExcess: number | null };
export type MeteredService = {
  ServiceKey: string;
  Description: string;
  Unit: 'Bytes' | 'Count';
  Threshold: number;
  ThresholdPerUser: number | null;
  Months: MeteredMonth[];
};
export type MeteredServicesReport = { FromMonth: string; ToMonth: string; NumberOfUsers: number; Services: MeteredService[] };

/** `BatchTaskState` as SuperOffice spells it (`Aquired` sic). */
export type BatchTaskState = 'Unknown' | 'New' | 'Aquired' | 'Started' | 'Succeeded' | 'Failed' | 'SucceededManualCleanup';
/** `BatchTaskCancellationBehaviour`. */
export type CancellationBehaviour = 'CanCancel' | 'CancelWithWarning' | 'CannotCancel';

export type BatchTaskInfo = {
  Id: number;
  Name: string;
  Description: string;
  State: BatchTaskState;
  ProgressPercent: number;
  ProgressDescription: string;
  /** With offset and a 7-digit fraction, as SuperOffice's REST reference shows it. */
  LastStarted: string;
  AssociateId: number;
  FileName: string;
  CancellationBehaviour: CancellationBehaviour;
};

export type ModuleLicenseLink = {
  ModuleLicenseId: number;
  Name: string;
  Description: string;
  Tooltip: string;
  Unrestricted: boolean;
  Total: number;
  Free: number;
  InUse: number;
  Assigned: boolean;
  CanAssign: boolean;
  IsHidden: boolean;
  SortOrder: number;
  ExtraFlags: number;
};
export type LicenseOwner = {
  Name: string;
  Description: string;
  RestrictedModuleLicenses: ModuleLicenseLink[];
  UnrestrictedModuleLicenses: ModuleLicenseLink[];
};

/** One archive row: `PrimaryKey`, `EntityName` and one key per column (column names as the archive names them). */
export type ArchiveValue = string | number | boolean | null;
export type ArchiveRow = { PrimaryKey: number; EntityName: string; [column: string]: ArchiveValue };
/** What the answer carries: `PrimaryKey` is a string in every real archive answer (`"PrimaryKey": "1"`). */
export type ArchiveAnswerRow = { PrimaryKey: string; EntityName: string; [column: string]: ArchiveValue };
/** A lazily generated archive: rows are made only when a page asks for them. `at(0)` is the first row in `order`. */
export type RowSource = {
  count: number;
  at: (index: number) => ArchiveRow;
  order?: { column: string; desc: boolean };
  /** Names the rows for as long as they stay the same (answers to a query are then reused); none when writes change them. */
  key?: string;
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers: dates, PRNG, locales

/** SuperOffice's "no date". */
export const NO_DATE = '0001-01-01T00:00:00';
const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `d` as a wall-clock ISO 8601 string without offset (local time), e.g. `2027-03-27T00:00:00`. */
export function wallDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Midnight, `days` days from `now` (local time). */
export function dayFrom(now: Date, days: number): Date {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  d.setDate(d.getDate() + days);
  return d;
}
const day = (now: Date, days: number) => wallDate(dayFrom(now, days));

/** `d` in the form of SuperOffice's REST reference: local time, a 7-digit fraction and the offset (`…52.0369874+02:00`). */
export function offsetDate(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wallDate(d)}.${String(d.getMilliseconds()).padStart(3, '0')}0000${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `d` as a UTC value without offset, the way SuperOffice sends fields it stores as UTC (system events' `registered`). */
export const utcDate = (d: Date): string => d.toISOString().slice(0, 19);

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export const locales = ['en', 'da', 'de', 'nl', 'nb', 'sv'] as const;
export type Locale = (typeof locales)[number];
const isLocale = (x: string): x is Locale => (locales as readonly string[]).includes(x);

/** The first supported language of an `Accept-Language` header (`no`/`nn` count as `nb`); `en` otherwise. */
export function localeFrom(acceptLanguage: string | null | undefined): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().split('-')[0];
    const lang = tag === 'no' || tag === 'nn' ? 'nb' : tag;
    if (isLocale(lang)) return lang;
  }
  return 'en';
}

/** A server text: the same in every language (product names), or one text per language. */
type Texts = string | Readonly<Record<Locale, string>>;
const tr = (texts: Texts, locale: Locale): string => (typeof texts === 'string' ? texts : texts[locale]);

// ---------------------------------------------------------------------------------------------------------------
// Licence catalogue (E1, E2)

export const CUSTOMER = {
  CompanyName: 'Nordlys Consulting AS',
  SerialNr: '2394857611',
  ContextIdentifier: 'Cust26759',
} as const;

type ModuleDef = {
  owner: string;
  name: string;
  type: LicenseType;
  /** NumberOfLicenses (0 when unrestricted). */
  total: number;
  sort: number;
  description: Texts;
  tooltip: string;
  /** A user plan: the licences it implies (ExtraInfo `set=…`). */
  implies?: readonly string[];
  hidden?: boolean;
  unrestricted?: boolean;
  userType?: UserType;
  prerequisite?: string;
};

const SO = 'SUPEROFFICE';
const ACME = 'ACMEADDON';
const SO_VERSION = '11.12';
const ACME_VERSION = '4.2';

const mod = (
  owner: string,
  name: string,
  type: LicenseType,
  total: number,
  sort: number,
  description: Texts,
  tooltip: string,
  more: Partial<ModuleDef> = {},
): ModuleDef => ({ owner, name, type, total, sort, description, tooltip, ...more });

const plan = (name: string, total: number, sort: number, description: string, tooltip: string, implies: string[]) =>
  mod(SO, name, 'UserLicense', total, sort, description, tooltip, { implies, userType: 'InternalAssociate' });

const CATALOGUE: readonly ModuleDef[] = [
  mod(SO, 'server', 'SiteLicense', 1, 10, 'SuperOffice Server', 'Required to use SuperOffice CRM.'),
  mod(SO, 'web', 'SiteLicense', 1, 20, 'SuperOffice Web', 'Gives access to SuperOffice CRM from a web browser.'),
  mod(
    SO,
    'mobile',
    'SiteLicense',
    1,
    30,
    {
      en: 'SuperOffice Mobile CRM',
      da: 'SuperOffice Mobil CRM',
      de: 'SuperOffice Mobile CRM',
      nl: 'SuperOffice Mobiele CRM',
      nb: 'SuperOffice Mobil CRM',
      sv: 'SuperOffice Mobil CRM',
    },
    'The SuperOffice Mobile CRM app for iOS and Android.',
    { prerequisite: 'web' },
  ),
  mod(
    SO,
    'netserver-read',
    'SiteLicense',
    1,
    40,
    {
      en: 'Web services (read only)',
      da: 'Webtjenester (kun læsning)',
      de: 'Webdienste (nur Lesen)',
      nl: 'Webservices (alleen lezen)',
      nb: 'Webtjenester (kun lesing)',
      sv: 'Webbtjänster (endast läsning)',
    },
    'Lets integrations read CRM data through the Web API.',
  ),
  mod(
    SO,
    'maildrop',
    'SiteLicense',
    1,
    50,
    {
      en: 'Email archiving by forwarding',
      da: 'Arkivering af e-mail ved videresendelse',
      de: 'E-Mail-Archivierung per Weiterleitung',
      nl: 'E-mail archiveren door doorsturen',
      nb: 'Arkivering av e-post ved videresending',
      sv: 'Arkivering av e-post genom vidarebefordran',
    },
    'Archive emails in SuperOffice by forwarding them to the mail drop address.',
  ),
  mod(SO, 'saint', 'SiteLicense', 1, 60, 'Sales Intelligence (SAINT)', 'Allows SAINT status monitors and counters.'),
  mod(
    SO,
    'satellite',
    'SatelliteLicense',
    2,
    70,
    {
      en: 'Satellite database',
      da: 'Satellitdatabase',
      de: 'Satellitendatenbank',
      nl: 'Satellietdatabase',
      nb: 'Satellittdatabase',
      sv: 'Satellitdatabas',
    },
    'Lets this central database synchronise with satellite databases.',
  ),
  mod(SO, 'sales-t1', 'SiteLicense', 1, 80, 'Sales Essentials marker', 'Marks that Sales Essentials is purchased.', {
    hidden: true,
  }),
  plan('ten-sales-essentials', 10, 100, 'Sales Essentials', 'Sales and opportunity management, forecasting and the sales secretary.', [
    'pocket-crm-cal',
    'sale-cal',
  ]),
  plan('ten-sales', 15, 110, 'Sales Premium', 'Everything in Sales Essentials, plus sales guides, stakeholders, targets and quotes.', [
    'pocket-crm-cal',
    'sale-cal',
    'stakeholder-cal',
  ]),
  plan('ten-service-essentials', 5, 120, 'Service Essentials', 'Request management with categories and automatic replies.', [
    'pocket-crm-cal',
  ]),
  plan('ten-service', 10, 130, 'Service Premium', 'Everything in Service Essentials, plus escalation, automatic assignment and the knowledge base.', [
    'pocket-crm-cal',
  ]),
  plan('ten-marketing-essentials', 5, 140, 'Marketing Essentials', 'Mailings, forms and consent management.', ['pocket-crm-cal']),
  plan('ten-marketing', 5, 150, 'Marketing Premium', 'Everything in Marketing Essentials, plus marketing automation flows.', [
    'pocket-crm-cal',
  ]),
  mod(
    SO,
    'crm-user',
    'UserLicense',
    50,
    200,
    { en: 'CRM user', da: 'CRM-bruger', de: 'CRM-Benutzer', nl: 'CRM-gebruiker', nb: 'CRM-bruker', sv: 'CRM-användare' },
    'Lets a person log in to SuperOffice CRM.',
    { userType: 'InternalAssociate' },
  ),
  mod(
    SO,
    'external-user',
    'UserLicense',
    0,
    210,
    {
      en: 'Customer Service external user',
      da: 'Ekstern bruger i Kundeservice',
      de: 'Externer Benutzer im Kundenservice',
      nl: 'Externe gebruiker Klantenservice',
      nb: 'Ekstern bruker i Kundeservice',
      sv: 'Extern användare i Kundtjänst',
    },
    'Lets customers and partners answer requests in Customer Service.',
    { userType: 'ExternalAssociate', unrestricted: true },
  ),
  mod(
    SO,
    'anonymous-user',
    'UserLicense',
    5,
    220,
    {
      en: 'Anonymous user',
      da: 'Anonym bruger',
      de: 'Anonymer Benutzer',
      nl: 'Anonieme gebruiker',
      nb: 'Anonym bruker',
      sv: 'Anonym användare',
    },
    'Used by forms, chat and the Customer Center for visitors who are not logged in.',
    { userType: 'AnonymousAssociate' },
  ),
  mod(SO, 'pocket-crm-cal', 'UserLicense', 48, 300, 'Mobile CRM user', 'Log in to Mobile CRM.', {
    hidden: true,
    userType: 'InternalAssociate',
  }),
  mod(SO, 'sale-cal', 'UserLicense', 25, 310, 'Sales user', 'Create and edit sales.', { hidden: true, userType: 'InternalAssociate' }),
  mod(SO, 'stakeholder-cal', 'UserLicense', 15, 320, 'Stakeholders', 'Add stakeholders to sales.', {
    hidden: true,
    userType: 'InternalAssociate',
  }),
  // The third-party add-on
  mod(
    ACME,
    'archive-server',
    'SiteLicense',
    1,
    10,
    {
      en: 'Archive server',
      da: 'Arkivserver',
      de: 'Archivserver',
      nl: 'Archiefserver',
      nb: 'Arkivserver',
      sv: 'Arkivserver',
    },
    'Stores signed documents in the Acme archive.',
  ),
  mod(
    ACME,
    'archive-user',
    'UserLicense',
    20,
    20,
    {
      en: 'Archive user',
      da: 'Arkivbruger',
      de: 'Archivbenutzer',
      nl: 'Archiefgebruiker',
      nb: 'Arkivbruker',
      sv: 'Arkivanvändare',
    },
    'Search and open archived documents from SuperOffice.',
    { userType: 'InternalAssociate', prerequisite: 'archive-server' },
  ),
  mod(
    ACME,
    'archive-ocr',
    'UserLicense',
    5,
    30,
    {
      en: 'OCR scanning',
      da: 'OCR-scanning',
      de: 'OCR-Texterkennung',
      nl: 'OCR-scannen',
      nb: 'OCR-skanning',
      sv: 'OCR-skanning',
    },
    'Makes scanned documents searchable.',
    { userType: 'InternalAssociate', prerequisite: 'archive-user' },
  ),
];

type DateField = 'ExpiryDate' | 'GraceDate' | 'AdminWarningDate' | 'NextCheckDate' | 'MaintenanceDate';
/** The owners, without their dates (those depend on the scenario and today). */
const OWNERS: Readonly<Record<string, { info: Omit<LicenseInfo, DateField>; version: string }>> = {
  [SO]: {
    version: SO_VERSION,
    info: {
      CompanyName: CUSTOMER.CompanyName,
      SerialNr: CUSTOMER.SerialNr,
      OwnerName: SO,
      OwnerDescription: 'SuperOffice',
      ProductType: 'Online',
      ProductDescription: 'SuperOffice CRM Online',
      LicenseVersion: SO_VERSION,
      DeploymentType: 1,
    },
  },
  [ACME]: {
    version: ACME_VERSION,
    info: {
      CompanyName: 'Acme Software AB',
      SerialNr: '7710023456',
      OwnerName: ACME,
      OwnerDescription: 'Acme Document Archive',
      ProductType: 'AddOn',
      ProductDescription: 'Acme Document Archive for SuperOffice',
      LicenseVersion: ACME_VERSION,
      DeploymentType: 1,
    },
  },
};

/** The E8 archive column of a licence: `{owner}_{module}` in lower case. */
export const licenceColumn = (owner: string, module: string) => `${owner}_${module}`.toLowerCase();
const columnOf = (def: ModuleDef) => licenceColumn(def.owner, def.name);
const defByName = new Map(CATALOGUE.map((d) => [`${d.owner}/${d.name}`.toLowerCase(), d]));
const findDef = (owner: string, name: string) => defByName.get(`${owner}/${name}`.toLowerCase());
const defByColumn = new Map(CATALOGUE.map((d) => [columnOf(d), d]));

function moduleLicense(def: ModuleDef, locale: Locale, scenario: Scenario = 'default'): ModuleLicense {
  return {
    OwnerName: def.owner,
    ModuleName: def.name,
    ModuleDescription: tr(def.description, locale),
    ModuleTooltip: def.tooltip,
    ModuleVersion: OWNERS[def.owner]?.version ?? '1.0',
    LicenseType: def.type,
    ExtraFlags: def.implies ? 1 : 0,
    ExtraInfo: def.implies ? `set=${def.implies.join(',')}` : '',
    NumberOfLicenses: def.unrestricted ? 0 : totalOf(def, scenario),
    Unrestricted: def.unrestricted ?? false,
    AllowedUserType: def.type === 'UserLicense' ? (def.userType ?? 'InternalAssociate') : '',
    SortOrder: def.sort,
    IsHidden: def.hidden ?? false,
    PrerequisiteModuleName: def.prerequisite ?? '',
  };
}

function extended(current: ModuleLicense, inUse: number): ExtendedModuleLicense {
  const total = current.Unrestricted ? 0 : current.NumberOfLicenses;
  const free = current.Unrestricted ? 0 : total - inUse;
  return {
    Current: current,
    New: null,
    NumberOfLicensesInUse: inUse,
    NumberOfLicensesFree: free,
    NumberOfLicensesTotal: total,
    NumberOfLicensesAdded: 0,
    NumberOfLicensesNewTotal: total,
    NumberOfLicensesNewFree: free,
  };
}

/** The SUPEROFFICE licence dates of a scenario. */
function soDates(scenario: Scenario, now: Date): Pick<LicenseInfo, 'ExpiryDate' | 'GraceDate' | 'AdminWarningDate' | 'MaintenanceDate'> {
  const expiry = scenario === 'expiring' ? 20 : scenario === 'expired' ? -3 : 365;
  return {
    ExpiryDate: day(now, expiry),
    GraceDate: day(now, expiry + 14),
    AdminWarningDate: day(now, expiry - 30),
    MaintenanceDate: day(now, expiry - 30),
  };
}

function ownerInfo(owner: string, scenario: Scenario, now: Date): LicenseInfo {
  const dated =
    owner === SO
      ? soDates(scenario, now)
      : { ExpiryDate: NO_DATE, GraceDate: NO_DATE, AdminWarningDate: NO_DATE, MaintenanceDate: NO_DATE };
  const info: LicenseInfo = { ...OWNERS[owner].info, ...dated, NextCheckDate: day(now, owner === SO ? 1 : 7) };
  const { company } = licenceState();
  if (owner === SO && company) Object.assign(info, company);
  const active = activation();
  const shift = active?.owner === owner ? active.expiryDays : 0;
  return shift ? { ...info, ExpiryDate: addDays(info.ExpiryDate, shift), GraceDate: addDays(info.GraceDate, shift) } : info;
}

// ---------------------------------------------------------------------------------------------------------------
// A new licence from the licence server (W1–W5, see licence-writes.ts)

/** Scenarios in which the licence server has a new SUPEROFFICE licence (until it is activated). */
export const PENDING_SCENARIOS: readonly Scenario[] = ['pending', 'pending-blocked', 'activation-rejected'];

/** What the new licence adds per module (negative: removes); `pending-blocked` adds a Service Premium cut (below). */
const NEW_LICENCE_ADDS: Readonly<Record<string, number>> = { 'ten-sales': 5, 'crm-user': 5, 'ten-marketing': 2 };
/** How far the new licence moves the expiry date on. */
const NEW_LICENCE_DAYS = 365;
/** `pending-blocked`: the module the new licence cuts to two below its holders in the seed data. */
export const BLOCKED_MODULE = 'ten-service';

/** How many people hold `column` in the seed data, before any write. */
export function seededHolderCount(column: string): number {
  let n = 0;
  for (const p of [...STAFF_PEOPLE, ...OTHER_PEOPLE]) if (seededColumns(p).has(column)) n++;
  return n;
}

/** NumberOfLicenses per SUPEROFFICE module (`owner_module`) in the new licence of `scenario`. */
export function newLicenceTotals(scenario: Scenario): Map<string, number> {
  const totals = new Map<string, number>();
  for (const d of CATALOGUE) {
    if (d.owner !== SO || d.unrestricted) continue;
    totals.set(columnOf(d), d.total + (NEW_LICENCE_ADDS[d.name] ?? 0));
  }
  if (scenario === 'pending-blocked') {
    const column = licenceColumn(SO, BLOCKED_MODULE);
    totals.set(column, seededHolderCount(column) - 2);
  }
  return totals;
}

/** The activation in force: a W4 since the last reset, or (`auto-activated`) the one the server did itself. */
function activation() {
  const { activated } = licenceState();
  if (activated) return activated;
  const scenario = stateScenario();
  return scenario === 'auto-activated' ? { owner: SO, totals: newLicenceTotals(scenario), expiryDays: NEW_LICENCE_DAYS } : undefined;
}

/** NumberOfLicenses of `def` now: the activated licence's, else the catalogue's. */
function totalOf(def: ModuleDef, scenario: Scenario = 'default'): number {
  return activation()?.totals.get(columnOf(def)) ?? (scenario === 'large' ? largeTotal(def) : def.total);
}

/**
 * `large`: a tenant of 10,000 users holds licences for them — the catalogue's total, or what its seed holders take
 * plus about a tenth (rounded up to tens), so E1's counts agree with the user archive and some seats are free.
 */
function largeTotal(def: ModuleDef): number {
  const seeded = largeSeedCounts().get(columnOf(def)) ?? 0;
  return Math.max(def.total, Math.ceil((seeded * 1.1) / 10) * 10);
}

let largeSeeds: Map<string, number> | undefined;
/** How many of `large`'s users hold each column in the seed data (before any write): computed once. */
function largeSeedCounts(): Map<string, number> {
  if (!largeSeeds) {
    largeSeeds = new Map();
    for (let i = 0; i < internalUserCount('large'); i++) {
      for (const c of withImplied(seededColumns(internalAt(i)))) largeSeeds.set(c, (largeSeeds.get(c) ?? 0) + 1);
    }
    for (const p of OTHER_PEOPLE) for (const c of withImplied(seededColumns(p))) largeSeeds.set(c, (largeSeeds.get(c) ?? 0) + 1);
  }
  return largeSeeds;
}

/** True while the licence server of `scenario` has a licence that was not activated yet. */
export const hasNewLicence = (scenario: Scenario) => PENDING_SCENARIOS.includes(scenario) && !licenceState().activated;

/**
 * The SUPEROFFICE owner with the new licence of `scenario` as W2 answers it (and E1 carries it while it waits):
 * `New` = the new licence, per module `NumberOfLicensesAdded / NewTotal / NewFree` against the holders now (so
 * removing holders raises NewFree). `CanBeActivated` says the licence itself fits this installation; activation is
 * still refused (W3, W4) while any restricted module has NewFree < 0.
 */
export function newLicenceInfo(scenario: Scenario, locale: Locale = 'en', now: Date = new Date(), base?: ExtendedLicenseInfo): ExtendedLicenseInfo {
  const owner = base ?? baseOwners(scenario, locale, now)[0];
  const totals = newLicenceTotals(scenario);
  const modules = owner.ExtendedModuleLicenses.map((m): ExtendedModuleLicense => {
    const newTotal = m.Current.Unrestricted ? 0 : (totals.get(licenceColumn(m.Current.OwnerName, m.Current.ModuleName)) ?? m.NumberOfLicensesTotal);
    return {
      ...m,
      New: { ...m.Current, NumberOfLicenses: newTotal },
      NumberOfLicensesAdded: newTotal - m.NumberOfLicensesTotal,
      NumberOfLicensesNewTotal: newTotal,
      NumberOfLicensesNewFree: m.Current.Unrestricted ? 0 : newTotal - m.NumberOfLicensesInUse,
    };
  });
  return {
    ...owner,
    New: {
      ...owner.Current,
      ExpiryDate: addDays(owner.Current.ExpiryDate, NEW_LICENCE_DAYS),
      GraceDate: addDays(owner.Current.GraceDate, NEW_LICENCE_DAYS),
    },
    CanBeActivated: true,
    Reason: '',
    ExtendedModuleLicenses: modules,
  };
}

/** The restricted modules of `info` whose new licence has fewer seats than holders, as SuperOffice's sentence. */
export function shortOfSeats(info: ExtendedLicenseInfo): string | undefined {
  const short = info.ExtendedModuleLicenses.filter((m) => !m.Current.Unrestricted && m.NumberOfLicensesNewFree < 0);
  if (!short.length) return undefined;
  return short
    .map((m) => `${m.Current.ModuleDescription}: ${-m.NumberOfLicensesNewFree} more in use than the new licence allows.`)
    .join(' ');
}

/**
 * E1: one entry per licence owner (SUPEROFFICE first, then the add-on). `[]` in the `empty` scenario.
 * `expiring`: expires in 20 days, the admin warning date has passed; `expired`: expired 3 days ago, grace for 11 more days.
 */
export function licenseInfo(scenario: Scenario = 'default', locale: Locale = 'en', now: Date = new Date()): ExtendedLicenseInfo[] {
  const owners = baseOwners(scenario, locale, now);
  return hasNewLicence(scenario) ? owners.map((o, i) => (i === 0 ? newLicenceInfo(scenario, locale, now, o) : o)) : owners;
}

/** E1 without a waiting licence. */
function baseOwners(scenario: Scenario, locale: Locale, now: Date): ExtendedLicenseInfo[] {
  if (scenario === 'empty') return [];
  const inUse = holderCounts(scenario);
  return Object.keys(OWNERS).map((owner) => {
    const Current = ownerInfo(owner, scenario, now);
    return {
      Current,
      New: null,
      CanBeActivated: false,
      Reason: '',
      AccumulatedNextCheckDate: Current.NextCheckDate,
      ExtendedModuleLicenses: CATALOGUE.filter((d) => d.owner === owner).map((d) =>
        extended(moduleLicense(d, locale, scenario), inUse.get(columnOf(d)) ?? 0),
      ),
    };
  });
}

/** E2: one module licence, or undefined. Owner and module names are matched case-insensitively. */
export function moduleLicenseOf(owner: string, module: string, scenario: Scenario = 'default', locale: Locale = 'en'): ModuleLicense | undefined {
  const def = scenario === 'empty' ? undefined : findDef(owner, module);
  return def && moduleLicense(def, locale, scenario);
}

const addDays = (wall: string, days: number) => (wall.startsWith('0001') ? wall : wallDate(new Date(new Date(wall).getTime() + days * DAY)));

/** Pending-licence changes applied by `withPendingLicence`: module → licences added (negative: removed). */
const PENDING_CHANGES: Readonly<Record<string, number>> = { 'ten-sales': 5, 'crm-user': 5, 'ten-marketing': 2, 'ten-service': -2 };

/**
 * Adds a pending licence (`New`, `CanBeActivated: true`) to the first owner of `list`: a renewal one year on, more
 * Sales Premium, CRM user and Marketing Premium licences, and fewer Service Premium licences than are in use, so that
 * one module's `NumberOfLicensesNewFree` is negative.
 */
export function withPendingLicence(list: ExtendedLicenseInfo[]): ExtendedLicenseInfo[] {
  return list.map((owner, i) => {
    if (i > 0) return owner;
    return {
      ...owner,
      New: { ...owner.Current, ExpiryDate: addDays(owner.Current.ExpiryDate, 365), GraceDate: addDays(owner.Current.GraceDate, 365) },
      CanBeActivated: true,
      Reason: '',
      ExtendedModuleLicenses: owner.ExtendedModuleLicenses.map((m) => {
        const added = m.Current.Unrestricted ? 0 : (PENDING_CHANGES[m.Current.ModuleName] ?? 0);
        const newTotal = m.NumberOfLicensesTotal + added;
        return {
          ...m,
          New: { ...m.Current, NumberOfLicenses: m.Current.Unrestricted ? 0 : newTotal },
          NumberOfLicensesAdded: added,
          NumberOfLicensesNewTotal: newTotal,
          NumberOfLicensesNewFree: m.Current.Unrestricted ? 0 : newTotal - m.NumberOfLicensesInUse,
        };
      }),
    };
  });
}

const VENDORS: readonly (readonly [owner: string, product: string, company: string])[] = [
  ['NORDSIGN', 'Nordic e-Signatures', 'Signatur Norge AS'],
  ['FJORDTEL', 'Fjord Telephony', 'Fjord Telecom AS'],
  ['POLARQUOTE', 'Polar Quote Designer', 'Polar Software Oy'],
  ['ERPLINK', 'ERP Link', 'Integrasjonshuset AS'],
  ['SURVEYPRO', 'Survey Pro', 'Enquête Software BV'],
  ['MAPVIEW', 'Map View', 'Kartlab AB'],
  ['DOCGEN', 'DocGen Templates', 'Dokumenta ApS'],
  ['SMSGW', 'SMS Gateway', 'Tekstmelding AS'],
];

/** `base` plus `n` more third-party owners, each with a server licence and one or two user licences. */
export function manyOwners(n: number, base: ExtendedLicenseInfo[] = licenseInfo()): ExtendedLicenseInfo[] {
  const now = new Date();
  const extra = Array.from({ length: n }, (_, i): ExtendedLicenseInfo => {
    const r = prng(1000 + i);
    const [code, product, company] = VENDORS[i % VENDORS.length];
    const suffix = i < VENDORS.length ? '' : String(Math.floor(i / VENDORS.length) + 1);
    const owner = code + suffix;
    const Current: LicenseInfo = {
      CompanyName: company,
      SerialNr: String(5_000_000_000 + Math.floor(r() * 999_999_999)),
      OwnerName: owner,
      OwnerDescription: suffix ? `${product} ${suffix}` : product,
      ExpiryDate: i % 3 === 0 ? day(now, 90 + i * 30) : NO_DATE,
      GraceDate: NO_DATE,
      AdminWarningDate: NO_DATE,
      NextCheckDate: day(now, 7),
      MaintenanceDate: NO_DATE,
      ProductType: 'AddOn',
      ProductDescription: `${product} for SuperOffice`,
      LicenseVersion: '1.0',
      DeploymentType: 1,
    };
    const defs = [
      mod(owner, 'server', 'SiteLicense', 1, 10, `${product} server`, `Required to use ${product}.`),
      mod(owner, 'user', 'UserLicense', 5 + Math.floor(r() * 20), 20, `${product} user`, `Use ${product} in SuperOffice.`),
      ...(r() < 0.5 ? [mod(owner, 'admin', 'UserLicense', 2, 30, `${product} administrator`, `Configure ${product}.`)] : []),
    ];
    return {
      Current,
      New: null,
      CanBeActivated: false,
      Reason: '',
      AccumulatedNextCheckDate: Current.NextCheckDate,
      ExtendedModuleLicenses: defs.map((d) => {
        const m = moduleLicense(d, 'en');
        return extended(m, d.type === 'UserLicense' ? Math.floor(r() * (m.NumberOfLicenses + 1)) : 0);
      }),
    };
  });
  return [...base, ...extra];
}

// ---------------------------------------------------------------------------------------------------------------
// Users (E3, E8, E9)

export type Person = {
  id: number;
  assocName: string;
  fullName: string;
  group: string;
  role: string;
  plan: string | null;
  active: boolean;
  portrait: string;
  userType: UserType;
};

/** A tiny round SVG portrait with initials, as a data: URL. */
function svgPortrait(fullName: string, hue: number): string {
  const initials = fullName
    .split(' ')
    .map((w) => w[0])
    .join('')
    .slice(0, 2);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">` +
    `<circle cx="16" cy="16" r="16" fill="hsl(${hue} 45% 42%)"/>` +
    `<text x="16" y="21" font-family="sans-serif" font-size="13" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** The one deliberately hostile portrait URL (scenario `xss` only): a component must never put it into `src`. */
export const MALICIOUS_PORTRAIT = 'javascript:alert(1)';

/** The user whose portrait URL is hostile in the `xss` scenario. */
export const HOSTILE_PORTRAIT_USER = 9;

function portraitOf(id: number, fullName: string): string {
  if (id === HOSTILE_PORTRAIT_USER) return '';
  if (id === 12) return '../blobby/portrait/12.png';
  return id % 3 === 1 ? svgPortrait(fullName, (id * 47) % 360) : '';
}

// [user id, full name, group, role, plan]; ids are 1…40 in this order. The last two have left (inactive, no plan).
const STAFF: readonly (readonly [string, string, string, string, string | null])[] = [
  ['INGRID', 'Ingrid Solberg', 'Management', 'Administrator', 'ten-sales'],
  ['JOHAN', 'Johan Lindqvist', 'Management', 'Administrator', 'ten-sales'],
  ['KARIN', 'Karin Holm', 'Management', 'Manager', 'ten-sales'],
  ['ERIK', 'Erik Dahl', 'Management', 'Manager', 'ten-service'],
  ['ANDERS', 'Anders Berg', 'Sales', 'Sales rep', 'ten-sales'],
  ['SIGRID', 'Sigrid Nilsen', 'Sales', 'Sales rep', 'ten-sales'],
  ['MAGNUS', 'Magnus Eriksson', 'Sales', 'Sales rep', 'ten-sales'],
  ['LINNEA', 'Linnéa Johansson', 'Sales', 'Sales rep', 'ten-sales'],
  ['HENRIK', 'Henrik Madsen', 'Sales', 'Sales rep', 'ten-sales'],
  ['METTE', 'Mette Kristensen', 'Sales', 'Sales rep', 'ten-sales'],
  ['OLAV', 'Olav Haugen', 'Sales', 'Sales rep', 'ten-sales'],
  ['ASTRID', 'Astrid Bakke', 'Sales', 'Sales rep', 'ten-sales'],
  ['NILS', 'Nils Sandberg', 'Sales', 'Sales rep', 'ten-sales'],
  ['FREJA', 'Freja Lund', 'Sales', 'Sales rep', 'ten-sales'],
  ['LARS', 'Lars Pedersen', 'Sales', 'Sales rep', 'ten-sales'],
  ['EMMA', 'Emma Andersson', 'Sales', 'Sales rep', 'ten-sales'],
  ['OSKAR', 'Oskar Hansen', 'Sales', 'User', 'ten-sales-essentials'],
  ['MAJA', 'Maja Svensson', 'Sales', 'User', 'ten-sales-essentials'],
  ['TOBIAS', 'Tobias Rasmussen', 'Sales', 'User', 'ten-sales-essentials'],
  ['HILDE', 'Hilde Moen', 'Sales', 'User', 'ten-sales-essentials'],
  ['JONAS', 'Jonas Strand', 'Sales', 'User', 'ten-sales-essentials'],
  ['ELIN', 'Elin Nyberg', 'Sales', 'User', 'ten-sales-essentials'],
  ['BJORN', 'Bjørn Aas', 'Support', 'Support agent', 'ten-service'],
  ['SOLVEIG', 'Solveig Lie', 'Support', 'Support agent', 'ten-service'],
  ['PER', 'Per Gustafsson', 'Support', 'Support agent', 'ten-service'],
  ['TUVA', 'Tuva Berglund', 'Support', 'Support agent', 'ten-service'],
  ['MIKKEL', 'Mikkel Poulsen', 'Support', 'Support agent', 'ten-service'],
  ['RAGNHILD', 'Ragnhild Vik', 'Support', 'Support agent', 'ten-service'],
  ['STINA', 'Stina Lindgren', 'Support', 'Support agent', 'ten-service'],
  ['KNUT', 'Knut Aasen', 'Support', 'Support agent', 'ten-service'],
  ['IDA', 'Ida Thomsen', 'Support', 'User', 'ten-service-essentials'],
  ['AKSEL', 'Aksel Brekke', 'Support', 'User', 'ten-service-essentials'],
  ['SARA', 'Sara Wikström', 'Support', 'User', 'ten-service-essentials'],
  ['LIV', 'Liv Halvorsen', 'Marketing', 'Marketing coordinator', 'ten-marketing'],
  ['MATS', 'Mats Ekström', 'Marketing', 'Marketing coordinator', 'ten-marketing'],
  ['NORA', 'Nora Jensen', 'Marketing', 'Marketing coordinator', 'ten-marketing'],
  ['VILDE', 'Vilde Sæther', 'Marketing', 'User', 'ten-marketing-essentials'],
  ['EMIL', 'Emil Fredriksen', 'Marketing', 'User', 'ten-marketing-essentials'],
  ['GUNNAR', 'Gunnar Iversen', 'Sales', 'User', null],
  ['ASLAUG', 'Aslaug Rønning', 'Support', 'User', null],
];

const STAFF_PEOPLE: readonly Person[] = STAFF.map(([assocName, fullName, group, role, planName], i) => ({
  id: i + 1,
  assocName,
  fullName,
  group,
  role,
  plan: planName,
  active: planName !== null,
  portrait: portraitOf(i + 1, fullName),
  userType: 'InternalAssociate',
}));

// System, anonymous and external users: the Other users tab. Ids follow the staff.
const OTHERS: readonly (readonly [string, string, string, string, UserType])[] = [
  ['SYSTEM', 'SuperOffice System', 'System', 'System', 'SystemAssociate'],
  ['CRMSCRIPT', 'CRMScript runner', 'System', 'System', 'SystemAssociate'],
  ['ERPSYNC', 'ERP Sync connector', 'System', 'Integration', 'SystemAssociate'],
  ['WEBFORMS', 'Web forms', 'Customers', 'Anonymous', 'AnonymousAssociate'],
  ['CHATBOT', 'Chat bot', 'Customers', 'Anonymous', 'AnonymousAssociate'],
  ['PORTAL', 'Customer Center visitor', 'Customers', 'Anonymous', 'AnonymousAssociate'],
  ['HAAKONV', 'Håkon Vestby', 'Partners', 'External user', 'ExternalAssociate'],
  ['MARITA', 'Marit Aune', 'Partners', 'External user', 'ExternalAssociate'],
  ['JENSK', 'Jens Krogh', 'Customers', 'External user', 'ExternalAssociate'],
  ['ULRIKAB', 'Ulrika Bergström', 'Customers', 'External user', 'ExternalAssociate'],
  ['PIETERV', 'Pieter de Vries', 'Partners', 'External user', 'ExternalAssociate'],
];

const OTHER_PEOPLE: readonly Person[] = OTHERS.map(([assocName, fullName, group, role, userType], i) => ({
  id: STAFF.length + 1 + i,
  assocName,
  fullName,
  group,
  role,
  plan: null,
  active: true,
  portrait: userType === 'ExternalAssociate' && i % 2 === 0 ? svgPortrait(fullName, 200 + i * 20) : '',
  userType,
}));

/** The signed-in user (E3, E4). */
export const CURRENT_USER = STAFF_PEOPLE[0];
/** The associate shown as the author of system-wide events. */
const SYSTEM_USER = OTHER_PEOPLE[0];

const OCR_USERS = new Set([23, 24, 25, 31]);

/** The licence columns (`owner_module`) a person was given by the seed data, before any write. */
function seededColumns(p: Person): Set<string> {
  const held = new Set<string>();
  if (!p.active) return held;
  const add = (owner: string, name: string) => held.add(licenceColumn(owner, name));
  if (p.userType === 'ExternalAssociate') add(SO, 'external-user');
  if (p.userType === 'AnonymousAssociate') add(SO, 'anonymous-user');
  if (p.userType !== 'InternalAssociate') return held;
  add(SO, 'crm-user');
  if (p.plan) add(SO, p.plan);
  if (p.group === 'Management' || p.group === 'Support') add(ACME, 'archive-user');
  if (OCR_USERS.has(p.id)) add(ACME, 'archive-ocr');
  return held;
}

/**
 * The licence columns (`owner_module`) a person holds now: the seed, changed by the writes since the last reset
 * (`state.ts`), plus the hidden licences their plan implies.
 */
export function heldColumns(p: Person): Set<string> {
  const held = seededColumns(p);
  for (const [column, on] of overriddenColumns(p.id)) {
    if (on) held.add(column);
    else held.delete(column);
  }
  return withImplied(held);
}

/** `held` with the hidden licences its plans imply. */
function withImplied(held: Set<string>): Set<string> {
  for (const column of [...held]) {
    const def = defByColumn.get(column);
    for (const implied of def?.implies ?? []) held.add(licenceColumn(def!.owner, implied));
  }
  return held;
}

const counts = new Map<boolean, { version: number; map: Map<string, number> }>();
/**
 * How many users of `scenario` hold each licence column (feeds E1's NumberOfLicensesInUse, E9's InUse/Free and the
 * seat check of the writes); `large` counts its 10,000 users. Counted again after a write.
 */
export function holderCounts(scenario: Scenario = 'default'): Map<string, number> {
  const large = scenario === 'large';
  let entry = counts.get(large);
  if (entry?.version !== stateVersion()) {
    const map = new Map<string, number>();
    const count = (p: Person) => {
      for (const c of heldColumns(p)) map.set(c, (map.get(c) ?? 0) + 1);
    };
    if (large) for (let i = 0; i < internalUserCount('large'); i++) count(internalAt(i));
    else STAFF_PEOPLE.forEach(count);
    OTHER_PEOPLE.forEach(count);
    entry = { version: stateVersion(), map };
    counts.set(large, entry);
  }
  return entry.map;
}

/** What the server checks before it assigns a user licence (see `writes.ts`). */
export interface LicenceRule {
  ownerName: string;
  moduleName: string;
  column: string;
  total: number;
  unrestricted: boolean;
  /** A user plan (`ExtraFlags == 1`). */
  plan: boolean;
  hidden: boolean;
  userType: UserType;
  /** The archive column of a prerequisite user licence (site licences are owned by the tenant: always met). */
  prerequisite?: string;
}

/** The rule of a user licence, or undefined when `owner/module` is not a user licence. */
export function licenceRule(owner: string, module: string, scenario: Scenario = 'default'): LicenceRule | undefined {
  const def = findDef(owner, module);
  if (!def || def.type !== 'UserLicense') return undefined;
  const pre = def.prerequisite ? findDef(def.owner, def.prerequisite) : undefined;
  return {
    ownerName: def.owner,
    moduleName: def.name,
    column: columnOf(def),
    total: def.unrestricted ? 0 : totalOf(def, scenario),
    unrestricted: def.unrestricted ?? false,
    plan: !!def.implies,
    hidden: def.hidden ?? false,
    userType: def.userType ?? 'InternalAssociate',
    prerequisite: pre?.type === 'UserLicense' ? columnOf(pre) : undefined,
  };
}

/** The names of the user licences of `owner` (what a W9 body may name). */
export const userLicenceNames = (owner: string): string[] =>
  CATALOGUE.filter((d) => d.owner.toLowerCase() === owner.toLowerCase() && d.type === 'UserLicense').map((d) => d.name);

/** The description of a licence column, in English (server messages). */
export const describeColumn = (column: string): string => {
  const def = defByColumn.get(column);
  return def ? tr(def.description, 'en') : column;
};

const FIRST = ['Anna', 'Bjørn', 'Camilla', 'Dag', 'Eva', 'Fredrik', 'Gry', 'Hans', 'Ida', 'Jakob', 'Kristin', 'Leif', 'Marte', 'Nils', 'Ole', 'Pia', 'Rune', 'Siri', 'Trond', 'Ulla', 'Vegard', 'Åse', 'Øystein', 'Mikael', 'Helena', 'Rasmus', 'Lotte', 'Sven', 'Tove', 'Jesper'];
const LAST = ['Andersen', 'Bakken', 'Christensen', 'Dahl', 'Eriksen', 'Fosse', 'Gundersen', 'Hagen', 'Isaksen', 'Jacobsen', 'Karlsson', 'Larsen', 'Mikkelsen', 'Nordby', 'Olsen', 'Persson', 'Rasmussen', 'Strøm', 'Thorsen', 'Ulvestad', 'Vik', 'Wahl', 'Ødegaard', 'Åberg', 'Lindholm', 'Sjöberg', 'Nielsen', 'Holm', 'Berg', 'Lund'];
const GROUPS: readonly (readonly [group: string, role: string, plans: readonly string[]])[] = [
  ['Sales', 'Sales rep', ['ten-sales', 'ten-sales', 'ten-sales-essentials']],
  ['Support', 'Support agent', ['ten-service', 'ten-service', 'ten-service-essentials']],
  ['Marketing', 'Marketing coordinator', ['ten-marketing', 'ten-marketing-essentials']],
  ['Management', 'Manager', ['ten-sales', 'ten-service']],
];
const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[æÆ]/g, 'AE').replace(/[øØ]/g, 'O');
const LARGE_ID_BASE = 100;

/** Generated staff for the `large` scenario (ids from 100): cheap, random access by index. */
function generatedPerson(index: number): Person {
  const r = prng(77_000 + index);
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const [group, role, plans] = pick(r, GROUPS);
  const id = LARGE_ID_BASE + index;
  const active = r() > 0.08;
  const fullName = `${first} ${last}`;
  return {
    id,
    assocName: `${ascii(first).slice(0, 5)}${ascii(last).slice(0, 2)}${id}`.toUpperCase(),
    fullName,
    group,
    role,
    plan: active ? pick(r, plans) : null,
    active,
    portrait: id % 5 === 0 ? svgPortrait(fullName, id % 360) : '',
    userType: 'InternalAssociate',
  };
}

/** The internal users of a scenario: 40 (10,000 in `large`, none in `empty`). */
export const internalUserCount = (scenario: Scenario) => (scenario === 'empty' ? 0 : scenario === 'large' ? 10_000 : STAFF_PEOPLE.length);
/** The associate id of internal user `i` (the generated staff of `large` follow the 40). */
const internalId = (i: number) => STAFF_PEOPLE[i]?.id ?? LARGE_ID_BASE + i - STAFF_PEOPLE.length;
const internalAt = (i: number) => STAFF_PEOPLE[i] ?? generatedPerson(i - STAFF_PEOPLE.length);

/** A user by associate id in `scenario` (the generated staff of `large` included). */
export function findPerson(id: number, scenario: Scenario): Person | undefined {
  if (id >= LARGE_ID_BASE) {
    const index = id - LARGE_ID_BASE;
    return index < internalUserCount(scenario) - STAFF_PEOPLE.length ? generatedPerson(index) : undefined;
  }
  return [...STAFF_PEOPLE, ...OTHER_PEOPLE].find((p) => p.id === id);
}

/** The description of the plan a person holds now (after writes), or ''. */
const planDescription = (held: ReadonlySet<string>) => {
  const def = [...held].map((c) => defByColumn.get(c)).find((d) => d?.implies);
  return def ? tr(def.description, 'en') : '';
};

/**
 * Every user row built so far, by associate id, with the `personStamp` it was built at. A row is the same in every
 * scenario and language (`hostile` applies `xss` on top), and changes only when a write changes that person: so it is
 * built once, and again after a write to that person. Building the 10,000 rows of `large` anew for every sorted or
 * filtered query took about 0.3 s a request.
 */
const rowCache = new Map<number, { stamp: number; row: ArchiveRow }>();

/** The row of associate `id` (`person` makes the person when the row must be built). */
function cachedRow(id: number, person: () => Person): ArchiveRow {
  const stamp = personStamp(id);
  const hit = rowCache.get(id);
  if (hit?.stamp === stamp) return hit.row;
  const row = userRow(person());
  rowCache.set(id, { stamp, row });
  return row;
}

function userRow(p: Person): ArchiveRow {
  const held = heldColumns(p);
  const row: ArchiveRow = {
    PrimaryKey: p.id,
    EntityName: 'associate',
    associateDbId: p.id,
    assocName: p.assocName,
    fullName: p.fullName,
    usergroup: p.group,
    role: p.role,
    userplan: planDescription(held),
    isActive: p.active,
    portraitThumbnail: p.portrait,
  };
  for (const def of CATALOGUE) row[columnOf(def)] = held.has(columnOf(def));
  return row;
}

/** E8 Associates: the internal users. */
export function internalUsers(scenario: Scenario = 'default'): RowSource {
  return {
    count: internalUserCount(scenario),
    at: (i) => hostile(scenario, cachedRow(internalId(i), () => internalAt(i))),
    // A write changes rows: answers to a query are reused only until the next one.
    key: `InternalUsers|${scenario}|${stateVersion()}`,
  };
}

/** Scenario `xss`: the hostile portrait URL on its user's row (the default scenario has no hostile data). */
function hostile(scenario: Scenario, row: ArchiveRow): ArchiveRow {
  return scenario === 'xss' && row.PrimaryKey === HOSTILE_PORTRAIT_USER ? { ...row, portraitThumbnail: MALICIOUS_PORTRAIT } : row;
}

/** E8 Other users: system, anonymous and external users. */
export function otherUsers(scenario: Scenario = 'default'): RowSource {
  return {
    count: scenario === 'empty' ? 0 : OTHER_PEOPLE.length,
    at: (i) => cachedRow(OTHER_PEOPLE[i].id, () => OTHER_PEOPLE[i]),
    key: `OtherUsers|${scenario}|${stateVersion()}`,
  };
}

/** E9: one user's licences per owner, or undefined for an unknown user. */
export function userLicenses(associateId: number, scenario: Scenario = 'default', locale: Locale = 'en'): LicenseOwner[] | undefined {
  if (scenario === 'empty') return [];
  const p = findPerson(associateId, scenario);
  if (!p) return undefined;
  const held = heldColumns(p);
  const inUse = holderCounts(scenario);
  return Object.keys(OWNERS).map((owner) => {
    const links = CATALOGUE.filter((d) => d.owner === owner && d.type === 'UserLicense').map((d): ModuleLicenseLink => {
      const m = moduleLicense(d, locale, scenario);
      const e = extended(m, inUse.get(columnOf(d)) ?? 0);
      const assigned = held.has(columnOf(d));
      return {
        ModuleLicenseId: CATALOGUE.indexOf(d) + 1,
        Name: m.ModuleName,
        Description: m.ModuleDescription,
        Tooltip: m.ModuleTooltip,
        Unrestricted: m.Unrestricted,
        Total: e.NumberOfLicensesTotal,
        Free: e.NumberOfLicensesFree,
        InUse: e.NumberOfLicensesInUse,
        Assigned: assigned,
        CanAssign: !m.IsHidden && m.AllowedUserType === p.userType && (assigned || m.Unrestricted || e.NumberOfLicensesFree > 0),
        IsHidden: m.IsHidden,
        SortOrder: m.SortOrder,
        ExtraFlags: m.ExtraFlags,
      };
    });
    return {
      Name: owner,
      Description: OWNERS[owner].info.OwnerDescription,
      RestrictedModuleLicenses: links.filter((l) => !l.Unrestricted),
      UnrestrictedModuleLicenses: links.filter((l) => l.Unrestricted),
    };
  });
}

/** E3: the signed-in user with the licences granted to them (site licences plus their own user licences). */
export function currentPrincipal(scenario: Scenario = 'default', locale: Locale = 'en', now: Date = new Date()): SoPrincipal {
  const p = CURRENT_USER;
  const held = heldColumns(p);
  const granted = scenario === 'empty' ? [] : CATALOGUE.filter((d) => d.type !== 'UserLicense' || held.has(columnOf(d)));
  return {
    AssociateId: p.id,
    Associate: p.assocName,
    FullName: p.fullName,
    EMailAddress: 'ingrid.solberg@nordlys-consulting.no',
    RoleName: p.role,
    RoleDescription: tr(
      {
        en: 'Full access to settings, users and licences',
        da: 'Fuld adgang til indstillinger, brugere og licenser',
        de: 'Vollzugriff auf Einstellungen, Benutzer und Lizenzen',
        nl: 'Volledige toegang tot instellingen, gebruikers en licenties',
        nb: 'Full tilgang til innstillinger, brukere og lisenser',
        sv: 'Full åtkomst till inställningar, användare och licenser',
      },
      locale,
    ),
    UserType: p.userType,
    Licenses: granted.map((d) => {
      const m = moduleLicense(d, locale);
      return {
        OwnerName: m.OwnerName,
        Name: m.ModuleName,
        Description: m.ModuleDescription,
        LicenseType: m.LicenseType,
        ExtraFlags: m.ExtraFlags,
        IsHidden: m.IsHidden,
        ExpiryDate: ownerInfo(d.owner, scenario, now).ExpiryDate,
      };
    }),
    DatabaseContextIdentifier: CUSTOMER.ContextIdentifier,
  };
}

/** E4 (PROPOSED): the database, its owner and the signed-in user. */
export function databaseInfo(scenario: Scenario = 'default', now: Date = new Date()): DatabaseInfo {
  const expiries = licenseInfo(scenario, 'en', now)
    .map((o) => o.Current.ExpiryDate)
    .filter((d) => !d.startsWith('0001'))
    .sort();
  return {
    CompanyName: CUSTOMER.CompanyName,
    SerialNr: CUSTOMER.SerialNr,
    DatabaseType: 'SQL Server',
    DatabaseVariant: 'Central',
    NextExpiryDate: expiries[0] ?? null,
    NextCheckDate: day(now, 1),
    CurrentUser: { AssociateId: CURRENT_USER.id, Associate: CURRENT_USER.assocName, FullName: CURRENT_USER.fullName },
    ContextIdentifier: CUSTOMER.ContextIdentifier,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Metered services (E5)

type ServiceDef = {
  key: string;
  description: Texts;
  unit: 'Bytes' | 'Count';
  perUser: number | null;
  /** The fixed threshold of a service without a per-user threshold. */
  threshold?: number;
  /** Typical use this month, and how much lower it was a year ago (0.3 = 30 % lower). */
  typical: number;
  growth: number;
  noise: number;
};

const GB = 1024 ** 3;
const SERVICES: readonly ServiceDef[] = [
  {
    key: 'StorageSpace',
    unit: 'Bytes',
    perUser: 2 * GB,
    typical: 61 * GB,
    growth: 0.35,
    noise: 0.02,
    description: { en: 'Storage space', da: 'Lagerplads', de: 'Speicherplatz', nl: 'Opslagruimte', nb: 'Lagringsplass', sv: 'Lagringsutrymme' },
  },
  {
    key: 'MailingEmailsSent',
    unit: 'Count',
    perUser: 2500,
    typical: 68_000,
    growth: 0.2,
    noise: 0.35,
    description: {
      en: 'Emails sent via Mailings',
      da: 'E-mails sendt via Udsendelser',
      de: 'Über Mailings gesendete E-Mails',
      nl: 'E-mails verzonden via Mailings',
      nb: 'E-post sendt via Utsendelser',
      sv: 'E-post skickad via Utskick',
    },
  },
  {
    key: 'CustomerCenterLogins',
    unit: 'Count',
    perUser: 250,
    typical: 4800,
    growth: 0.3,
    noise: 0.2,
    description: {
      en: 'Customer Center logins',
      da: 'Logon på Kundecenter',
      de: 'Anmeldungen beim Kundenzentrum',
      nl: 'Aanmeldingen bij het Klantencentrum',
      nb: 'Pålogginger i Kundesenter',
      sv: 'Inloggningar i Kundcenter',
    },
  },
  {
    key: 'ChatSessionsStarted',
    unit: 'Count',
    perUser: 50,
    typical: 1100,
    growth: 0.4,
    noise: 0.25,
    description: {
      en: 'Chat sessions started',
      da: 'Indledte chatsessioner',
      de: 'Gestartete Chat-Sitzungen',
      nl: 'Gestarte chatsessies',
      nb: 'Startede chatsesjoner',
      sv: 'Startade chattsessioner',
    },
  },
  {
    key: 'FormSubmissions',
    unit: 'Count',
    perUser: 100,
    typical: 1900,
    growth: 0.25,
    noise: 0.3,
    description: {
      en: 'Form submissions',
      da: 'Formularindsendelser',
      de: 'Formularübermittlungen',
      nl: 'Formulierverzendingen',
      nb: 'Skjemainnsendinger',
      sv: 'Formulärinlämningar',
    },
  },
  // A service the kit does not know yet: the UI must show it by its Description.
  {
    key: 'SmsSent',
    unit: 'Count',
    perUser: null,
    threshold: 500,
    typical: 310,
    growth: 0.5,
    noise: 0.3,
    description: { en: 'SMS sent', da: 'Sendte sms’er', de: 'Gesendete SMS', nl: 'Verzonden sms’jes', nb: 'Sendte SMS-er', sv: 'Skickade sms' },
  },
];

/** The service that is over its threshold this month (and was four months ago): months ago → use / threshold. */
const EXCEEDED_THIS_MONTH = 'MailingEmailsSent';
const EXCESS: Readonly<Record<number, number>> = { 0: 1.12, 4: 1.05 };
const ACTIVE_USERS = STAFF_PEOPLE.filter((p) => p.active).length;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` → months since year 0, or undefined when malformed. */
export function monthIndex(month: string): number | undefined {
  const m = MONTH.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}
const monthName = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;

/**
 * E5 (PROPOSED): monthly use from `from` to `to` (both `YYYY-MM`, inclusive; default: the last twelve months). Months
 * after the current one have no data and are left out. `Services` is empty in the `empty` scenario.
 */
export function meteredServices(from?: string, to?: string, scenario: Scenario = 'default', locale: Locale = 'en', now: Date = new Date()): MeteredServicesReport {
  const thisMonth = now.getFullYear() * 12 + now.getMonth();
  const first = (from === undefined ? undefined : monthIndex(from)) ?? thisMonth - 11;
  const requestedLast = (to === undefined ? undefined : monthIndex(to)) ?? thisMonth;
  const last = Math.min(requestedLast, thisMonth);
  const usersIn = (ago: number) => Math.max(30, ACTIVE_USERS - Math.floor(ago / 2));
  const start = Math.max(first, last - 119); // ten years at most
  const months = Array.from({ length: Math.max(0, last - start + 1) }, (_, i) => start + i);
  const services = SERVICES.map((s, k): MeteredService => {
    const thresholdFor = (users: number) => (s.perUser === null ? (s.threshold ?? 0) : s.perUser * users);
    return {
      ServiceKey: s.key,
      Description: tr(s.description, locale),
      Unit: s.unit,
      Threshold: thresholdFor(ACTIVE_USERS),
      ThresholdPerUser: s.perUser,
      Months: months.map((month): MeteredMonth => {
        const ago = thisMonth - month;
        const threshold = thresholdFor(usersIn(ago));
        const r = prng(month * 31 + k);
        const trend = Math.max(0.2, 1 - (s.growth * ago) / 12);
        const spike = s.key === EXCEEDED_THIS_MONTH ? EXCESS[ago] : undefined;
        const used = spike
          ? Math.round(threshold * spike)
          : Math.min(Math.round(s.typical * trend * (1 + (r() - 0.5) * s.noise)), Math.round(threshold * 0.95));
        const exceeded = used > threshold;
        return { Month: monthName(month), Used: used, Threshold: threshold, Exceeded: exceeded, InvoicedExcess: exceeded ? used - threshold : null };
      }),
    };
  });
  return {
    FromMonth: monthName(first),
    ToMonth: monthName(requestedLast),
    NumberOfUsers: scenario === 'empty' ? 0 : ACTIVE_USERS,
    Services: scenario === 'empty' ? [] : services,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// System events (E6) and batch tasks (E7)

type EventKind = {
  name: string;
  type: 'System-wide' | 'Database' | 'Group' | 'User';
  byUser: boolean;
  minutes: number;
  failed?: boolean;
  messages: readonly string[];
};

const EVENT_KINDS: readonly EventKind[] = [
  {
    name: 'Licence updated',
    type: 'System-wide',
    byUser: false,
    minutes: 1,
    messages: [
      'The licence was updated from the licence server: 5 Sales Premium licences were added.',
      'The licence was renewed for another year. No action is needed.',
    ],
  },
  {
    name: 'Freetext index rebuilt',
    type: 'Database',
    byUser: false,
    minutes: 95,
    messages: ['The freetext search index was rebuilt for companies, contacts, sales and requests.', 'The freetext index was optimised. Search results may have changed order.'],
  },
  {
    name: 'Import finished',
    type: 'User',
    byUser: true,
    minutes: 14,
    messages: ['Import of "Trade fair leads.xlsx" finished: 412 companies and 977 contacts created, 3 rows skipped.', 'Import of "Newsletter subscribers.csv" finished: 1,284 contacts updated.'],
  },
  {
    name: 'Maintenance window',
    type: 'System-wide',
    byUser: false,
    minutes: 30,
    messages: ['Scheduled maintenance: SuperOffice CRM Online was unavailable for up to 30 minutes while the servers were updated.'],
  },
  {
    name: 'Database upgraded',
    type: 'Database',
    byUser: false,
    minutes: 20,
    messages: ['The database was upgraded to SuperOffice CRM 11.12. See the release notes for what is new.'],
  },
  {
    name: 'SAINT counters recalculated',
    type: 'Database',
    byUser: false,
    minutes: 48,
    messages: ['Sales Intelligence counters were recalculated for 30,412 companies and 52,877 contacts.'],
  },
  {
    name: 'Mailing sent',
    type: 'Group',
    byUser: true,
    minutes: 35,
    messages: ['The mailing "Autumn newsletter" was sent to 2,340 recipients.', 'The mailing "Webinar invitation: CRM for service teams" was sent to 1,120 recipients.'],
  },
  {
    name: 'User group changed',
    type: 'Group',
    byUser: true,
    minutes: 1,
    messages: ['The user group Support now has 12 members.', 'The user group Sales was given access to the Quotes dashboard.'],
  },
  {
    name: 'Password policy changed',
    type: 'System-wide',
    byUser: true,
    minutes: 1,
    messages: ['Passwords must now be at least 12 characters long. Users are asked to change their password at the next login.'],
  },
  {
    name: 'Export failed',
    type: 'User',
    byUser: true,
    minutes: 3,
    failed: true,
    messages: ['Export of the selection "Key accounts" failed: the file would be larger than 50 MB.'],
  },
  {
    name: 'ERP sync completed',
    type: 'Database',
    byUser: false,
    minutes: 6,
    messages: ['ERP Sync updated 86 companies and 12 contacts from the ERP system.'],
  },
  {
    name: 'Duplicate check finished',
    type: 'Database',
    byUser: false,
    minutes: 25,
    messages: ['The duplicate check found 14 possible duplicate companies. Review them under Duplicates.'],
  },
];

/** The message that must be shown as text, never as markup (scenario `xss`; the default scenario says it plainly). */
export const HTML_EVENT_MESSAGE =
  '<b>Heads up</b> <img src=x onerror=alert(1)> Planned maintenance from 22:00 to 23:00: SuperOffice CRM Online will be unavailable for up to 30 minutes.';

export const systemEventCount = (scenario: Scenario) => (scenario === 'empty' ? 0 : scenario === 'large' ? 10_000 : 30);

/**
 * E6: system events, newest first (`registered desc`). Event `i` is generated on demand from `i` alone, so a page of
 * the 10,000 events of `large` costs only its own rows. Times are relative to the start of the current hour, so that
 * pages fetched a few seconds apart agree.
 */
export function systemEvents(scenario: Scenario = 'default', now: Date = new Date()): RowSource {
  const count = systemEventCount(scenario);
  const anchor = new Date(now);
  anchor.setMinutes(0, 0, 0);
  // 30 events spread over about five months, 10,000 over about two years
  const spacing = ((count > 100 ? 730 : 150) * DAY) / Math.max(count, 1);
  const activeStaff = STAFF_PEOPLE.filter((p) => p.active);
  const at = (i: number): ArchiveRow => {
    const r = prng(4242 + i);
    const registered = new Date(anchor.getTime() - (i + 0.1 + r() * 0.8) * spacing);
    let kind = pick(r, EVENT_KINDS);
    let by = kind.byUser ? pick(r, activeStaff) : SYSTEM_USER;
    let message = pick(r, kind.messages);
    let status = kind.failed ? 'Failed' : r() < 0.05 ? 'Cancelled' : 'Finished';
    let eta = new Date(registered.getTime() + kind.minutes * 60_000);
    if (i === 1) {
      // A maintenance window announced by the administrator, with markup in its message.
      kind = EVENT_KINDS[3];
      by = CURRENT_USER;
      message = scenario === 'xss' ? HTML_EVENT_MESSAGE : HTML_EVENT_MESSAGE.replace(/<[^>]*>\s*/g, '').replace(/^Heads up\s*/, 'Heads up: ');
      status = 'Scheduled';
      eta = dayFrom(now, 3);
      eta.setHours(22);
    } else if (i === 2) {
      // An import by the user whose portrait URL is hostile (in the xss scenario).
      kind = EVENT_KINDS[2];
      by = STAFF_PEOPLE[8];
      message = kind.messages[0];
    }
    return {
      PrimaryKey: count - i,
      EntityName: 'systemevent',
      eventname: kind.name,
      status,
      eventmess: message,
      registered: utcDate(registered),
      'registered_associate_id/assocName': by.assocName,
      'registered_associate_id/fullName': by.fullName,
      'registered_associate_id/portraitThumbnail':
        scenario === 'xss' && by.id === HOSTILE_PORTRAIT_USER ? MALICIOUS_PORTRAIT : by.portrait,
      eta: wallDate(eta),
      type: kind.type,
    };
  };
  return { count, at, order: { column: 'registered', desc: true }, key: `SystemEvent|${scenario}|${anchor.getTime()}` };
}

/**
 * E7: the running batch tasks — an import that can be stopped, a SAINT recalculation that warns when stopped, and a
 * freetext indexing that waits for an agent (`Aquired`) and cannot be stopped; none in `empty`. Like the server, the
 * texts come in the request's language with that language's number format ("1.845 von 4.100"); `LastStarted` with
 * offset and a 7-digit fraction, as SuperOffice's REST reference shows it.
 */
export function batchTasks(scenario: Scenario = 'default', now: Date = new Date(), locale: Locale = 'en'): BatchTaskInfo[] {
  if (scenario === 'empty') return [];
  const ago = (minutes: number) => offsetDate(new Date(now.getTime() - minutes * 60_000));
  const n = (value: number) => new Intl.NumberFormat(locale).format(value);
  const of = (done: number, all: number): Readonly<Record<Locale, string>> => ({
    en: `${n(done)} of ${n(all)}`,
    da: `${n(done)} af ${n(all)}`,
    de: `${n(done)} von ${n(all)}`,
    nl: `${n(done)} van ${n(all)}`,
    nb: `${n(done)} av ${n(all)}`,
    sv: `${n(done)} av ${n(all)}`,
  });
  const rows = of(1845, 4100)[locale];
  const companies = of(24330, 30412)[locale];
  return [
    {
      Id: 4711,
      Name: tr({ en: 'Import', da: 'Import', de: 'Import', nl: 'Import', nb: 'Import', sv: 'Import' }, locale),
      Description: tr(
        {
          en: 'Import of "Trade fair leads 2026.xlsx"',
          da: 'Import af "Trade fair leads 2026.xlsx"',
          de: 'Import von "Trade fair leads 2026.xlsx"',
          nl: 'Import van "Trade fair leads 2026.xlsx"',
          nb: 'Import av "Trade fair leads 2026.xlsx"',
          sv: 'Import av "Trade fair leads 2026.xlsx"',
        },
        locale,
      ),
      State: 'Started',
      ProgressPercent: 45,
      ProgressDescription: tr(
        {
          en: `Importing row ${rows}`,
          da: `Importerer række ${rows}`,
          de: `Zeile ${rows} wird importiert`,
          nl: `Rij ${rows} wordt geïmporteerd`,
          nb: `Importerer rad ${rows}`,
          sv: `Importerar rad ${rows}`,
        },
        locale,
      ),
      LastStarted: ago(12),
      AssociateId: 17,
      FileName: 'Trade fair leads 2026.xlsx',
      CancellationBehaviour: 'CanCancel',
    },
    {
      Id: 4712,
      Name: tr(
        {
          en: 'SAINT recalculation',
          da: 'Genberegning af SAINT',
          de: 'SAINT-Neuberechnung',
          nl: 'SAINT-herberekening',
          nb: 'Omberegning av SAINT',
          sv: 'Omräkning av SAINT',
        },
        locale,
      ),
      Description: tr(
        {
          en: 'Recalculating Sales Intelligence counters for companies and contacts',
          da: 'Genberegner Sales Intelligence-tællere for firmaer og kontaktpersoner',
          de: 'Sales-Intelligence-Zähler für Firmen und Personen werden neu berechnet',
          nl: 'Sales Intelligence-tellers voor bedrijven en contactpersonen worden herberekend',
          nb: 'Beregner Sales Intelligence-tellere for firmaer og kontaktpersoner på nytt',
          sv: 'Räknar om Sales Intelligence-räknare för företag och kontakter',
        },
        locale,
      ),
      State: 'Started',
      ProgressPercent: 80,
      ProgressDescription: tr(
        {
          en: `Processed ${companies} companies`,
          da: `${companies} firmaer behandlet`,
          de: `${companies} Firmen verarbeitet`,
          nl: `${companies} bedrijven verwerkt`,
          nb: `${companies} firmaer behandlet`,
          sv: `${companies} företag bearbetade`,
        },
        locale,
      ),
      LastStarted: ago(41),
      AssociateId: 0,
      FileName: '',
      CancellationBehaviour: 'CancelWithWarning',
    },
    {
      Id: 4713,
      Name: tr(
        {
          en: 'Freetext indexing',
          da: 'Fritekstindeksering',
          de: 'Volltextindizierung',
          nl: 'Vrije-tekstindexering',
          nb: 'Fritekstindeksering',
          sv: 'Fritextindexering',
        },
        locale,
      ),
      Description: tr(
        {
          en: 'Rebuilding the freetext search index',
          da: 'Genopbygger fritekstindekset',
          de: 'Der Volltextindex wird neu aufgebaut',
          nl: 'De index voor vrije tekst wordt opnieuw opgebouwd',
          nb: 'Bygger fritekstindeksen på nytt',
          sv: 'Bygger om fritextindexet',
        },
        locale,
      ),
      State: 'Aquired',
      ProgressPercent: 0,
      ProgressDescription: tr(
        {
          en: 'Waiting for a batch agent',
          da: 'Venter på en batchagent',
          de: 'Wartet auf einen Batch-Agenten',
          nl: 'Wacht op een batchagent',
          nb: 'Venter på en batchagent',
          sv: 'Väntar på en batchagent',
        },
        locale,
      ),
      LastStarted: ago(3),
      AssociateId: 0,
      FileName: '',
      CancellationBehaviour: 'CannotCancel',
    },
  ];
}
