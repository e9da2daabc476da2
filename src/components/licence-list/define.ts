import { define } from '../../core/kit-element.js';
import { SoLicenceList } from './licence-list.js';

define('so-licence-list', SoLicenceList);

export { SoLicenceList };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoLicenceSelectDetail, SoLoadDetail } from '../../events.js';
export type { LicenceKind } from './licence-list.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-licence-list': SoLicenceList;
  }
}
