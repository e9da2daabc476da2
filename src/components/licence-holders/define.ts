import { define } from '../../core/kit-element.js';
import { SoLicenceHolders } from './licence-holders.js';

define('so-licence-holders', SoLicenceHolders);

export { SoLicenceHolders };

declare global {
  interface HTMLElementTagNameMap {
    'so-licence-holders': SoLicenceHolders;
  }
}
