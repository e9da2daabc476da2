import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ResolvedConfig } from '../../api/config.js';
import { msg, str } from '../../localization.js';
import { getLicenses, getModuleLicense } from '../../api/endpoints.js';
import type { ExtendedLicenseInfo, ModuleLicense } from '../../api/schemas.js';

type LicenseType = ModuleLicense['LicenseType'];
import { formatNumber, formatPercent, svgNumber, unreadableNumberText } from '../../core/format.js';
import { facts } from '../../core/facts.styles.js';
import { KitElement } from '../../core/kit-element.js';
import { heading } from '../../core/heading.js';
import { downloadIcon, icon, iconStyles, sortIcons } from '../../core/icons.js';
import { csvFileName, downloadCsv } from '../../core/csv.js';
import { Resource } from '../../core/resource.js';
import { emptyTemplate, renderResource } from '../../core/states.js';
import { getLocale } from '../../localization.js';
import { fold } from '../user-licence-filter/users.js';
import { styles } from './licence-list.styles.js';
import { isolate } from '../../core/bidi.js';

/** Which groups the list shows. */
export type LicenceKind = 'all' | 'system' | 'user';

/** How much of a licence is taken: `nearly` from 90 % on, `full` when none is available. */
export type UsageLevel = 'ok' | 'nearly' | 'full';

/** One visible licence of an owner (an `ExtendedModuleLicense` that is not hidden). */
export interface LicenceRow {
  ownerName: string;
  moduleName: string;
  /** `ModuleDescription`, or the module name when it has none. */
  name: string;
  type: LicenseType;
  /** `system`: site and satellite licences (and any other non-user type); `user`: user licences and plans. */
  group: 'system' | 'user';
  /** A user plan (`ExtraFlags === 1`). */
  plan: boolean;
  unrestricted: boolean;
  inUse: number;
  free: number;
  total: number;
  /** In use ÷ total, 0…1 (0 when unrestricted or nothing was purchased). */
  usage: number;
  level: UsageLevel;
  /** What activating the pending licence changes; only while one can be activated. */
  pending?: { added: number; newTotal: number; newFree: number };
}

/** The columns a user can sort by. */
export type SortKey = 'name' | 'inUse' | 'free' | 'total' | 'usage' | 'added' | 'newTotal' | 'newFree';

/** What the list shows of its owner. */
export interface OwnerLicences {
  rows: LicenceRow[];
  /** Display names of all the owner's modules, hidden ones included, by lower-case module name (for details). */
  names: Map<string, string>;
  /** A pending licence that can be activated. */
  pending: boolean;
  /** A pending licence that cannot be activated: why (the server's `Reason`, may be empty); `null` otherwise. */
  blocked: string | null;
  /** The owner's display name (`OwnerDescription`, e.g. "SuperOffice"); may be empty. */
  description: string;
  /** The owner's serial number (for the export's file name). */
  serialNr: string;
}

const NEARLY_USED_UP = 0.9;

/** A count that can be true: finite and not negative. */
const isCount = (n: number) => Number.isFinite(n) && n >= 0;

const unlimited = () => msg('Unlimited', { id: 'list.unlimited' });

/** The visible rows of one owner, in `SortOrder`. */
export function licenceRows(owner: ExtendedLicenseInfo): LicenceRow[] {
  const pending = !!owner.New && owner.CanBeActivated;
  return owner.ExtendedModuleLicenses.filter((m) => !m.Current.IsHidden)
    .sort((a, b) => a.Current.SortOrder - b.Current.SortOrder)
    .map((m) => {
      const c = m.Current;
      const [inUse, free, total] = [m.NumberOfLicensesInUse, m.NumberOfLicensesFree, m.NumberOfLicensesTotal];
      // A count that cannot be true (negative, infinite) makes the share unreadable (NaN), never "−125 %" or "∞".
      const usage = c.Unrestricted ? 0 : !isCount(inUse) || !isCount(total) ? NaN : total === 0 ? 0 : Math.min(1, inUse / total);
      const level: UsageLevel = c.Unrestricted
        ? 'ok'
        : free <= 0 && (total > 0 || inUse > 0)
          ? 'full'
          : total > 0 && inUse / total >= NEARLY_USED_UP
            ? 'nearly'
            : 'ok';
      return {
        ownerName: c.OwnerName,
        moduleName: c.ModuleName,
        name: c.ModuleDescription || c.ModuleName,
        type: c.LicenseType,
        group: c.LicenseType === 'UserLicense' ? 'user' : 'system',
        plan: c.LicenseType === 'UserLicense' && c.ExtraFlags === 1,
        unrestricted: c.Unrestricted,
        inUse,
        free,
        total,
        usage,
        level,
        pending: pending
          ? { added: m.NumberOfLicensesAdded, newTotal: m.NumberOfLicensesNewTotal, newFree: m.NumberOfLicensesNewFree }
          : undefined,
      };
    });
}

