import { define } from '../../core/kit-element.js';
import { SoProvider } from './provider.js';

define('so-provider', SoProvider);

export { SoProvider };

declare global {
  interface HTMLElementTagNameMap {
    'so-provider': SoProvider;
  }
}
