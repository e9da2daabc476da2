import { define } from '../../core/kit-element.js';
import { SoSystemEvents } from './system-events.js';

define('so-system-events', SoSystemEvents);

export { SoSystemEvents };

declare global {
  interface HTMLElementTagNameMap {
    'so-system-events': SoSystemEvents;
  }
}
