import { define } from '../../core/kit-element.js';
import { SoLicenceUpdate } from './licence-update.js';

define('so-licence-update', SoLicenceUpdate);

export { SoLicenceUpdate };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoLicenceActivatedDetail, SoLoadDetail, SoWriteErrorDetail } from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-licence-update': SoLicenceUpdate;
  }
}
