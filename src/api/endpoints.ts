/** One typed function per contract endpoint (E1–E9). Only this module knows the paths. */
import { request } from './client.js';
import type { ResolvedConfig } from './config.js';
import {
  BatchTasksSchema,
  DatabaseInfoSchema,
  LicensesSchema,
  MeteredServicesReportSchema,
  ModuleLicenseSchema,
  PrincipalSchema,
  SystemEventPageSchema,
  UserLicensesSchema,
  UserPageSchema,
} from './schemas.js';

/** What every endpoint call takes besides its own arguments. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Bypass the shared answer. */
  fresh?: boolean;
}

/** A page of an OData archive. */
export interface Page {
  top: number;
  skip: number;
}

const seg = encodeURIComponent;

/** E1: every licence owner with its module licences and usage. */
export const getLicenses = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/License', { ...o, schema: LicensesSchema });

/** E2: one module licence in detail. */
export const getModuleLicense = (config: ResolvedConfig, ownerName: string, moduleName: string, o: CallOptions = {}) =>
  request(config, `/License/${seg(ownerName)}/${seg(moduleName)}`, { ...o, schema: ModuleLicenseSchema });

/** E3: the signed-in user. */
export const getCurrentPrincipal = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/User/currentPrincipal', { ...o, schema: PrincipalSchema });

/** E4 (PROPOSED; 404 where the backend does not offer it). */
export const getDatabaseInfo = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/SystemInfo/Database', { ...o, schema: DatabaseInfoSchema });

/** E5 (PROPOSED): monthly use of metered services, months as `YYYY-MM`. */
export const getMeteredServices = (config: ResolvedConfig, from: string, to: string, o: CallOptions = {}) =>
  request(config, '/MeteredServices', { ...o, query: { from, to }, schema: MeteredServicesReportSchema });

/** The archive columns E6 selects. */
export const SYSTEM_EVENT_COLUMNS = [
  'eventname',
  'status',
  'eventmess',
  'registered',
  'registered_associate_id/assocName',
  'registered_associate_id/fullName',
  'registered_associate_id/portraitThumbnail',
  'eta',
  'type',
] as const;

/** E6: one page of system events, newest first. */
export const getSystemEvents = (config: ResolvedConfig, page: Page, o: CallOptions = {}) =>
  request(config, '/SystemEvent', {
    ...o,
    schema: SystemEventPageSchema,
    query: {
      $select: SYSTEM_EVENT_COLUMNS.join(','),
      $orderBy: 'registered desc',
      $top: page.top,
      $skip: page.skip,
      $jsonSafe: 'true',
    },
  });

/** E7: running batch tasks. */
export const getStartedBatchTasks = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/BatchTask/Started', { ...o, schema: BatchTasksSchema });

/** The user columns E8 selects, before the licence columns. */
export const USER_COLUMNS = [
  'associateDbId',
  'assocName',
  'fullName',
  'usergroup',
  'role',
  'userplan',
  'isActive',
  'portraitThumbnail',
] as const;

/** The archive column of a licence: `{owner}_{module}` in lower case. */
export const licenceColumn = (ownerName: string, moduleName: string) => `${ownerName}_${moduleName}`.toLowerCase();

/** E8: one page of internal users (*Associates*) or other users (system and anonymous users). */
export const getUsers = (
  config: ResolvedConfig,
  list: 'internal' | 'other',
  licenceColumns: readonly string[],
  page: Page,
  o: CallOptions = {},
) =>
  request(config, list === 'internal' ? '/Archive/InternalUsers' : '/Archive/OtherUsers', {
    ...o,
    schema: UserPageSchema,
    query: {
      $select: [...USER_COLUMNS, ...licenceColumns].join(','),
      $top: page.top,
      $skip: page.skip,
      $jsonSafe: 'true',
    },
  });

/** E9: one user's licence assignments, per owner. */
export const getUserLicenses = (config: ResolvedConfig, associateId: number, o: CallOptions = {}) =>
  request(config, `/License/User/${seg(String(associateId))}`, { ...o, schema: UserLicensesSchema });
