import { define } from '../../core/kit-element.js';
import { SoProvider } from './provider.js';

define('so-provider', SoProvider);

export { SoProvider };
// The types this element's API names (its entry exports them, as custom-elements.json says).
export type { AuthConfig, BearerAuth, TokenProvider } from '../../api/config.js';
export type { LocaleInput } from '../../localization.js';

declare global {
  interface HTMLElementTagNameMap {
    'so-provider': SoProvider;
  }
}
