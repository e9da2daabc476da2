import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../../localization.js';
import { getLicenses } from '../../api/endpoints.js';
import type { LicenseInfo } from '../../api/schemas.js';
import type { SoLoadDetail } from '../../events.js';
import { KitElement } from '../../core/kit-element.js';
import { tabStyles } from '../../core/tabs.styles.js';
import { Resource } from '../../core/resource.js';
import { TabKeys } from '../../core/tab-keys.js';
import { ScrollHints } from '../../core/scroll-hints.js';
import { expiryStatus } from '../owner-info/owner-info.js';
import { styles } from './licences.styles.js';

const SUPEROFFICE = 'SUPEROFFICE';

/** The scroll buttons' arrow (the start one is mirrored by CSS). */
const chevron = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 3l5 5-5 5"></path></svg>`;

/** One tab: `key` is what `selected` and `so-tab-change` name it; `id` builds the tab's and panel's DOM ids. */
interface Tab {
  key: string;
  id: string;
  label: string;
  /** A third-party owner's `OwnerName`. */
  owner?: string;
  /** An add-on child: the panel shows it. */
  addon?: HTMLElement;
}

/**
 * SuperOffice's Licences screen. Tabs: *SuperOffice* (the owner information and licences of `SUPEROFFICE`),
 * *Status*, one tab per third-party licence owner the server reports (labelled with its `OwnerDescription`), and one
 * tab per add-on child.
 *
 * Add-on tabs: every child with `slot="addon"` becomes a tab labelled by its `label` attribute; the child itself is
 * the panel. Children added or removed later add or remove tabs.
 *
 * The tabs follow the WAI-ARIA tabs pattern with automatic activation: ←/→ move to and select the previous/next tab,
 * Home/End the first/last. A panel's content is created when its tab is first selected and kept afterwards.
 *
 * One licence request feeds the whole screen: the tab list and every element in it share the answer. `so-load` and
 * `so-error` come from the elements inside (they bubble out of the screen); the screen adds none of its own.
 *
 * @tag so-licences
 * @summary The whole Licences screen, with third-party owner tabs and add-on tabs.
 * @slot addon - Add-on tabs: each child is one tab's panel, labelled by its `label` attribute.
 * @fires {CustomEvent<SoTabChangeDetail>} so-tab-change - The user selected another tab. `detail: { tab }` — `superoffice`, `status`, a third-party
 *   `OwnerName`, or an add-on child's `id` (else its `label`). Not fired when `selected` is set by script.
 * @fires {CustomEvent<SoLoadDetail>} so-load - From the elements inside: data arrived and rendered. `detail: { source }`
 * @fires {CustomEvent<SoErrorDetail>} so-error - From the elements inside: loading failed. `detail: { kind, status?, message }`
 * @fires {CustomEvent<SoLicenceSelectDetail>} so-licence-select - From the licence lists inside. `detail: { ownerName, moduleName }`
 * @fires {CustomEvent<SoLicenceActivatedDetail>} so-licence-activated - From the update bars inside: a new licence was activated. `detail: { ownerName }`
 * @csspart tabs - The tab list.
 * @csspart tab - A tab; `selected` is added to the current one.
 * @csspart selected - The selected tab.
 * @csspart panel - A tab panel.
 * @csspart expiry-mark - The mark on an owner's tab while its licence expires soon or has expired (spoken with the tab).
 */
export class SoLicences extends KitElement {
  static override styles = [KitElement.styles, tabStyles, styles];
  // Add-on children are assigned to their panel's slot by script: IDREFs cannot cross into the light DOM.
  static override shadowRootOptions: ShadowRootInit = { ...KitElement.shadowRootOptions, slotAssignment: 'manual' };

  /**
   * The selected tab: `superoffice` (default), `status`, a third-party `OwnerName`, or an add-on child's `id` (else
   * its `label`). A key that is taken already (an owner named `status`, an add-on with an owner's name) is prefixed:
   * `owner:status`, `addon:<key>`. A tab that does not exist (yet) shows the SuperOffice tab until it does.
   */
  @property({ reflect: true }) selected = 'superoffice';
  /** Each owner's update bar offers *Load licence from file* (onsite installations). */
  @property({ type: Boolean, attribute: 'allow-licence-file' }) allowLicenceFile = false;
  /** The SuperOffice tab's update bar offers *Change company name and serial number* (demo installations). */
  @property({ type: Boolean, attribute: 'allow-serial-change' }) allowSerialChange = false;

  /** @internal The add-on children in document order, with their tab keys. */
  @state() private addons: ReadonlyMap<HTMLElement, string> = new Map();
  /** @internal Bumped when an element inside loaded the licences: the tab list reads the same answer again. */
  @state() private generation = 0;

  /** @internal Tabs whose panel was shown once: their content stays. */
  private readonly visited = new Set<string>();
  /** @internal Stable DOM ids of add-on panels. */
  private readonly addonIds = new WeakMap<HTMLElement, number>();
  /** @internal */
  private nextAddonId = 0;

