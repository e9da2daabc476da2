import { define } from '../../core/kit-element.js';
import { SoLicenceUpdate } from './licence-update.js';

define('so-licence-update', SoLicenceUpdate);

export { SoLicenceUpdate };

declare global {
  interface HTMLElementTagNameMap {
    'so-licence-update': SoLicenceUpdate;
  }
}
