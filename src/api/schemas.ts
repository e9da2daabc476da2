/**
 * valibot schemas of the contract's carriers (backend-contract.md). Strict on the fields the kit uses, tolerant of
 * extra fields (they are dropped) and of `null` in display texts. Dates become wall-clock strings or `null`.
 */
import * as v from 'valibot';

/**
 * A date as the kit keeps it: wall-clock fields `YYYY-MM-DDTHH:mm:ss` without offset, or — for a value that could
 * not be read — `!` followed by the value as sent (see `isUnreadableDate`). `null` means "no date".
 */
export type WallDate = string;

/**
 * Every ISO 8601 form SuperOffice emits: date only, minutes, seconds, a fraction of up to 7 digits
 * (`2016-09-01T03:24:52.0369874`), and an optional `Z` or offset (`+02:00`, `+0200`, `+02`).
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const wall = (y: number, mo: number, d: number, h: number, mi: number, s: number): WallDate =>
  `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
const daysIn = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

/** A value that is not a date the kit can read (not ISO, or an impossible day such as `2027-02-30`). */
export const isUnreadableDate = (date: WallDate | null | undefined): boolean => !!date && date.startsWith('!');
/** What the server sent for an unreadable date (at most 40 characters). */
export const unreadableValue = (date: WallDate): string => date.slice(1);

export interface DateReading {
  /** A value without offset is UTC (a field SuperOffice documents as UTC, e.g. system events' `registered`). */
  utc?: boolean;
}

/**
 * Reads a date strictly. The contract's "no date" rule: `null`, empty, or a year ≤ 1900 mean no date (`null`). A
 * value without offset is wall-clock time and kept as it is; a value with `Z` or an offset (and, with `utc`, one
 * without) names an instant and becomes the viewer's wall-clock time. Anything else — not ISO, month 13, 30 February,
 * 25 o'clock — is unreadable (`isUnreadableDate`), never "no date" and never rolled over into another day.
 */
export function toWallDate(value: string | null | undefined, { utc = false }: DateReading = {}): WallDate | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (!text) return null;
  const m = ISO.exec(text);
  if (!m) return `!${text.slice(0, 40)}`;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x)));
  if (y <= 1900) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return `!${text.slice(0, 40)}`;
  const zone = m[8]?.toUpperCase();
  if (!zone && !utc) return wall(y, mo, d, h, mi, s);
  let offset = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000);
  if (Number.isNaN(local.getTime())) return `!${text.slice(0, 40)}`;
  return wall(local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds());
}

const date = v.pipe(v.optional(v.nullable(v.string()), null), v.transform((s: string | null) => toWallDate(s)));
/** A display text that a server may leave out or send as null. */
const text = v.pipe(v.optional(v.nullable(v.string()), ''), v.transform((s) => s ?? ''));
const count = v.number();
const optionalCount = v.optional(v.number(), 0);
const flag = v.optional(v.boolean(), false);

export const LicenseTypeSchema = v.fallback(
  v.picklist(['Unknown', 'SiteLicense', 'SatelliteLicense', 'UserLicense']),
  'Unknown',
);

export const ModuleLicenseSchema = v.object({
  OwnerName: v.string(),
  ModuleName: v.string(),
  ModuleDescription: text,
  ModuleTooltip: text,
  ModuleVersion: text,
  LicenseType: LicenseTypeSchema,
  ExtraFlags: optionalCount,
  ExtraInfo: text,
  NumberOfLicenses: optionalCount,
  Unrestricted: flag,
  AllowedUserType: text,
  SortOrder: optionalCount,
  IsHidden: flag,
  PrerequisiteModuleName: text,
});
export type ModuleLicense = v.InferOutput<typeof ModuleLicenseSchema>;

export const LicenseInfoSchema = v.object({
  CompanyName: text,
  SerialNr: text,
  OwnerName: v.string(),
  OwnerDescription: text,
  ExpiryDate: date,
  GraceDate: date,
  AdminWarningDate: date,
  NextCheckDate: date,
  MaintenanceDate: date,
  ProductType: text,
  ProductDescription: text,
  LicenseVersion: text,
  DeploymentType: optionalCount,
});
export type LicenseInfo = v.InferOutput<typeof LicenseInfoSchema>;

export const ExtendedModuleLicenseSchema = v.object({
  Current: ModuleLicenseSchema,
  New: v.pipe(v.optional(v.nullable(ModuleLicenseSchema), null), v.transform((x) => x ?? null)),
  NumberOfLicensesInUse: count,
  NumberOfLicensesFree: count,
  NumberOfLicensesTotal: count,
  NumberOfLicensesAdded: optionalCount,
  NumberOfLicensesNewTotal: optionalCount,
  NumberOfLicensesNewFree: optionalCount,
});
export type ExtendedModuleLicense = v.InferOutput<typeof ExtendedModuleLicenseSchema>;

