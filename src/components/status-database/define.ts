import { define } from '../../core/kit-element.js';
import { SoStatusDatabase } from './status-database.js';

define('so-status-database', SoStatusDatabase);

export { SoStatusDatabase };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoLoadDetail } from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-status-database': SoStatusDatabase;
  }
}