/** The value a column sorts by; unlimited counts sort after every number. */
function sortValue(row: LicenceRow, key: Exclude<SortKey, 'name'>): number {
  if (row.unrestricted && key !== 'inUse' && key !== 'added') return key === 'usage' ? -1 : Infinity;
  return key === 'added' || key === 'newTotal' || key === 'newFree' ? (row.pending?.[key] ?? 0) : row[key];
}

/** `rows` ordered by `key`; equal rows keep their order (`SortOrder`). */
export function sortRows(rows: readonly LicenceRow[], key: SortKey, direction: 'ascending' | 'descending'): LicenceRow[] {
  const collator = new Intl.Collator(getLocale(), { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: LicenceRow, b: LicenceRow) => {
    if (key === 'name') return collator.compare(a.name, b.name);
    const [x, y] = [sortValue(a, key), sortValue(b, key)];
    return x === y ? 0 : x < y ? -1 : 1;
  };
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.i - b.i)
    .map((x) => x.row);
}

/** The licences a plan includes, from its `ExtraInfo` (`set=a,b,c`). */
export function planIncludes(extraInfo: string): string[] {
  return extraInfo
    .replace(/^\s*set\s*=\s*/i, '')
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const warningIcon = icon(
  svg`<path d="M8 1.5 15 14.5H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6v4M8 11.5v1.2" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
);
const fullIcon = icon(
  svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4 8h8" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
);

interface Column {
  key: SortKey;
  label: string;
  /** The number or text of a row in this column. */
  cell: (row: LicenceRow) => unknown;
}

/**
 * The licences of one owner in two groups — *System licences* (site and satellite licences) and *User licences*
 * (with user plans marked) — with how many are in use, available and purchased, and a usage bar. Licences nearly used
 * up (90 % or more) or used up are marked with an icon and a word, not by colour alone. Hidden licences never appear.
 *
 * Columns sort by their header button (click, Enter or Space; `aria-sort` on the header); the search box filters by
 * name; *Download CSV* saves the rows shown. Activating a licence name opens its details (loaded once per licence
 * from the server) under its row; Escape in the table closes them. A pending licence that can be activated adds
 * three columns: licences added, the new total and the new number available — a negative number is an error the
 * administrator must fix before activating.
 *
 * In a container 480 px wide or narrower each licence becomes a card.
 *
 * @tag so-licence-list
 * @summary The licences of one owner, with usage, sorting, search, CSV export and details.
 * @fires {CustomEvent<SoLicenceSelectDetail>} so-licence-select - A licence name was activated and its details open. `detail: { ownerName, moduleName }`
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail.source`: `License`, or `License/Module` for a licence's details.
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @csspart toolbar - The search field and the download button.
 * @csspart search - The search field.
 * @csspart download - The *Download CSV* button.
 * @csspart count - The "5 of 21 licences" line while searching.
 * @csspart pending - The note about a pending licence.
 * @csspart blocker - The alert listing licences the pending licence would leave short.
 * @csspart table - The table of licences.
 * @csspart header - The header row (sort buttons).
 * @csspart group - A group of rows (system or user licences) under its heading.
 * @csspart heading - A group's heading.
 * @csspart row - A licence row; `nearly` or `full` is added when nearly or completely used up.
 * @csspart name - The licence name button.
 * @csspart plan - The "Plan" badge.
 * @csspart bar - The usage bar (an SVG).
 * @csspart badge - The "Nearly used up" / "Used up" badge.
 * @csspart details - The details of the open licence.
 * @csspart show-holders - *Show holders (N)* in a user licence's details.
 * @csspart remove-step - A short licence's link to its *Remove superfluous licences* step (a pending licence).
 * @csspart holders - The `<so-licence-holders>` opened in the details.
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 */
export class SoLicenceList extends KitElement {
  static override styles = [KitElement.styles, facts, iconStyles, styles];

  /** The licence owner (`OwnerName` in E1), e.g. `SUPEROFFICE` or a third-party add-on's code. */
  @property() owner = 'SUPEROFFICE';

  /** `system` or `user` shows only that group; `all` (default) both. */
  @property() kind: LicenceKind = 'all';

  /** @internal */
  @state() private query = '';
  /** @internal */
  @state() private sort?: { key: SortKey; direction: 'ascending' | 'descending' };
  /** @internal The module whose details are open. */
  @state() private open?: string;
  /** @internal The module whose holders are shown in its details (`<so-licence-holders>`, loaded on first use). */
  @state() private holdersOf?: string;

  /** @internal E2 answers by locale, owner and module: each licence's details load once per configuration. */
  private readonly detailCache = new Map<string, ModuleLicense>();
  /** @internal The configuration the cached details came from: another backend (or credentials) drops them. */
  private cachedFor?: ResolvedConfig;

  /** @internal */
  private readonly licences = new Resource(this, {
    source: 'License',
    localized: true,
    args: () => [this.owner] as const,
    load: async ([owner], { config, signal, fresh }): Promise<OwnerLicences | null> => {
      const info = (await getLicenses(config, { signal, fresh })).find((o) => o.Current.OwnerName === owner);
      if (!info) return null;
      const names = new Map(info.ExtendedModuleLicenses.map((m) => [m.Current.ModuleName.toLowerCase(), m.Current.ModuleDescription]));
      const blocked = info.New && !info.CanBeActivated ? info.Reason : null;
      const description = info.Current.OwnerDescription;
      return {
        rows: licenceRows(info),
        names,
        pending: !!info.New && info.CanBeActivated,
        blocked,
        description,
        serialNr: info.Current.SerialNr,
      };
    },
    isEmpty: (value) => !value || !this.inKind(value.rows).length,
  });

  /** @internal */
  private readonly details = new Resource(this, {
    source: 'License/Module',
    localized: true,
    enabled: () => this.open !== undefined,
    args: () => [this.owner, this.open ?? ''] as const,
    load: async ([owner, module], { config, signal, fresh }) => {
      const key = this.detailKey(owner, module);
      const cached = fresh ? undefined : this.detailCache.get(key);
      if (cached) return cached;
      const licence = await getModuleLicense(config, owner, module, { signal, fresh });
      if (config === this.cachedFor) this.detailCache.set(key, licence);
      return licence;
    },
  });

  /** Loads the data again, bypassing answers shared with other elements. */
  async refresh(): Promise<void> {
    this.detailCache.clear();
    await Promise.all([this.licences.refresh(), this.open === undefined ? undefined : this.details.refresh()]);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('owner')) this.open = undefined;
    if (this.cachedFor !== this.config) {
      this.detailCache.clear();
      this.cachedFor = this.config;
    }
  }

  /** @internal */
  private detailKey(owner: string, module: string): string {
    return `${getLocale()}|${owner}|${module}`;
  }

  /** @internal */
  private inKind(rows: readonly LicenceRow[]): LicenceRow[] {
    return this.kind === 'all' ? [...rows] : rows.filter((r) => r.group === this.kind);
  }

  /** @internal The rows after the kind, the search and the sort. */
  private shownRows(rows: readonly LicenceRow[]): LicenceRow[] {
    const q = fold(this.query.trim());
    const found = this.inKind(rows).filter((r) => !q || fold(r.name).includes(q));
    return this.sort ? sortRows(found, this.sort.key, this.sort.direction) : found;
  }

  override render() {
    return renderResource(
      this.licences,
      {
        failed: msg('Could not load the licences.', { id: 'list.failed' }),
        empty: this.emptyText(this.licences.value?.description),
        forbidden: msg('You do not have access to licence information.', { id: 'licence.forbidden' }),
      },
      (data) => this.renderList(data!),
    );
  }

  /** @internal Names the owner by its description when the server gave one, never by its code. */
  private emptyText(owner: string | undefined): string {
    return owner
      ? msg(str`There are no licences to show for ${isolate(owner)}.`, { id: 'list.empty' })
      : msg('There are no licences to show.', { id: 'list.empty-unknown' });
  }

  /** @internal */
  private columns(pending: boolean): Column[] {
    const count = (n: number, unrestricted = false) => (unrestricted ? unlimited() : isCount(n) ? formatNumber(n) : unreadableNumberText());
    const columns: Column[] = [
      { key: 'name', label: msg('Licence', { id: 'list.col-name' }), cell: (r) => this.renderName(r) },
      { key: 'inUse', label: msg('In use', { id: 'list.col-in-use' }), cell: (r) => count(r.inUse) },
      { key: 'free', label: msg('Available', { id: 'list.col-free' }), cell: (r) => count(r.free, r.unrestricted) },
      { key: 'total', label: msg('Total', { id: 'list.col-total' }), cell: (r) => count(r.total, r.unrestricted) },
      { key: 'usage', label: msg('Usage', { id: 'list.col-usage' }), cell: (r) => this.renderUsage(r) },
    ];
    if (!pending) return columns;
    return [
      ...columns,
      {
        key: 'added',
        label: msg('Added', { id: 'list.col-added' }),
        cell: (r) => (r.pending!.added > 0 ? `+${formatNumber(r.pending!.added)}` : formatNumber(r.pending!.added)),
      },
      { key: 'newTotal', label: msg('New total', { id: 'list.col-new-total' }), cell: (r) => count(r.pending!.newTotal, r.unrestricted) },
      { key: 'newFree', label: msg('New available', { id: 'list.col-new-free' }), cell: (r) => this.renderNewFree(r) },
    ];
  }

  /** @internal */
  private renderList(data: OwnerLicences) {
    const shown = this.shownRows(data.rows);
    const columns = this.columns(data.pending);
    const groups = [
      { key: 'system', title: msg('System licences', { id: 'list.system' }) },
      { key: 'user', title: msg('User licences', { id: 'list.user' }) },
    ].map((g) => ({ ...g, rows: shown.filter((r) => r.group === g.key) }));
    const query = this.query.trim();
    const n = formatNumber(shown.length);
    const all = formatNumber(this.inKind(data.rows).length);
    return html`${this.renderPending(data)}
      <div class="toolbar" part="toolbar">
        <div class="field">
          <label for="search">${msg('Search licences', { id: 'list.search' })}</label>
          <input id="search" part="search" type="search" autocomplete="off" .value=${this.query} @input=${this.onSearch} />
        </div>
        <button class="button" part="download" type="button" ?disabled=${!shown.length} @click=${() => this.download(groups.flatMap((g) => g.rows), data)}>
          ${downloadIcon} ${msg('Download CSV', { id: 'list.download' })}
        </button>
      </div>
      <p class="count" part="count" role="status">${query ? msg(str`${n} of ${all} licences`, { id: 'list.count' }) : ''}</p>
      ${shown.length
        ? html`<div class=${data.pending ? 'table-wrap pending' : 'table-wrap'}>
            ${this.renderTable(
              groups.filter((g) => g.rows.length),
              columns,
            )}
          </div>`
        : emptyTemplate(msg(str`No licences match “${isolate(query)}”.`, { id: 'list.no-match' }))}`;
  }

  /** @internal The pending licence: what activation changes, and what must be fixed first. */
  private renderPending(data: OwnerLicences) {
    if (data.blocked !== null) {
      const reason = data.blocked;
      return html`<p class="notice warning" part="pending" role="status">
        ${warningIcon}
        ${reason
          ? msg(str`A new licence is waiting but cannot be activated: ${isolate(reason)}`, { id: 'list.pending-blocked-reason' })
          : msg('A new licence is waiting but cannot be activated.', { id: 'list.pending-blocked' })}
      </p>`;
    }
    if (!data.pending) return nothing;
    const short = data.rows.filter((r) => r.pending!.newFree < 0);
    return html`<p class="notice info" part="pending" role="status">
        ${msg('A new licence is ready to be activated. Added, New total and New available show what activation changes.', {
          id: 'list.pending',
        })}
      </p>
      ${short.length
        ? html`<div class="notice error" part="blocker" role="alert">
            ${fullIcon}
            <div>
              <p>${msg('Before activating, remove users from these licences: the new licence has fewer than are in use.', { id: 'list.pending-short' })}</p>
              <ul>
                ${short.map((r) => {
                  const name = r.name;
                  const over = formatNumber(-r.pending!.newFree);
                  return html`<li>
                    ${msg(str`${isolate(name)}: ${over} too many in use`, { id: 'list.pending-over' })}
                    <button class="link" part="remove-step" type="button" @click=${() => this.openRemoveStep(r.moduleName)}>
                      ${msg('Remove superfluous licences', { id: 'list.remove-step' })}
                    </button>
                  </li>`;
                })}
              </ul>
            </div>
          </div>`
        : nothing}`;
  }

  /**
   * @internal One table, so the groups' columns line up; each group is a row group under its own heading row.
   * Explicit table roles: the card layout changes `display`, which makes some browsers drop table semantics.
   */
  private renderTable(groups: { key: string; title: string; rows: LicenceRow[] }[], columns: Column[]) {
    return html`<table role="table" part="table" @keydown=${this.onTableKey}>
      <caption class="visually-hidden">${msg('Licences', { id: 'list.caption' })}</caption>
      <thead role="rowgroup">
        <tr role="row" part="header">${columns.map((c) => this.renderHeader(c))}</tr>
      </thead>
      ${groups.map(
        (g) => html`<tbody role="rowgroup" part="group">
          <tr role="row" class="group-row">
            <th role="rowheader" scope="rowgroup" colspan=${columns.length}>
              ${heading(this.level(), g.title, { part: 'heading', class: 'group-heading' })}
            </th>
          </tr>
          ${g.rows.map((r) => keyed(r.moduleName, this.renderRow(r, columns)))}
        </tbody>`,
      )}
    </table>`;
  }

  /** @internal */
  private renderHeader(c: Column) {
    const direction = this.sort?.key === c.key ? this.sort.direction : undefined;
    return html`<th role="columnheader" scope="col" class=${c.key} aria-sort=${ifDefined(direction)}>
      <button type="button" class="sort" @click=${() => this.sortBy(c.key)}>
        <span>${c.label}</span>${sortIcons[direction ?? 'none']}
      </button>
    </th>`;
  }

  /** @internal */
  private renderRow(r: LicenceRow, columns: Column[]) {
    const open = this.open === r.moduleName;
    const level = r.level === 'ok' ? '' : r.level;
    return html`<tr role="row" class="${level} ${open ? 'open' : ''}" part=${level ? `row ${level}` : 'row'}>
        ${columns.map((c) =>
          c.key === 'name'
            ? html`<th role="rowheader" scope="row" class="name">${c.cell(r)}</th>`
            : html`<td role="cell" class=${c.key} data-label=${c.label}>${c.cell(r)}</td>`,
        )}
      </tr>
      ${open
        ? html`<tr role="row" class="details-row">
            <td role="cell" colspan=${columns.length} id="details" part="details">
              ${this.renderDetails(r)}
            </td>
          </tr>`
        : nothing}`;
  }

  /** @internal */
  private renderName(r: LicenceRow) {
    const open = this.open === r.moduleName;
    return html`<button
        type="button"
        class="name"
        part="name"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'details' : nothing}
        @click=${() => this.toggle(r)}
      >
        ${r.name}
      </button>
      ${r.plan ? html`<span class="plan" part="plan">${msg('Plan', { id: 'list.plan' })}</span>` : nothing}`;
  }

  /** @internal The usage bar: an SVG whose fill width is an attribute (no inline style), named "17 of 21 in use". */
  private renderUsage(r: LicenceRow) {
    if (r.unrestricted) return nothing;
    const inUse = formatNumber(r.inUse);
    const total = formatNumber(r.total);
    return html`<span class="meter">
        <svg class="bar" part="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label=${msg(str`${inUse} of ${total} in use`, { id: 'list.usage' })}>
          <rect class="track" width="100" height="8"></rect>
          <rect class="fill" width=${svgNumber(Math.round(r.usage * 100), 0, 100)} height="8"></rect>
        </svg>
        <span class="percent">${formatPercent(r.usage)}</span>
      </span>
      ${r.level === 'full'
        ? html`<span class="badge full" part="badge">${fullIcon}${msg('Used up', { id: 'list.full' })}</span>`
        : r.level === 'nearly'
          ? html`<span class="badge nearly" part="badge">${warningIcon}${msg('Nearly used up', { id: 'list.nearly' })}</span>`
          : nothing}`;
  }

  /** @internal */
  private renderNewFree(r: LicenceRow) {
    if (r.unrestricted) return unlimited();
    const value = formatNumber(r.pending!.newFree);
    return r.pending!.newFree < 0
      ? html`<span class="short">${fullIcon}${value}<span class="visually-hidden">${msg('(too few)', { id: 'list.too-few' })}</span></span>`
      : value;
  }

  /** @internal */
  private renderDetails(r: LicenceRow) {
    const cached = this.detailCache.get(this.detailKey(this.owner, r.moduleName));
    const details = cached
      ? this.renderModule(cached)
      : renderResource(
          this.details,
          {
            failed: msg(str`Could not load the details of ${isolate(r.name)}.`, { id: 'list.details-failed' }),
            forbidden: msg('You do not have access to licence information.', { id: 'licence.forbidden' }),
          },
          (m) => this.renderModule(m),
        );
    return html`${details}${r.group === 'user' ? this.renderHoldersOf(r) : nothing}`;
  }

  /** @internal *Show holders (N)* of a user licence; opens `<so-licence-holders>` in place. */
  private renderHoldersOf(r: LicenceRow) {
    const shown = this.holdersOf === r.moduleName;
    const n = formatNumber(r.inUse);
    return html`<button
        class="button holders-toggle"
        part="show-holders"
        type="button"
        aria-expanded=${shown ? 'true' : 'false'}
        aria-controls="holders"
        @click=${() => this.toggleHolders(r.moduleName)}
      >
        ${shown ? msg('Hide holders', { id: 'list.hide-holders' }) : msg(str`Show holders (${n})`, { id: 'list.show-holders' })}
      </button>
      <div id="holders">
        ${shown && customElements.get('so-licence-holders')
          ? html`<so-licence-holders
              part="holders"
              .owner=${this.owner}
              .module=${r.moduleName}
              .mustRemove=${r.pending && r.pending.newFree < 0 ? -r.pending.newFree : 0}
              api-base=${this.apiBase}
              heading-level=${this.level(1)}
            ></so-licence-holders>`
          : nothing}
      </div>`;
  }

  /** @internal A pending licence's short row: its details open on the *Remove superfluous licences* step. */
  private async openRemoveStep(module: string): Promise<void> {
    this.open = module;
    await import('../licence-holders/define.js');
    this.holdersOf = module;
    await this.updateComplete;
    const holders = this.renderRoot.querySelector<HTMLElement>('so-licence-holders');
    holders?.scrollIntoView({ block: 'nearest' });
    this.renderRoot.querySelector<HTMLElement>('[part~=show-holders]')?.focus();
  }

  /** @internal Loads `<so-licence-holders>` on first use. */
  private async toggleHolders(module: string): Promise<void> {
    if (this.holdersOf === module) {
      this.holdersOf = undefined;
      return;
    }
    await import('../licence-holders/define.js');
    this.holdersOf = module;
  }

  /** @internal */
  private renderModule(m: ModuleLicense) {
    const names = this.licences.value?.names;
    const nameOf = (module: string) => names?.get(module.toLowerCase()) || module;
    const includes = m.ExtraFlags === 1 ? planIncludes(m.ExtraInfo) : [];
    const fact = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<div class="details">
      ${m.ModuleTooltip ? html`<p class="tooltip">${m.ModuleTooltip}</p>` : nothing}
      <dl class="facts">
        ${fact(msg('Type', { id: 'list.type' }), this.typeLabel(m.LicenseType, m.ExtraFlags === 1))}
        ${m.ModuleVersion ? fact(msg('Version', { id: 'list.version' }), m.ModuleVersion) : nothing}
        ${m.AllowedUserType ? fact(msg('Allowed user type', { id: 'list.user-type' }), this.userTypeLabel(m.AllowedUserType)) : nothing}
        ${m.PrerequisiteModuleName ? fact(msg('Requires', { id: 'list.requires' }), nameOf(m.PrerequisiteModuleName)) : nothing}
        ${includes.length
          ? fact(msg('Includes', { id: 'list.includes' }), html`<ul>${includes.map((i) => html`<li>${nameOf(i)}</li>`)}</ul>`)
          : nothing}
      </dl>
    </div>`;
  }

  /** @internal */
  private typeLabel(type: LicenseType, plan: boolean): string {
    switch (type) {
      case 'SiteLicense':
        return msg('System licence', { id: 'list.type-site' });
      case 'SatelliteLicense':
        return msg('Satellite licence', { id: 'list.type-satellite' });
      case 'UserLicense':
        return plan ? msg('User plan', { id: 'list.type-plan' }) : msg('User licence', { id: 'list.type-user' });
      default:
        return msg('Unknown', { id: 'list.type-unknown' });
    }
  }

  /** @internal */
  private userTypeLabel(type: string): string {
    const labels: Record<string, () => string> = {
      Unknown: () => msg('Unknown user type', { id: 'formats.user-unknown' }),
      InternalAssociate: () => msg('Internal user', { id: 'list.user-internal' }),
      ResourceAssociate: () => msg('Resource', { id: 'formats.user-resource' }),
      ExternalAssociate: () => msg('External user', { id: 'list.user-external' }),
      AnonymousAssociate: () => msg('Anonymous user', { id: 'list.user-anonymous' }),
      SystemAssociate: () => msg('System user', { id: 'list.user-system' }),
    };
    return labels[type]?.() ?? type;
  }

  /** @internal */
  private readonly onSearch = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
  };

  /** @internal Ascending first, then each activation flips the direction. */
  private sortBy(key: SortKey): void {
    const ascending = this.sort?.key !== key || this.sort.direction === 'descending';
    this.sort = { key, direction: ascending ? 'ascending' : 'descending' };
  }

  /** @internal */
  private toggle(r: LicenceRow): void {
    if (this.open === r.moduleName) {
      this.open = undefined;
      return;
    }
    this.open = r.moduleName;
    this.emit('so-licence-select', { ownerName: r.ownerName, moduleName: r.moduleName });
  }

  /** @internal Escape in the table closes the open details and puts focus on the licence name. */
  private readonly onTableKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || this.open === undefined) return;
    // Escape inside the holders (a panel, a dialog) is theirs.
    if (e.composedPath().some((n) => (n as Element).localName === 'so-licence-holders')) return;
    e.preventDefault();
    this.renderRoot.querySelector<HTMLButtonElement>('button.name[aria-expanded="true"]')?.focus();
    this.open = undefined;
  };

  /**
   * @internal The rows shown, in screen order, as a CSV file named after the owner, its serial number and the day:
   * licence, type, in use, available, total, and an *Unlimited* column (available and total are empty there).
   */
  private download(rows: LicenceRow[], data: OwnerLicences): void {
    const [name, inUse, free, total] = this.columns(false).map((c) => c.label);
    const yes = msg('Yes', { id: 'list.yes' });
    const limit = (n: number, r: LicenceRow) => (r.unrestricted ? null : n);
    downloadCsv(this.renderRoot, csvFileName(['licences', this.owner, data.serialNr]), [
      [name, msg('Type', { id: 'list.type' }), inUse, free, total, unlimited()],
      ...rows.map((r) => [r.name, this.typeLabel(r.type, r.plan), r.inUse, limit(r.free, r), limit(r.total, r), r.unrestricted ? yes : '']),
    ]);
  }
}
