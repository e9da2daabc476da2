/**
 * The kit's own localization runtime: `msg`, `str`, the `localized()` decorator and locale loading. It shares no
 * state with `@lit/localize`, which a host page may configure once for itself: the kit never calls its
 * `configureLocalization`, never listens to or dispatches its `lit-localize-status` event.
 *
 * `lit-localize extract` finds messages by the brand properties on the types of `msg` and `str`
 * (`_LIT_LOCALIZE_MSG_`, `_LIT_LOCALIZE_STR_`), not by their import path, so extraction works unchanged. The
 * generated locale modules import `str` from here (`scripts/localize-own-runtime.mjs` rewrites their import).
 */
import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

/** The result of a `str` tagged template: its strings and the values of its `${…}` expressions. */
export interface StrResult {
  strTag: true;
  strings: readonly string[];
  values: readonly unknown[];
}

/** Every message of the kit has an id (house style); `desc` is for translators. */
export interface MsgOptions {
  id: string;
  desc?: string;
}

type Template = string | StrResult;
/** What a generated locale module exports. */
export interface LocaleModule {
  templates: Record<string, Template>;
}

/** Tags a message with `${…}` expressions: `msg(str\`Serial ${nr}\`, { id: '…' })`. */
export const str: ((strings: TemplateStringsArray, ...values: unknown[]) => StrResult) & {
  _LIT_LOCALIZE_STR_?: never;
} = (strings, ...values) => ({ strTag: true, strings, values });

const join = (strings: readonly string[], values: readonly unknown[], order?: readonly unknown[]): string => {
  let text = strings[0];
  for (let i = 1; i < strings.length; i++) text += String(values[order ? (order[i - 1] as number) : i - 1]) + strings[i];
  return text;
};

let templates: LocaleModule['templates'] | undefined;
let active = 'en';
let loading: string | undefined;
let request = 0;
let pending: Promise<void> = Promise.resolve();
const listeners = new Set<() => void>();

/** The message `options.id` in the active locale; the English source when it has no translation. */
export const msg: ((template: Template, options: MsgOptions) => string) & { _LIT_LOCALIZE_MSG_?: never } = (
  template,
  options,
) => {
  const localized = templates?.[options.id];
  if (typeof template === 'string') return typeof localized === 'string' ? localized : template;
  return localized && typeof localized !== 'string'
    ? join(localized.strings, template.values, localized.values)
    : join(template.strings, template.values);
};

/** The active locale of the kit. */
export const activeLocale = (): string => active;

/**
 * Makes `locale` active once `load()` resolves (not called for the source locale `en`). The last request wins:
 * an older load that resolves later changes nothing, and every caller's promise settles with the newest one.
 */
export function switchLocale(locale: string, load: (() => Promise<LocaleModule>) | undefined): Promise<void> {
  if (locale === (loading ?? active)) return pending;
  const id = ++request;
  loading = locale;
  // Always asynchronous, as @lit/localize's setLocale is.
  const next = (load ? load() : Promise.resolve({ templates: undefined })).then((mod) => {
    if (id !== request) return pending;
    active = locale;
    loading = undefined;
    templates = mod.templates;
    for (const listener of listeners) listener();
  });
  pending = next.catch((error: unknown) => {
    if (id === request) loading = undefined;
    throw error;
  });
  return pending;
}

class LocaleController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {}
  hostConnected(): void {
    listeners.add(this.update);
  }
  hostDisconnected(): void {
    listeners.delete(this.update);
  }
}

/** Class decorator: the element re-renders when the kit's locale changes. */
export const localized =
  () =>
  <T extends typeof ReactiveElement>(clazz: T): void => {
    clazz.addInitializer((host) => host.addController(new LocaleController(host)));
  };
