import { LitElement, type CSSResultGroup, type CSSResultOrNative } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, ContextEvent } from '@lit/context';
import { localized } from '../localization.js';
import {
  configContext,
  configGeneration,
  onConfigChange,
  resolveConfig,
  type KitConfig,
  type ResolvedConfig,
} from '../api/config.js';
import { followDocumentLanguage } from '../localization.js';
import type { SoEventMap } from '../events.js';
import { VERSION } from '../version.js';
import { clampLevel } from './heading.js';
import { tokens } from './tokens.js';

/**
 * What every element of the kit shares: configuration (attribute → `<so-provider>` → `configure()` → default),
 * locale updates, the design tokens and a typed `emit()`.
 *
 * @cssprop [--so-font-family=system-ui] - Font family.
 * @cssprop [--so-font-size=0.875rem] - Base font size.
 * @cssprop [--so-space=0.5rem] - Spacing unit.
 * @cssprop [--so-radius=6px] - Corner radius.
 * @cssprop [--so-color-surface=#ffffff] - Background (dark: #161b22).
 * @cssprop [--so-color-surface-raised=#f5f7fa] - Raised background: headers, states (dark: #1f2630).
 * @cssprop [--so-color-text=#1d2330] - Text (dark: #e6edf3).
 * @cssprop [--so-color-text-muted=#556070] - Secondary text (dark: #9aa7b5).
 * @cssprop [--so-color-border=#8a96a8] - Borders (dark: #5b6778).
 * @cssprop [--so-color-accent=#0b5fb0] - Accent: links, bars, primary buttons (dark: #5ca8f5).
 * @cssprop [--so-color-on-accent=#ffffff] - Text on the accent colour (dark: #0d1117).
 * @cssprop [--so-color-focus=#0b5fb0] - Focus ring (dark: #7dbaf7).
 * @cssprop [--so-color-warning-surface=#fff4d6] - Warning background (dark: #3d2e05).
 * @cssprop [--so-color-warning-text=#6b4a00] - Warning text (dark: #f3d27a).
 * @cssprop [--so-color-danger-surface=#fde7e9] - Error background (dark: #45171b).
 * @cssprop [--so-color-danger-text=#a4161a] - Error text (dark: #ffa8ad).
 * @cssprop [--so-color-success=#1f7a3f] - Success (dark: #5fd08a).
 * @cssprop [--so-color-track=#e3e8ef] - Track of bars and charts (dark: #2c3541).
 */
@localized()
export class KitElement extends LitElement {
  static override styles: CSSResultGroup = [tokens];

  /** @internal The kit version that defined this class; read by the guarded `define()`. */
  static readonly kitVersion = VERSION;

  /** Web API root including `/api/v1` for this element; overrides `<so-provider>` and `configure()`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /**
   * Level (1–6) of the element's own top headings, so the page's outline stays correct (inner headings follow one
   * below). Default 2: right below a page's `h1`.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** `dark` or `light` forces a theme; otherwise an ancestor's `theme` or the system setting decides. */
  @property({ reflect: true }) theme?: 'dark' | 'light';

  /** @internal Configuration from the nearest `<so-provider>`. */
  @consume({ context: configContext, subscribe: true })
  @state()
  protected provided?: KitConfig;

  /** @internal */
  private stopListening?: () => void;
  /** @internal */
  private resolved?: { key: unknown[]; config: ResolvedConfig };

  /** @internal Ends the subscription to a provider that upgraded after this element connected. */
  private leaveLateProvider?: () => void;
  /** @internal Stops waiting for ancestors' tags to be defined. */
  private stopWaiting?: () => void;

  /**
   * @internal Each update after the first runs in a task of its own, after yielding to the browser: filling a whole
   * screen (every element at once when the shared licence answer arrives) becomes many short tasks instead of one
   * long one, so input and painting are never blocked for long. The first update (a loading state that keeps the
   * element's room) runs in the task that connected the element: yielding there would paint a frame in which the
   * element has no height yet, and everything below it would jump twice (layout shift). `updateComplete` still
   * resolves after the update.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.hasUpdated) await yieldToBrowser();
    await super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followDocumentLanguage();
    this.stopListening = onConfigChange(() => this.requestUpdate());
    this.awaitLateProvider();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.leaveLateProvider?.();
    this.leaveLateProvider = undefined;
    this.stopWaiting?.();
    this.stopWaiting = undefined;
  }

  /**
   * @internal No provider answered: an ancestor that is not upgraded yet may be one (a provider defined later).
   * Asks again once each such ancestor's tag is defined. Nothing is kept for an element with no such ancestor
   * (a page-wide context root would keep every unanswered request of every element ever created), and an element
   * that leaves stops waiting: a tag that is never defined (a host's own wrapper) must not keep it alive.
   */
  private awaitLateProvider(): void {
    if (this.provided) return;
    const pending = new Set<string>();
    for (let node: Node | null = this.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
      if (node instanceof Element && node.localName.includes('-') && !customElements.get(node.localName)) pending.add(node.localName);
    }
    if (!pending.size) return;
    const ask = () => {
      if (!this.isConnected || this.provided) return;
      // Built first, then dispatched: a context request is not one of the element's own events (the manifest
      // analyzer would list it as one).
      const request = new ContextEvent(
        configContext,
        this,
        (value: KitConfig | undefined, unsubscribe?: () => void) => {
          this.provided = value;
          if (unsubscribe) this.leaveLateProvider = unsubscribe;
        },
        true,
      );
      this.dispatchEvent(request);
    };
    const leave = [...pending].map((name) => waitForDefinition(name, ask));
    this.stopWaiting = () => leave.forEach((stop) => stop());
  }

