import { define } from '../../core/kit-element.js';
import { SoLicenceList } from './licence-list.js';

define('so-licence-list', SoLicenceList);

export { SoLicenceList };

declare global {
  interface HTMLElementTagNameMap {
    'so-licence-list': SoLicenceList;
  }
}
