import { define } from '../../core/kit-element.js';
import '../owner-info/define.js';
import '../licence-list/define.js';
import '../status-database/define.js';
import '../metered-button/define.js';
import '../system-events/define.js';
// The update bar is in each owner's tab, in the first view: defined with the screen, so it loads in its own shape
// (a bar defined later would take its room only then, and push the licence list down).
import '../licence-update/define.js';
import { SoLicences } from './licences.js';

define('so-licences', SoLicences);

export { SoLicences };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoLicenceActivatedDetail, SoLicenceSelectDetail, SoLoadDetail, SoTabChangeDetail } from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-licences': SoLicences;
  }
}
