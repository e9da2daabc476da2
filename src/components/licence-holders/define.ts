import { define } from '../../core/kit-element.js';
import { SoLicenceHolders } from './licence-holders.js';

define('so-licence-holders', SoLicenceHolders);

export { SoLicenceHolders };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type {
  SoAssignmentChangeDetail,
  SoErrorDetail,
  SoLoadDetail,
  SoSuperfluousRemovedDetail,
  SoWriteErrorDetail,
} from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-licence-holders': SoLicenceHolders;
  }
}
