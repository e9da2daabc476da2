import { define } from '../../core/kit-element.js';
import { SoOwnerInfo } from './owner-info.js';

define('so-owner-info', SoOwnerInfo);

export { SoOwnerInfo };

declare global {
  interface HTMLElementTagNameMap {
    'so-owner-info': SoOwnerInfo;
  }
}