export const ExtendedLicenseInfoSchema = v.object({
  Current: LicenseInfoSchema,
  New: v.pipe(v.optional(v.nullable(LicenseInfoSchema), null), v.transform((x) => x ?? null)),
  CanBeActivated: flag,
  Reason: text,
  AccumulatedNextCheckDate: date,
  ExtendedModuleLicenses: v.array(ExtendedModuleLicenseSchema),
});
export type ExtendedLicenseInfo = v.InferOutput<typeof ExtendedLicenseInfoSchema>;

/** E1 */
export const LicensesSchema = v.array(ExtendedLicenseInfoSchema);

export const GrantedModuleLicenseSchema = v.object({
  OwnerName: v.string(),
  Name: v.string(),
  Description: text,
  LicenseType: LicenseTypeSchema,
  ExtraFlags: optionalCount,
  IsHidden: flag,
  ExpiryDate: date,
});

/** E3 */
export const PrincipalSchema = v.object({
  AssociateId: v.number(),
  Associate: text,
  FullName: text,
  EMailAddress: text,
  RoleName: text,
  RoleDescription: text,
  UserType: text,
  Licenses: v.pipe(v.optional(v.nullable(v.array(GrantedModuleLicenseSchema)), []), v.transform((x) => x ?? [])),
  DatabaseContextIdentifier: text,
});
export type Principal = v.InferOutput<typeof PrincipalSchema>;

/** E4 (PROPOSED) */
export const DatabaseInfoSchema = v.object({
  // Required: every field else is optional, so without these any JSON object would pass as database information.
  CompanyName: v.string(),
  SerialNr: v.string(),
  DatabaseType: text,
  DatabaseVariant: v.fallback(
    v.nullable(v.picklist(['Central', 'Satellite', 'Travel', 'Prototype', 'UpdatedPrototype'])),
    null,
  ),
  NextExpiryDate: date,
  NextCheckDate: date,
  CurrentUser: v.optional(v.nullable(v.object({ AssociateId: v.number(), Associate: text, FullName: text })), null),
  ContextIdentifier: text,
});
export type DatabaseInfo = v.InferOutput<typeof DatabaseInfoSchema>;

const MONTH = /^\d{4}-\d{2}$/;
const numberOrNull = v.pipe(v.optional(v.nullable(v.number()), null), v.transform((x) => x ?? null));

/** E5 (PROPOSED) */
export const MeteredServiceSchema = v.object({
  ServiceKey: v.string(),
  Description: text,
  Unit: v.fallback(v.picklist(['Bytes', 'Count']), 'Count'),
  Threshold: v.number(),
  ThresholdPerUser: numberOrNull,
  Months: v.array(
    v.object({
      Month: v.pipe(v.string(), v.regex(MONTH)),
      Used: v.number(),
      Threshold: v.number(),
      Exceeded: flag,
      InvoicedExcess: numberOrNull,
    }),
  ),
});
export type MeteredService = v.InferOutput<typeof MeteredServiceSchema>;

export const MeteredServicesReportSchema = v.object({
  FromMonth: v.pipe(v.string(), v.regex(MONTH)),
  ToMonth: v.pipe(v.string(), v.regex(MONTH)),
  NumberOfUsers: v.number(),
  Services: v.array(MeteredServiceSchema),
});
export type MeteredServicesReport = v.InferOutput<typeof MeteredServicesReportSchema>;

/* ---------------------------------------------------------------- archives (E6, E8) */

/**
 * `$jsonSafe=true`: SuperOffice replaces every character of a column name that is not JSON-safe with `_`
 * (`registered_associate_id/assocName` → `registered_associate_id_assocName`, `superoffice_ten-sales` →
 * `superoffice_ten_sales`). The kit treats letters, digits and `_` as safe.
 */
export const jsonSafeName = (column: string): string => column.replace(/[^A-Za-z0-9_]/g, '_');

/** A cell of an archive row by the column name the kit selected, in either spelling (`$jsonSafe` first). */
export function cellOf(row: Readonly<Record<string, unknown>>, column: string): unknown {
  const safe = jsonSafeName(column);
  return Object.hasOwn(row, safe) ? row[safe] : row[column];
}

/** An archive cell as text: strings and numbers as they are, anything else (null, objects) as `''`. */
export const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/**
 * An archive id: a non-negative safe integer, sent as a number, a string of digits (`"1"`, as real archives send
 * `PrimaryKey`) or an encoded integer (`"[I:17]"`). Anything else (initials, `"NaN"`, `-1`, `1.5`) is `undefined`,
 * so it can never reach a URL.
 */
