import { define } from '../../core/kit-element.js';
import '../owner-info/define.js';
import '../licence-list/define.js';
import '../status-database/define.js';
import '../metered-button/define.js';
import '../system-events/define.js';
import { SoLicences } from './licences.js';

// The update bar in each owner's tab is a lazy part of the CDN build: it upgrades right after the screen.
void import('../licence-update/define.js');

define('so-licences', SoLicences);

export { SoLicences };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoLicenceActivatedDetail, SoLicenceSelectDetail, SoLoadDetail, SoTabChangeDetail } from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-licences': SoLicences;
  }
}
