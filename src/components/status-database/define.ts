import { define } from '../../core/kit-element.js';
import { SoStatusDatabase } from './status-database.js';

define('so-status-database', SoStatusDatabase);

export { SoStatusDatabase };

declare global {
  interface HTMLElementTagNameMap {
    'so-status-database': SoStatusDatabase;
  }
}
