// Type-level tests of the public API, checked by `npm run typecheck` (tsc), never run. Each `@ts-expect-error` fails
// the check if the type it guards gets looser; the other lines fail it if the type gets too strict.
import {
  configure,
  setLocale,
  toKitLocale,
  type AuthConfig,
  type KitConfig,
  type Locale,
  type LocaleInput,
  type SoErrorDetail,
  type SoLoadDetail,
} from '../../src/index.js';

// Authentication: bearer needs a token or a getToken().
configure({ auth: { mode: 'session' } });
configure({ auth: { mode: 'none' } });
configure({ auth: { mode: 'bearer', token: 'abc' } });
configure({ auth: { mode: 'bearer', getToken: () => 'abc' } });
configure({ auth: { mode: 'bearer', getToken: async () => 'abc' } });
configure({ auth: { mode: 'bearer', token: 'abc', getToken: async () => 'abc' } });
// @ts-expect-error -- bearer without token or getToken
configure({ auth: { mode: 'bearer' } });
// @ts-expect-error -- an unknown mode
configure({ auth: { mode: 'basic' } });
// @ts-expect-error -- a token belongs to bearer only
const sessionWithToken: AuthConfig = { mode: 'session', token: 'abc' };
// @ts-expect-error -- getToken returns a string
configure({ auth: { mode: 'bearer', getToken: () => 42 } });
// @ts-expect-error -- timeout is milliseconds
configure({ timeout: '15s' });

// Locales: a kit locale or no/nn.
configure({ locale: 'de' });
configure({ locale: 'no' });
void setLocale('nb');
void setLocale('nn');
// @ts-expect-error -- not a kit locale
configure({ locale: 'fr' });
// @ts-expect-error -- region tags go through toKitLocale()
void setLocale('nb-NO');
// @ts-expect-error -- any string is not a LocaleInput
void setLocale(navigator.language);
void setLocale(toKitLocale(navigator.language) ?? 'en');
const locale: Locale = 'sv';
// @ts-expect-error -- `no` is input only: getLocale() and Locale are the kit's own codes
const notALocale: Locale = 'no';
const input: LocaleInput = locale;
const config: KitConfig = { apiBase: '/api/v1', locale: input };

// Elements: properties and events.
const list = document.createElement('so-licence-list');
list.kind = 'system';
// @ts-expect-error -- kind is all, system or user
list.kind = 'plans';
list.addEventListener('so-load', (e) => {
  const detail: SoLoadDetail = e.detail;
  // @ts-expect-error -- so-load's detail has no kind
  void e.detail.kind;
  void detail;
});
document.addEventListener('so-error', (e) => {
  const detail: SoErrorDetail = e.detail;
  void detail.kind;
});
document.createElement('so-licences').addEventListener('so-tab-change', (e) => void e.detail.tab.toUpperCase());
document.createElement('so-system-events').addEventListener('so-event-select', (e) => void e.detail.id.toFixed());

const filter = document.createElement('so-user-licence-filter');
filter.addEventListener('change', (e) => {
  // `change` is typed for this element: its target is the filter, with `value`.
  const value: string = e.target.value;
  const same: string = e.currentTarget.value;
  // @ts-expect-error -- a plain Event: no detail
  void e.detail;
  void value;
  void same;
});
filter.addEventListener('so-load', (e) => void e.detail.source);

const button = document.createElement('so-metered-button');
void button.show();
button.hide();
// @ts-expect-error -- months is a number
button.months = '12';

const provider = document.createElement('so-provider');
provider.auth = { mode: 'bearer', getToken: async () => 'abc' };
// @ts-expect-error -- bearer without token or getToken
provider.auth = { mode: 'bearer' };
provider.locale = 'da';
// @ts-expect-error -- not a kit locale
provider.locale = 'en-GB';

export { sessionWithToken, notALocale, config };