  /** @internal The owners, for the tab list (E1, the answer the elements inside share). */
  private readonly owners = new Resource(this, {
    source: 'License',
    localized: true,
    // Only builds the tab list: so-load/so-error come from the elements inside.
    silent: true,
    args: () => [this.generation] as const,
    load: async (_args, { config, signal, fresh }) => (await getLicenses(config, { signal, fresh })).map((o) => o.Current),
  });

  /**
   * @internal The owners of the last answer that arrived: a reload that fails keeps their tabs — the tab the user is
   * on does not vanish; its panel says what failed and offers *Try again*.
   */
  private lastOwners: readonly LicenseInfo[] = [];

  /** @internal A tab list too long for its room: which edges have more (faded, with a scroll button). */
  private readonly scrollHints = new ScrollHints(this, '.tabs');

  /** @internal */
  private readonly tabKeys = new TabKeys<string>(this, {
    tabs: () => this.tabs().map((t) => t.key),
    selected: () => this.current(this.tabs()).key,
    select: (key) => this.choose(key),
    element: (key) => this.shadowRoot?.getElementById(`tab-${this.tabs().find((t) => t.key === key)?.id}`),
  });

  /** @internal */
  private readonly observer = new MutationObserver((records) => {
    if (records.some((r) => r.target === this || r.target.parentNode === this)) this.readAddons();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['slot', 'label', 'id'] });
    this.readAddons();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
  }

  /** Reloads every element of the screen, bypassing shared answers. */
  async refresh(): Promise<void> {
    const inside = [...this.renderRoot.querySelectorAll('*')].filter(
      (e): e is KitElement & { refresh(): Promise<void> } => e instanceof KitElement && 'refresh' in e,
    );
    await Promise.all(inside.map((e) => e.refresh()));
  }

  /** @internal Reads the add-on children; a selected add-on that was removed selects SuperOffice, a renamed one stays selected. */
  private readAddons(): void {
    const selected = this.tabs().find((t) => t.key === this.selected)?.addon;
    this.addons = new Map(
      [...this.children]
        .filter((c): c is HTMLElement => c instanceof HTMLElement && c.slot === 'addon')
        .map((c) => [c, this.addonKey(c)]),
    );
    if (selected) this.selected = this.tabs().find((t) => t.addon === selected)?.key ?? 'superoffice';
  }

  /** @internal */
  private addonKey(addon: HTMLElement): string {
    return addon.id || addon.getAttribute('label') || `addon-${this.addonId(addon)}`;
  }

  /** @internal */
  private addonId(addon: HTMLElement): number {
    if (!this.addonIds.has(addon)) this.addonIds.set(addon, ++this.nextAddonId);
    return this.addonIds.get(addon)!;
  }

  /**
   * @internal Every tab, in order, each with its own key. A third-party owner named like a built-in tab (`status`,
   * `superoffice`, in any case) is keyed `owner:<name>`; an owner the server lists twice gets one tab; an add-on
   * whose id or label is taken is keyed `addon:<key>` (then `addon:<key>:2`, …). DOM ids come from positions, never
   * from data.
   */
  private tabs(): Tab[] {
    const taken = new Set<string>();
    const claim = (key: string, prefix: string): string => {
      let unique = taken.has(key.toLowerCase()) ? `${prefix}:${key}` : key;
      for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${prefix}:${key}:${n}`;
      taken.add(unique.toLowerCase());
      return unique;
    };
    const seen = new Set<string>();
    const owners = this.lastOwners.filter(
      (o) => o.OwnerName !== SUPEROFFICE && !seen.has(o.OwnerName) && !!seen.add(o.OwnerName),
    );
    return [
      { key: claim('superoffice', ''), id: 'superoffice', label: msg('SuperOffice', { id: 'licences.superoffice' }) },
      { key: claim('status', ''), id: 'status', label: msg('Status', { id: 'licences.status' }) },
      ...owners.map((o, i) => ({
        key: claim(o.OwnerName, 'owner'),
        id: `owner-${i}`,
        label: o.OwnerDescription || o.OwnerName,
        owner: o.OwnerName,
      })),
      ...[...this.addons].map(([addon, key]) => {
        const n = this.addonId(addon);
        return {
          key: claim(key, 'addon'),
          id: `addon-${n}`,
          label: addon.getAttribute('label') || addon.id || msg(str`Add-on ${n}`, { id: 'licences.addon' }),
          addon,
        };
      }),
    ];
  }

  /**
   * @internal An owner's tab carries a mark while its licence expires within the warning period or has expired;
   * the mark is spoken as part of the tab's name.
   */
  private renderExpiryMark(t: Tab) {
    const owner = t.addon ? undefined : t.key === 'superoffice' ? SUPEROFFICE : t.owner;
    const info = owner && this.lastOwners.find((o) => o.OwnerName === owner);
    const status = info ? expiryStatus(info).kind : 'unlimited';
    if (status !== 'expiring' && status !== 'expired') return nothing;
    return html`<span class=${`expiry-mark ${status}`} part="expiry-mark" aria-hidden="true">!</span
      ><span class="visually-hidden"
        >${status === 'expired'
          ? msg(', licence expired', { id: 'licences.mark-expired' })
          : msg(', licence expires soon', { id: 'licences.mark-expiring' })}</span
      >`;
  }

  /** @internal The tab `selected` names, or the first one. */
  private current(tabs: Tab[]): Tab {
    return tabs.find((t) => t.key === this.selected) ?? tabs[0];
  }

  /** @internal The user selected a tab. */
  private choose(key: string): void {
    if (key === this.current(this.tabs()).key) return;
    this.selected = key;
    this.emit('so-tab-change', { tab: key });
  }

  /** @internal An element inside loaded the licences: read the (shared) answer again for the tab list. */
  private readonly onInnerLoad = (e: CustomEvent<SoLoadDetail>): void => {
    if (e.detail.source === 'License') this.generation++;
  };

  override render() {
    const tabs = this.tabs();
    const current = this.current(tabs);
    this.visited.add(current.key);
    const hints = this.scrollHints;
    return html`<div class=${`tab-strip${hints.start ? ' more-start' : ''}${hints.end ? ' more-end' : ''}`}>
      <div class="scroll-hint start" aria-hidden="true" @click=${() => hints.scroll(-1)}>${chevron}</div>
      <div class="tabs" role="tablist" part="tabs" aria-label=${msg('Licences', { id: 'licences.tabs' })} @keydown=${this.tabKeys.onKeyDown}>
        ${tabs.map(
          (t) => html`<button
            type="button"
            role="tab"
            id="tab-${t.id}"
            part=${t === current ? 'tab selected' : 'tab'}
            aria-selected=${t === current ? 'true' : 'false'}
            aria-controls="panel-${t.id}"
            tabindex=${t === current ? 0 : -1}
            @click=${() => this.choose(t.key)}
          >
            ${t.label}${this.renderExpiryMark(t)}
          </button>`,
        )}
      </div>
      <div class="scroll-hint end" aria-hidden="true" @click=${() => hints.scroll(1)}>${chevron}</div>
      </div>
      <div class="panels" @so-load=${this.onInnerLoad}>
        ${tabs.map((t) =>
          // Keyed rows with map, not repeat: repeat leaves an empty comment node behind for every removed item
          // (lit/lit#5010), and owner tabs come and go with every failed reload of a long session.
          keyed(
            t.id,
            html`<div role="tabpanel" id="panel-${t.id}" part="panel" aria-labelledby="tab-${t.id}" tabindex="0" ?hidden=${t !== current}>
              ${t.addon ? html`<slot></slot>` : this.visited.has(t.key) ? this.renderPanel(t) : nothing}
            </div>`,
          ),
        )}
      </div>`;
  }

  protected override willUpdate(): void {
    if (this.owners.value) this.lastOwners = this.owners.value;
  }

  protected override updated(): void {
    for (const addon of this.addons.keys()) {
      this.renderRoot.querySelector<HTMLSlotElement>(`#panel-addon-${this.addonId(addon)} > slot`)?.assign(addon);
    }
  }

  /** @internal */
  private renderPanel(t: Tab) {
    if (t.id === 'status') return this.renderStatusPanel();
    return this.renderOwner(t.owner ?? SUPEROFFICE);
  }

  /**
   * @internal An owner's information and licences. The list waits for the licences: while they load, or when they
   * failed, only the owner information shows the state, so the screen shows one "Loading…" and one error, not two.
   */
  private renderOwner(owner: string) {
    const known = this.owners.value?.some((o) => o.OwnerName === owner);
    return html`<so-owner-info owner=${owner} .apiBase=${this.apiBase} .headingLevel=${this.headingLevel} .shopBelow=${!!known}></so-owner-info>
      ${known
        ? html`<so-licence-update
            owner=${owner}
            .apiBase=${this.apiBase}
            .headingLevel=${this.headingLevel}
            ?allow-file=${this.allowLicenceFile}
            ?allow-serial-change=${this.allowSerialChange && owner === SUPEROFFICE}
          ></so-licence-update>`
        : nothing}
      ${known
        ? html`<so-licence-list owner=${owner} .apiBase=${this.apiBase} .headingLevel=${this.headingLevel}></so-licence-list>`
        : this.owners.state === 'loading'
          ? html`<div class="list-reserve" aria-hidden="true"></div>`
          : nothing}`;
  }

  /** @internal The Status tab: the database, the metered-services button and the system notifications. */
  private renderStatusPanel() {
    return html`<so-status-database .apiBase=${this.apiBase} .headingLevel=${this.headingLevel}></so-status-database>
      <div class="actions"><so-metered-button .apiBase=${this.apiBase}></so-metered-button></div>
      <so-system-events .apiBase=${this.apiBase} .headingLevel=${this.headingLevel}></so-system-events>`;
  }
}