export function archiveId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(?:\[I:(\d{1,16})\]|(\d{1,16}))\s*$/.exec(value);
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** An archive's truthy value: `true`, a non-zero number, or "1"/"true"/"yes"/"[I:1]" (any case). */
export function isTruthyCell(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return /^(1|true|yes|\[I:[1-9]\d*\])$/i.test(value.trim());
  return false;
}

/** A count that may come as a number or a string of digits (`odata.count` is a string in OData v3 answers). */
function archiveCount(value: unknown): number | null {
  const n = archiveId(value);
  return n === undefined ? null : n;
}

/** One page of an OData archive (E6, E8), rows read one by one. */
export interface ArchivePage<Row> {
  'odata.nextLink': string | null;
  /** The total number of rows (`odata.count`, with `$inlineCount=allpages`); `null` when the server left it out. */
  count: number | null;
  /** The rows that could be read. */
  value: Row[];
  /** Rows left out because they could not be read (no usable id). */
  skipped: number;
}

/**
 * The OData "slim" answer of an archive. Each row is read on its own by `read`: a row it cannot read (it answers
 * `undefined`) is skipped and counted, so one odd row never rejects a whole page.
 */
function archivePageSchema<Row>(read: (row: Readonly<Record<string, unknown>>) => Row | undefined) {
  return v.pipe(
    v.object({
      'odata.nextLink': v.optional(v.nullable(v.string()), null),
      'odata.count': v.optional(v.unknown()),
      value: v.array(v.unknown()),
    }),
    v.transform((answer): ArchivePage<Row> => {
      const value: Row[] = [];
      let skipped = 0;
      for (const raw of answer.value) {
        const row = raw && typeof raw === 'object' && !Array.isArray(raw) ? read(raw as Record<string, unknown>) : undefined;
        if (row === undefined) skipped++;
        else value.push(row);
      }
      return { 'odata.nextLink': answer['odata.nextLink'] || null, count: archiveCount(answer['odata.count']), value, skipped };
    }),
  );
}

/** E6: one system event, read from the archive row in either column spelling. */
export interface SystemEventRow {
  PrimaryKey: number;
  eventname: string;
  status: string;
  eventmess: string;
  /** Documented as UTC: shown in the viewer's time. */
  registered: WallDate | null;
  registered_associate_id_assocName: string;
  registered_associate_id_fullName: string;
  registered_associate_id_portraitThumbnail: string;
  /** Expected finish, wall-clock time. */
  eta: WallDate | null;
  type: string;
}

const dateCell = (value: unknown, reading?: DateReading) =>
  toWallDate(typeof value === 'string' ? value : value == null ? null : String(value), reading);

/** Reads one E6 row; `undefined` when its `PrimaryKey` is not a usable id. */
export function readSystemEvent(row: Readonly<Record<string, unknown>>): SystemEventRow | undefined {
  const id = archiveId(row.PrimaryKey);
  if (id === undefined) return undefined;
  const text = (column: string) => cellText(cellOf(row, column));
  return {
    PrimaryKey: id,
    eventname: text('eventname'),
    status: text('status'),
    eventmess: text('eventmess'),
    registered: dateCell(cellOf(row, 'registered'), { utc: true }),
    registered_associate_id_assocName: text('registered_associate_id/assocName'),
    registered_associate_id_fullName: text('registered_associate_id/fullName'),
    registered_associate_id_portraitThumbnail: text('registered_associate_id/portraitThumbnail'),
    eta: dateCell(cellOf(row, 'eta')),
    type: text('type'),
  };
}
export const SystemEventPageSchema = archivePageSchema(readSystemEvent);

/** E7: batch task states as SuperOffice spells them (`Aquired` sic). */
export const BATCH_TASK_STATES = ['Unknown', 'New', 'Aquired', 'Started', 'Succeeded', 'Failed', 'SucceededManualCleanup'] as const;
/** E7: whether a running task may be stopped (W10). */
export const CANCELLATION_BEHAVIOURS = ['CanCancel', 'CancelWithWarning', 'CannotCancel'] as const;

/** E7: one batch task. `State` and `CancellationBehaviour` are kept as sent (unknown values are shown as given). */
export const BatchTaskSchema = v.object({
  Id: v.number(),
  Name: text,
  Description: text,
  State: text,
  ProgressPercent: optionalCount,
  ProgressDescription: text,
  LastStarted: date,
  AssociateId: optionalCount,
  FileName: text,
  CancellationBehaviour: text,
});
export type BatchTask = v.InferOutput<typeof BatchTaskSchema>;
export const BatchTasksSchema = v.array(BatchTaskSchema);