  /**
   * @internal Moved into another document (`adoptNode` into an iframe): the browser drops style sheets constructed
   * in the old one, so the element's styles are built again in the new document's realm (and the originals are
   * used again back home). A document without a window (`createHTMLDocument`) renders nothing until moved again.
   */
  adoptedCallback(): void {
    const root = this.shadowRoot;
    const view = this.ownerDocument.defaultView as (Window & typeof globalThis) | null;
    if (!root || !view) return;
    root.adoptedStyleSheets = sheetsFor(this.constructor as typeof KitElement, view);
  }

  /** @internal The configuration this element's requests use; a new object only when something changed. */
  get config(): ResolvedConfig {
    const key = [this.apiBase, this.provided, configGeneration()];
    if (!this.resolved || key.some((k, i) => k !== this.resolved!.key[i])) {
      this.resolved = { key, config: resolveConfig(this.apiBase, this.provided) };
    }
    return this.resolved.config;
  }

  /** @internal The heading level `depth` below this element's top level, clamped to 1–6. */
  protected level(depth = 0): number {
    return clampLevel(clampLevel(this.headingLevel) + depth);
  }

  /** @internal Dispatches a typed, bubbling, composed event. */
  emit<K extends keyof SoEventMap>(type: K, detail: SoEventMap[K]['detail']): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: false }));
  }
}

/**
 * Connected elements waiting for a tag to be defined (an ancestor that may be a late `<so-provider>`), by tag: one
 * `whenDefined()` per tag for the whole page, so waiting elements are held here only while they are connected.
 */
const definitionWaiters = new Map<string, Set<() => void>>();

/** Calls `callback` once `tag` is defined, unless the returned function was called before. */
function waitForDefinition(tag: string, callback: () => void): () => void {
  const waiters = definitionWaiters.get(tag) ?? waitersOf(tag);
  waiters.add(callback);
  return () => waiters.delete(callback);
}

/**
 * The waiters of `tag`, with the page's one `whenDefined()` for it. A function of its own: the promise's callback,
 * which lives as long as the tag is undefined, must not share a scope with any element's callback (V8 keeps every
 * variable of a scope that any of its closures use).
 */
function waitersOf(tag: string): Set<() => void> {
  const waiters = new Set<() => void>();
  definitionWaiters.set(tag, waiters);
  void customElements.whenDefined(tag).then(() => {
    definitionWaiters.delete(tag);
    for (const waiter of waiters) waiter();
  });
  return waiters;
}

/** Style sheets of each element class, built once per window that elements were moved into. */
const foreignSheets = new WeakMap<Window, Map<typeof KitElement, CSSStyleSheet[]>>();

function sheetsFor(ctor: typeof KitElement, view: Window & typeof globalThis): CSSStyleSheet[] {
  const native = (s: CSSResultOrNative): CSSStyleSheet | undefined => (s instanceof CSSStyleSheet ? s : s.styleSheet);
  if (view === window) return ctor.elementStyles.map(native).filter((s): s is CSSStyleSheet => !!s);
  let byClass = foreignSheets.get(view);
  if (!byClass) foreignSheets.set(view, (byClass = new Map()));
  let sheets = byClass.get(ctor);
  if (!sheets) {
    sheets = ctor.elementStyles.map((s) => {
      const text = s instanceof CSSStyleSheet ? [...s.cssRules].map((r) => r.cssText).join('\n') : s.cssText;
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
    byClass.set(ctor, sheets);
  }
  return sheets;
}

let warnedVersion: string | undefined;

/**
 * Registers `tag` unless it is registered already: loading the kit twice on a page (two micro-frontends) never
 * throws; a different version owning the tag gives one console warning for the page.
 */
export function define(tag: string, ctor: CustomElementConstructor & { kitVersion?: string }): void {
  // Importing the kit server-side (Node, SSR) must not throw: no registry, nothing to define.
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as (CustomElementConstructor & { kitVersion?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing.kitVersion !== ctor.kitVersion && warnedVersion === undefined) {
    warnedVersion = existing.kitVersion ?? 'unknown';
    console.warn(
      `so-licence-kit ${ctor.kitVersion}: <${tag}> is already defined by version ${warnedVersion}; keeping that one.`,
    );
  }
}

/** Resolves in a new task: `scheduler.yield()` where the browser has it (the continuation keeps its priority). */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
