import { define } from '../../core/kit-element.js';
import { SoSystemEvents } from './system-events.js';

define('so-system-events', SoSystemEvents);

export { SoSystemEvents };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { SoErrorDetail, SoEventSelectDetail, SoLoadDetail, SoWriteErrorDetail } from '../../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-system-events': SoSystemEvents;
  }
}
