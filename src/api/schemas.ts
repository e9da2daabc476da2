/**
 * valibot schemas of the contract's carriers (backend-contract.md). Strict on the fields the kit uses, tolerant of
 * extra fields (they are dropped) and of `null` in display texts. Dates become wall-clock strings or `null`.
 */
import * as v from 'valibot';

/** A date as the server wrote it, without offset: `YYYY-MM-DDTHH:mm:ss`. `null` means "no date". */
export type WallDate = string;

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** The contract's "no date" rule: `null`, empty, or a year ≤ 1900 mean no date. */
export function toWallDate(value: string | null | undefined): WallDate | null {
  if (!value) return null;
  const m = WALL.exec(value);
  if (!m || Number(m[1]) <= 1900) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
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

/** An archive cell: archives send strings, numbers or booleans; the kit reads them as text. */
const cell = v.pipe(
  v.optional(v.nullable(v.union([v.string(), v.number(), v.boolean()])), ''),
  v.transform((x) => (x === null || x === undefined ? '' : String(x))),
);
const cellDate = v.pipe(v.optional(v.nullable(v.union([v.string(), v.number()])), null), v.transform((x) => toWallDate(x == null ? null : String(x))));

/** The OData "slim" answer of an archive (E6, E8). */
function odata<TRow extends v.GenericSchema>(row: TRow) {
  return v.object({
    'odata.nextLink': v.pipe(v.optional(v.nullable(v.string()), null), v.transform((x) => x || null)),
    value: v.array(row),
  });
}

/** E6: one row of the system-event archive (with `$jsonSafe=true`). */
export const SystemEventRowSchema = v.object({
  PrimaryKey: v.number(),
  eventname: cell,
  status: cell,
  eventmess: cell,
  registered: cellDate,
  registered_associate_id_assocName: cell,
  registered_associate_id_fullName: cell,
  registered_associate_id_portraitThumbnail: cell,
  eta: cellDate,
  type: cell,
});
export type SystemEventRow = v.InferOutput<typeof SystemEventRowSchema>;
export const SystemEventPageSchema = odata(SystemEventRowSchema);

/** E7 */
export const BatchTaskSchema = v.object({
  Id: v.number(),
  Name: text,
  Description: text,
  State: text,
  ProgressPercent: optionalCount,
  ProgressDescription: text,
  LastStarted: date,
  AssociateId: optionalCount,
});
export type BatchTask = v.InferOutput<typeof BatchTaskSchema>;
export const BatchTasksSchema = v.array(BatchTaskSchema);

/** E8: one user row; licence columns `{owner}_{module}` are kept as they come (read them with `holdsLicence`). */
export const UserRowSchema = v.looseObject({
  PrimaryKey: v.number(),
  associateDbId: v.pipe(v.union([v.number(), v.string()]), v.transform(Number)),
  assocName: cell,
  fullName: cell,
  usergroup: cell,
  role: cell,
  userplan: cell,
  isActive: v.optional(v.union([v.boolean(), v.number(), v.string()]), true),
  portraitThumbnail: cell,
});
export type UserRow = v.InferOutput<typeof UserRowSchema>;
export const UserPageSchema = odata(UserRowSchema);

/** An archive's truthy value: `true`, a non-zero number, or "1"/"true"/"yes" (any case). */
export function isTruthyCell(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return /^(1|true|yes|\[I:[1-9]\d*\])$/i.test(value.trim());
  return false;
}

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
