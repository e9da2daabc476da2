/**
 * so-licence-kit: SuperOffice CRM's Licences screen as standalone web components.
 * Importing this module defines every element (guarded: loading the kit twice never throws).
 */
import './components/provider/define.js';
import './components/owner-info/define.js';
import './components/licence-list/define.js';
import './components/licences/define.js';
import './components/status-database/define.js';
import './components/metered-button/define.js';
import './components/system-events/define.js';
import './components/user-licence-filter/define.js';
// <so-licence-holders> and its editing code are a lazy part: fetched right after the kit, so the main file stays small.
// (Hosts that need the class at once import `so-licence-kit/so-licence-holders.js`.)
void import('./components/licence-holders/define.js');
// <so-licence-update> (the update bar) likewise; its dialogs load when first opened.
void import('./components/licence-update/define.js');

export { configure, type AuthConfig, type BearerAuth, type KitConfig, type TokenProvider } from './api/config.js';
export { ApiError, type ApiErrorKind, type WriteErrorKind } from './api/errors.js';
export { getLocale, setLocale, toKitLocale, type Locale, type LocaleInput } from './localization.js';
export { VERSION } from './version.js';
export type * from './events.js';
export type {
  ExtendedLicenseInfo,
  ExtendedModuleLicense,
  LicenseInfo,
  ModuleLicense,
  DatabaseInfo,
  MeteredServicesReport,
  SystemEventRow,
  UserRow,
  LicenseOwner,
} from './api/schemas.js';
export { SoProvider } from './components/provider/provider.js';
export { SoOwnerInfo } from './components/owner-info/owner-info.js';
export { SoLicenceList } from './components/licence-list/licence-list.js';
export { SoLicences } from './components/licences/licences.js';
export { SoStatusDatabase } from './components/status-database/status-database.js';
export { SoMeteredButton } from './components/metered-button/metered-button.js';
export { SoSystemEvents } from './components/system-events/system-events.js';
export {
  SoUserLicenceFilter,
  type SoUserLicenceFilterEventMap,
} from './components/user-licence-filter/user-licence-filter.js';
export type { SoLicenceUpdate } from './components/licence-update/licence-update.js';
export type { SoLicenceHolders } from './components/licence-holders/licence-holders.js';
