/**
 * The kit's locale. It is page-wide for the kit (every element switches together) and independent of a host's own
 * `@lit/localize` (see localize-runtime.ts): `setLocale()` switches every element; until it is called, the kit
 * follows `<html lang>` and its changes.
 */
import { activeLocale, switchLocale, type LocaleModule } from './localize-runtime.js';
import { allLocales, sourceLocale, type targetLocales } from './generated/locale-codes.js';
import { registry } from './registry.js';

export { localized, msg, str } from './localize-runtime.js';

/** A locale the kit has translations for: `da`, `de`, `en`, `nb`, `nl`, `sv`. */
export type Locale = (typeof allLocales)[number];

/**
 * What `setLocale()`, `configure({ locale })` and `<so-provider>.locale` accept: a {@link Locale}, or `no`/`nn`
 * (Norwegian; both show `nb`). Other strings (e.g. a region tag from `navigator.language`) are accepted at run time
 * from JavaScript and HTML attributes (`nb-NO` → `nb`, unknown → English with a console warning), but TypeScript
 * asks for one of these.
 */
export type LocaleInput = Locale | 'no' | 'nn';

// Static map (not a template-literal import) so Vite, WTR/esbuild and Storybook all resolve it; one chunk per locale.
const loaders = {
  da: () => import('./generated/locales/da.js'),
  de: () => import('./generated/locales/de.js'),
  nb: () => import('./generated/locales/nb.js'),
  nl: () => import('./generated/locales/nl.js'),
  sv: () => import('./generated/locales/sv.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<LocaleModule>>;

/** The current UI locale. */
export const getLocale = (): Locale => activeLocale() as Locale;

/**
 * Maps a language tag to a kit locale: `nb-NO` → `nb`, `no`/`nn` → `nb`, `de-AT` → `de`; `undefined` if none fits.
 * For a tag from a URL or `navigator.language`: `setLocale(toKitLocale(tag) ?? 'en')`.
 */
export function toKitLocale(tag: string | null | undefined): Locale | undefined {
  const lang = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const mapped = lang === 'no' || lang === 'nn' ? 'nb' : lang;
  return (allLocales as readonly string[]).includes(mapped) ? (mapped as Locale) : undefined;
}

let explicit = false;
let following = false;

/** The newest locale switch, settled either way: requests wait for it, so none goes out in the old language. */
let settling: Promise<void> = Promise.resolve();

function apply(locale: Locale): Promise<void> {
  const switching = switchLocale(locale, locale === sourceLocale ? undefined : loaders[locale]);
  settling = switching.catch(() => undefined);
  return switching;
}

/** Resolves once the locale being loaded (if any) is active: the first request of a German page is sent in German. */
export const localeSettled = (): Promise<void> => settling;

/** Every copy of this version on the page (see registry.ts) applies a `setLocale()` of any of them. */
const copies = registry('locale', () => new Set<(locale: Locale) => Promise<void>>());
copies.add((locale) => {
  explicit = true;
  return apply(locale);
});

/**
 * Switches every element of the kit to `locale` (da, de, en, nl, nb, sv; `no`/`nn` are accepted as nb) and stops following
 * `<html lang>`. Resolves once the translations are loaded and elements re-render. An unknown locale falls back to
 * English with a console warning. The last call wins.
 */
export function setLocale(locale: LocaleInput): Promise<void> {
  const kit = toKitLocale(locale);
  if (!kit) console.warn(`so-licence-kit: unknown locale "${locale}"; using English.`);
  return Promise.all([...copies].map((applyHere) => applyHere(kit ?? sourceLocale))).then(() => undefined);
}

/** Starts following `<html lang>` (once; called when the first element connects). */
export function followDocumentLanguage(): void {
  if (following || typeof document === 'undefined') return;
  following = true;
  const root = document.documentElement;
  const sync = () => {
    if (!explicit) void apply(toKitLocale(root.lang) ?? sourceLocale).catch(() => undefined);
  };
  new MutationObserver(sync).observe(root, { attributes: true, attributeFilter: ['lang'] });
  sync();
}
