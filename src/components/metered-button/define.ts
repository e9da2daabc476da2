import { define } from '../../core/kit-element.js';
import { SoMeteredButton } from './metered-button.js';

define('so-metered-button', SoMeteredButton);

export { SoMeteredButton };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoLoadDetail } from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-metered-button': SoMeteredButton;
  }
}
