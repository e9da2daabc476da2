import { define } from '../../core/kit-element.js';
import { SoUserLicenceFilter } from './user-licence-filter.js';

define('so-user-licence-filter', SoUserLicenceFilter);

export { SoUserLicenceFilter };

declare global {
  interface HTMLElementTagNameMap {
    'so-user-licence-filter': SoUserLicenceFilter;
  }
}
