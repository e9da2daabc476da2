import { define } from '../../core/kit-element.js';
import { SoOwnerInfo } from './owner-info.js';

define('so-owner-info', SoOwnerInfo);

export { SoOwnerInfo };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoLoadDetail } from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-owner-info': SoOwnerInfo;
  }
}
