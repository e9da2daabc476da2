/**
 * The CDN file (`dist/cdn/so-licence-kit.js`): what a page without a bundler loads. It defines the Licences screen's
 * first view at once — `<so-provider>`, `<so-owner-info>`, `<so-licence-update>` (whose dialogs load when first
 * opened), `<so-licence-list>`, `<so-licences>` — and fetches the other elements right after as parts beside it
 * (`parts/`): the Status tab's `<so-status-database>`, `<so-metered-button>` and `<so-system-events>`,
 * `<so-user-licence-filter>` and `<so-licence-holders>`. Every element
 * is defined without the page doing anything; the first view's file stays small. It exports the same functions and
 * types as the npm entry; the classes of the parts are reached with `customElements.whenDefined(tag)`.
 */
import './components/provider/define.js';
import './components/owner-info/define.js';
import './components/licence-list/define.js';
import './components/licence-update/define.js';
import { define } from './core/kit-element.js';
import { SoLicences } from './components/licences/licences.js';

// The screen's class alone: its Status tab's elements come with the parts (the npm entry defines them together).
define('so-licences', SoLicences);

/** The parts, fetched right after this file (each defines its element; loading one twice is harmless). */
export const parts: Promise<unknown> = Promise.all([
  import('./components/status-database/define.js'),
  import('./components/metered-button/define.js'),
  import('./components/system-events/define.js'),
  import('./components/user-licence-filter/define.js'),
  import('./components/licence-holders/define.js'),
]);

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
export type { SoStatusDatabase } from './components/status-database/status-database.js';
export type { SoMeteredButton } from './components/metered-button/metered-button.js';
export type { SoSystemEvents } from './components/system-events/system-events.js';
export type {
  SoUserLicenceFilter,
  SoUserLicenceFilterEventMap,
} from './components/user-licence-filter/user-licence-filter.js';
export type { SoLicenceHolders } from './components/licence-holders/licence-holders.js';
export type { SoLicenceUpdate } from './components/licence-update/licence-update.js';
