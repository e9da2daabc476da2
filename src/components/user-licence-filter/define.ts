import { define } from '../../core/kit-element.js';
import { SoUserLicenceFilter } from './user-licence-filter.js';

define('so-user-licence-filter', SoUserLicenceFilter);

export { SoUserLicenceFilter };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoAssignmentChangeDetail, SoChangeEvent, SoErrorDetail, SoLoadDetail, SoWriteErrorDetail } from '../../events.js';
export type { SoUserLicenceFilterEventMap } from './user-licence-filter.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-user-licence-filter': SoUserLicenceFilter;
  }
}