/** E8: one user, read from the archive row; `cells` keeps the row as sent (licence columns: `holdsLicence`). */
export interface UserRow {
  /** The row's key (`PrimaryKey`, else the associate id). */
  PrimaryKey: number;
  /** The associate id, checked: what E9 puts into its path. */
  associateDbId: number;
  assocName: string;
  fullName: string;
  usergroup: string;
  role: string;
  userplan: string;
  /** `isActive` as sent (may be `null`); read with `isTruthyCell`, missing or `null` count as active. */
  isActive: unknown;
  portraitThumbnail: string;
  /** Every cell as sent. */
  cells: Readonly<Record<string, unknown>>;
}

/** Reads one E8 row; `undefined` when neither `associateDbId` nor `PrimaryKey` is a usable id. */
export function readUserRow(row: Readonly<Record<string, unknown>>): UserRow | undefined {
  const id = archiveId(cellOf(row, 'associateDbId')) ?? archiveId(row.PrimaryKey);
  if (id === undefined) return undefined;
  const text = (column: string) => cellText(cellOf(row, column));
  const active = cellOf(row, 'isActive');
  return {
    PrimaryKey: archiveId(row.PrimaryKey) ?? id,
    associateDbId: id,
    assocName: text('assocName'),
    fullName: text('fullName'),
    usergroup: text('usergroup'),
    role: text('role'),
    userplan: text('userplan'),
    isActive: active === null || active === undefined ? true : active,
    portraitThumbnail: text('portraitThumbnail'),
    cells: row,
  };
}
export const UserPageSchema = archivePageSchema(readUserRow);

/** Whether a user row holds the licence of archive column `column` (`{owner}_{module}`), in either spelling. */
export const holdsLicence = (row: UserRow, column: string): boolean => isTruthyCell(cellOf(row.cells, column));

/** E9 */
export const ModuleLicenseLinkSchema = v.object({
  ModuleLicenseId: v.number(),
  Name: v.string(),
  Description: text,
  Tooltip: text,
  Unrestricted: flag,
  Total: optionalCount,
  Free: optionalCount,
  InUse: optionalCount,
  Assigned: flag,
  CanAssign: flag,
  IsHidden: flag,
  SortOrder: optionalCount,
  ExtraFlags: optionalCount,
});
export type ModuleLicenseLink = v.InferOutput<typeof ModuleLicenseLinkSchema>;

export const LicenseOwnerSchema = v.object({
  Name: v.string(),
  Description: text,
  RestrictedModuleLicenses: v.pipe(v.optional(v.nullable(v.array(ModuleLicenseLinkSchema)), []), v.transform((x) => x ?? [])),
  UnrestrictedModuleLicenses: v.pipe(v.optional(v.nullable(v.array(ModuleLicenseLinkSchema)), []), v.transform((x) => x ?? [])),
});
export type LicenseOwner = v.InferOutput<typeof LicenseOwnerSchema>;
export const UserLicensesSchema = v.array(LicenseOwnerSchema);

/* ---------------------------------------------------------------- write side (W1–W10) */

/** W1: what the licence server says about an owner's licence. Unknown values read as `UnknownError`. */
export const LicenseStatusSchema = v.fallback(
  v.picklist([
    'Ok',
    'NewLicenseAvailable',
    'NewCompanyNameAvailable',
    'NewSerialAvailable',
    'UseCustomMessage',
    'UseCustomMessageAndUrl',
    'ProblemWithLicense',
    'UnknownError',
  ]),
  'UnknownError',
);
export type LicenseStatus = v.InferOutput<typeof LicenseStatusSchema>;

/** W1 */
export const CheckLicenseStatusResultSchema = v.object({
  LicenseStatus: LicenseStatusSchema,
  Message: text,
  Url: text,
});
export type CheckLicenseStatusResult = v.InferOutput<typeof CheckLicenseStatusResultSchema>;

/** W3, W4, W7: a business outcome; `Succeeded: false` is a failure whose `Reason` is shown as text. */
export const LicenseResultSchema = v.object({
  Succeeded: v.boolean(),
  Reason: text,
});
export type LicenseResult = v.InferOutput<typeof LicenseResultSchema>;

/** W6: the owner's web shop URL, a JSON string. */
export const ShopUrlSchema = v.string();

/** W8: a user with its licence owners (`GET`/`PATCH /User/{id}`); other fields are dropped. */
export const UserSchema = v.object({
  AssociateId: v.number(),
  Name: text,
  LicenseOwners: v.pipe(v.optional(v.nullable(v.array(LicenseOwnerSchema)), []), v.transform((x) => x ?? [])),
});
export type User = v.InferOutput<typeof UserSchema>;

/** W9: the user's links of that owner after the change. */
export const ModuleLicenseLinksSchema = v.array(ModuleLicenseLinkSchema);

/** W10 */
export const StopBatchJobSchema = v.boolean();
