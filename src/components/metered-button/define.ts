import { define } from '../../core/kit-element.js';
import { SoMeteredButton } from './metered-button.js';

define('so-metered-button', SoMeteredButton);

export { SoMeteredButton };

declare global {
  interface HTMLElementTagNameMap {
    'so-metered-button': SoMeteredButton;
  }
}
