import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../../localization.js';
import { getLicenses, getUserLicenses, getUsers } from '../../api/endpoints.js';
import { formatNumber } from '../../core/format.js';
import { KitElement } from '../../core/kit-element.js';
import { tabStyles } from '../../core/tabs.styles.js';
import { PagedList } from '../../core/paged-list.js';
import { Resource } from '../../core/resource.js';
import { RowFocus } from '../../core/row-focus.js';
import { TabKeys } from '../../core/tab-keys.js';
import { emptyTemplate, reasonOf, renderResource } from '../../core/states.js';
import { VirtualWindow } from '../../core/virtual-window.js';
import { getLocale } from '../../localization.js';
import type { SoChangeEvent } from '../../events.js';
import { initials, portraitUrl } from '../../core/portrait.js';
import { styles } from './user-licence-filter.styles.js';
import {
  assignmentsOf,
  filterUsers,
  moduleIndex,
  prerequisiteOf,
  toEntry,
  userLicences,
  type ModuleIndex,
  type OwnerAssignments,
  type UserEntry,
  type UserLicence,
} from './users.js';
import { isolate } from '../../core/bidi.js';

/** The two user lists: *Associates* (E8 InternalUsers) and *Other users* (system and anonymous users). */
const TABS = ['internal', 'other'] as const;
type Tab = (typeof TABS)[number];

/** Users per request (`$top`). */
const PAGE_SIZE = 200;
/** Pages (of PAGE_SIZE) a search that finds nobody reads on its own per user action, before it asks to go on. */
const SCAN_PAGES = 5;
/** `aria-rowindex` of the first user row (the header row is 1). */
const FIRST_ROW = 2;

const checkIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const dashIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5.5 8h5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;
const closeIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/**
 * Who holds which user licence. A licence-type picker (every user licence that is not hidden, plans first, with
 * how many are in use) filters the two user lists *Associates* and *Other users* (tabs); a text search over full name
 * and user id narrows them further. Each user shows portrait, user id, full name, group, role and user plan.
 * Activating a user (click, Enter or Space) opens their licence assignments next to the list.
 *
 * Large tenants: the user archives are read 200 rows at a time as the list is scrolled, and only the rows in view
 * are rendered. A picked licence narrows the archive on the server (`$filter`); `$select` asks only for the user
 * columns and that licence's column (a user's licences are in the panel, from E9). The text search runs over the
 * rows loaded so far; a search that finds nobody reads at most 5 more pages per user action, then asks to go on.
 *
 * Keyboard: ←/→, Home/End move between the tabs; in the list ↑/↓, Home/End and PageUp/PageDown move between users,
 * Enter or Space opens their licences; Escape in the licence panel closes it.
 *
 * @tag so-user-licence-filter
 * @summary Users and the licences they hold, filtered by licence type.
 * @fires {Event} change - The user picked another licence type; read `value`. Not fired when `value` is set by script.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail.source`: `License`, `Archive/InternalUsers`,
 *   `Archive/OtherUsers` or `License/User` (a user's assignments).
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @csspart toolbar - The picker and the search field.
 * @csspart picker - The licence-type `<select>`.
 * @csspart search - The search field.
 * @csspart tabs - The tab list.
 * @csspart tab - A tab; `selected` is added to the current one.
 * @csspart panel - A tab panel.
 * @csspart count - The "12 of 240 users" line.
 * @csspart skipped - The "2 users could not be read" line.
 * @csspart table - The grid of users (it scrolls).
 * @csspart header - The header row group.
 * @csspart row - A user row; `selected` is added to the one whose licences are shown.
 * @csspart selected - The tab or user row that is selected.
 * @csspart scan-further - The button that reads on after a search found nobody in the pages it read.
 * @csspart footer - The line under the grid: loading more users, or what failed.
 * @csspart details - The panel with the selected user's licence assignments.
 * @csspart close - The panel's close button.
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 * @cssprop [--so-users-height=28rem] - Height of the scrolling user grid.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below types its events
export class SoUserLicenceFilter extends KitElement {
  static override styles = [KitElement.styles, tabStyles, styles];

  /**
   * The picked licence: its archive column `{owner}_{module}` in lower case (e.g. `superoffice_ten-sales`), or `''`
   * for all users. A column that is not one of the picker's licences shows all users.
   */
  @property({ reflect: true }) value = '';

  /** @internal */
  @state() private tab: Tab = 'internal';
  /** @internal The text search. */
  @state() private query = '';
  /** @internal Tabs opened so far: their lists load. */
  @state() private opened: ReadonlySet<Tab> = new Set(['internal']);
  /** @internal The user whose licences are shown, per tab. */
  @state() private selected: Partial<Record<Tab, UserEntry>> = {};
  /** @internal Portrait URLs that did not load. */
  @state() private brokenPortraits: ReadonlySet<string> = new Set();

  /** @internal */
  private readonly licences = new Resource(this, {
    source: 'License',
    localized: true,
    load: (_args, { config, signal, fresh }) =>
      getLicenses(config, { signal, fresh }).then((owners) => {
        this.modules = moduleIndex(owners);
        return userLicences(owners);
      }),
  });

  /** @internal */
  private readonly lists: Record<Tab, PagedList<UserEntry>> = {
    internal: this.pagedList('internal'),
    other: this.pagedList('other'),
  };

  /** @internal */
  private readonly users = {
    internal: this.usersResource('internal'),
    other: this.usersResource('other'),
  };

  /** @internal E9 of the selected user; answers are kept per user and locale, so each is loaded once. */
  private readonly assignments = new Resource(this, {
    source: 'License/User',
    localized: true,
    enabled: () => this.selectedUser !== undefined,
    args: () => [this.selectedUser?.row.associateDbId ?? 0] as const,
    load: async ([id], { config, signal, fresh }) => {
      const owners = assignmentsOf(await getUserLicenses(config, id, { signal, fresh }));
      this.assignmentCache.set(`${getLocale()}|${id}`, owners);
      return owners;
    },
    isEmpty: (owners) => owners.length === 0,
  });

  /** @internal */
  private readonly assignmentCache = new Map<string, OwnerAssignments[]>();

  /** @internal Every module of E1 by owner and name: localized names and prerequisites for the assignments. */
  private modules: ModuleIndex = new Map();

  /** @internal */
  private readonly window = new VirtualWindow(this, {
    rowSelector: '.body > [role=row]',
    estimate: 60,
    nearEnd: (wanted) => this.lists[this.tab].more(wanted),
  });

  /** @internal */
  private readonly rowFocus = new RowFocus<UserEntry>(this, {
    rows: () => this.visibleRows(),
    key: (e) => e.row.PrimaryKey,
    window: this.window,
    rowSelector: '.body > [role=row]',
    firstRowIndex: FIRST_ROW,
    activate: (e) => (this.selected = { ...this.selected, [this.tab]: e }),
  });

  /** @internal */
  private readonly tabKeys = new TabKeys<Tab>(this, {
    tabs: () => TABS,
    selected: () => this.tab,
    select: (tab) => this.selectTab(tab),
    element: (tab) => this.shadowRoot?.getElementById(`tab-${tab}`),
  });

  /** @internal Pages a search that finds nobody may still read before it asks (reset by each user action). */
  private scanBudget = SCAN_PAGES;

  /** @internal The last filter result (filtering runs once per change of rows, licence or search). */
  private filtered?: { rows: readonly UserEntry[]; column: string; query: string; result: readonly UserEntry[] };

  /** Loads everything again, bypassing answers shared with other elements. */
  async refresh(): Promise<void> {
    this.assignmentCache.clear();
    await this.licences.refresh();
    await Promise.all([...TABS.filter((t) => this.opened.has(t)).map((t) => this.users[t].refresh()), this.assignments.refresh()]);
  }

  /** @internal */
  private pagedList(list: Tab): PagedList<UserEntry> {
    return new PagedList<UserEntry>(this, {
      pageSize: PAGE_SIZE,
      key: (e) => e.row.PrimaryKey,
      fetchPage: async (page, { config, signal, fresh }) => {
        // Only what the view needs: the user columns, and the picked licence's column (the server narrows by it).
        const holders = this.licence?.column;
        const columns = holders ? [holders] : [];
        const answer = await getUsers(config, list, columns, page, { signal, fresh, holders });
        return { ...answer, value: answer.value.map((row) => toEntry(row, columns)) };
      },
    });
  }

  /** @internal The first page of a user list, once its tab was opened and the licences are known. */
  private usersResource(list: Tab) {
    return new Resource(this, {
      source: list === 'internal' ? 'Archive/InternalUsers' : 'Archive/OtherUsers',
      enabled: () => this.opened.has(list) && this.licences.value !== undefined,
      args: () => [this.licence?.column ?? ''] as const,
      load: async (_args, context) => {
        await this.lists[list].first(context);
        return this.lists[list].rows;
      },
      // Nobody holding the picked licence is the filter's answer ("No users hold …"), not an empty list.
      isEmpty: (rows) => rows.length === 0 && !this.licence,
    });
  }

  /** @internal The picked licence, if `value` names one of the picker's. */
  private get licence(): UserLicence | undefined {
    const column = this.value.toLowerCase();
    return column ? this.licences.value?.find((l) => l.column === column) : undefined;
  }

  /** @internal */
  private get selectedUser(): UserEntry | undefined {
    return this.selected[this.tab];
  }

  /** @internal The current tab's loaded users that pass the licence filter and the search. */
  private visibleRows(): readonly UserEntry[] {
    const rows = this.lists[this.tab].rows;
    const column = this.licence?.column ?? '';
    const f = this.filtered;
    if (f?.rows === rows && f.column === column && f.query === this.query) return f.result;
    const result = filterUsers(rows, column, this.query);
    this.filtered = { rows, column, query: this.query, result };
    return result;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Every user action (another licence, search or list) may read a few more pages on its own, no more.
    if (changed.has('value') || changed.has('query') || changed.has('tab')) this.scanBudget = SCAN_PAGES;
  }

  protected override updated(): void {
    // A search that matches none of the loaded users reads on (SCAN_PAGES pages per user action), then asks.
    const list = this.lists[this.tab];
    if (this.users[this.tab].state !== 'loaded' || this.visibleRows().length > 0 || this.scanBudget <= 0) return;
    queueMicrotask(() => {
      if (list.complete || list.loadingMore || list.moreError || this.scanBudget <= 0) return;
      list.more();
      if (list.loadingMore) this.scanBudget--;
    });
  }

  /** @internal The user asked to read on after a scan found nobody. */
  private readonly scanFurther = () => {
    this.scanBudget = SCAN_PAGES;
    this.requestUpdate();
  };

  override render() {
    return renderResource(
      this.licences,
      {
        failed: msg('Could not load the licences.', { id: 'users.licences-failed' }),
        forbidden: msg('You do not have access to licence information.', { id: 'licence.forbidden' }),
      },
      (licences) => html`${this.renderToolbar(licences)}
        <div class="tabs" role="tablist" part="tabs" aria-label=${msg('User lists', { id: 'users.lists' })} @keydown=${this.tabKeys.onKeyDown}>
          ${TABS.map((tab) => {
            const current = tab === this.tab;
            return html`<button
              type="button"
              role="tab"
              id="tab-${tab}"
              part=${current ? 'tab selected' : 'tab'}
              aria-selected=${current ? 'true' : 'false'}
              aria-controls="panel-${tab}"
              tabindex=${current ? 0 : -1}
              @click=${() => this.selectTab(tab)}
            >
              ${tab === 'internal' ? msg('Associates', { id: 'users.associates' }) : msg('Other users', { id: 'users.others' })}
            </button>`;
          })}
        </div>
        ${TABS.map(
          (tab) => html`<div class="tabpanel" role="tabpanel" part="panel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${tab !== this.tab}>
            ${tab === this.tab ? this.renderUsersOf(tab) : nothing}
          </div>`,
        )}`,
    );
  }

  /** @internal */
  private renderToolbar(licences: UserLicence[]) {
    const picked = this.licence?.column ?? '';
    const group = (label: string, items: UserLicence[]) =>
      items.length
        ? html`<optgroup label=${label}>
            ${items.map((l) => html`<option value=${l.column} .selected=${l.column === picked}>${this.optionText(l)}</option>`)}
          </optgroup>`
        : nothing;
    return html`<div class="toolbar" part="toolbar">
      <div class="field">
        <label for="licence">${msg('Licence type', { id: 'users.picker' })}</label>
        <select id="licence" part="picker" @change=${this.onPick}>
          <option value="" .selected=${!picked}>${msg('All users', { id: 'users.all' })}</option>
          ${group(msg('Plans', { id: 'users.plans' }), licences.filter((l) => l.plan))}
          ${group(msg('Other user licences', { id: 'users.other-licences' }), licences.filter((l) => !l.plan))}
        </select>
      </div>
      <div class="field">
        <label for="search">${msg('Search users', { id: 'users.search' })}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder=${msg('Name or user id', { id: 'users.search-hint' })}
          .value=${this.query}
          @input=${this.onSearch}
        />
      </div>
    </div>`;
  }

  /** @internal "Sales Premium (12 of 15 in use)". */
  private optionText(l: UserLicence): string {
    const name = l.name;
    const inUse = formatNumber(l.inUse);
    if (l.unrestricted) return msg(str`${isolate(name)} (${inUse} in use, unlimited)`, { id: 'users.option-unlimited' });
    const total = formatNumber(l.total);
    return msg(str`${isolate(name)} (${inUse} of ${total} in use)`, { id: 'users.option' });
  }

  /** @internal */
  private renderUsersOf(tab: Tab) {
    return renderResource(
      this.users[tab],
      {
        failed: msg('Could not load the users.', { id: 'users.failed' }),
        empty:
          tab === 'internal'
            ? msg('There are no associates.', { id: 'users.empty-internal' })
            : msg('There are no other users.', { id: 'users.empty-other' }),
        forbidden: msg('You do not have access to the user lists.', { id: 'users.forbidden' }),
      },
      () => {
        const rows = this.visibleRows();
        const list = this.lists[tab];
        const user = this.selected[tab];
        return html`<p class="count" part="count" role="status">${this.countText(rows.length, list)}</p>
          ${this.renderSkipped(list)}
          <div class="layout ${user ? 'with-details' : ''}">
            <div class="list">
              ${rows.length
                ? this.renderGrid(tab, rows, list)
                : list.complete
                  ? emptyTemplate(this.noMatchText())
                  : this.renderScanPaused(list)}
              ${this.renderFooter(list)}
            </div>
            ${user ? this.renderDetails(user) : nothing}
          </div>`;
      },
    );
  }

  /** @internal A search found nobody in the pages it may read per action: say so and offer to read on. */
  private renderScanPaused(list: PagedList<UserEntry>) {
    if (this.scanBudget > 0 || list.loadingMore || list.moreError) return nothing;
    const searched = formatNumber(list.rows.length);
    return html`<div class="state empty scan" part="state" role="status">
      <p>${msg(str`No match among the first ${searched} users. More users remain.`, { id: 'users.scan-paused' })}</p>
      <button class="button" part="scan-further" type="button" @click=${this.scanFurther}>
        ${msg(str`Search the next ${formatNumber(SCAN_PAGES * PAGE_SIZE)} users`, { id: 'users.scan-further' })}
      </button>
    </div>`;
  }

  /**
   * @internal "12 of 240 users"; while pages remain, how many are loaded of the server's total (`odata.count`), or
   * without a total, how many are loaded so far.
   */
  private countText(shown: number, list: PagedList<UserEntry>): string {
    const loaded = list.rows.length;
    const n = formatNumber(shown);
    const total = formatNumber(loaded);
    // A picked licence usually narrows on the server: then every loaded user is shown and there is nothing to compare.
    const filtering = (!!this.licence || !!this.query.trim()) && shown !== loaded;
    if (!list.complete && list.reported !== undefined) {
      const all = formatNumber(list.reported);
      return filtering
        ? msg(str`${n} matching among the first ${total} of ${all} users`, { id: 'formats.count-filtered-of-total' })
        : msg(str`${total} of ${all} users`, { id: 'formats.count-of-total' });
    }
    if (!list.complete) {
      return filtering
        ? msg(str`${n} of ${total} users loaded so far`, { id: 'users.count-partial-filtered' })
        : msg(str`${total} users loaded so far`, { id: 'users.count-partial' });
    }
    if (filtering) return msg(str`${n} of ${total} users`, { id: 'users.count-filtered' });
    return loaded === 1 ? msg('1 user', { id: 'users.count-one' }) : msg(str`${total} users`, { id: 'users.count' });
  }

  /** @internal Rows the server sent that could not be read: counted, never silently dropped. */
  private renderSkipped(list: PagedList<UserEntry>) {
    const n = list.skipped;
    if (!n) return nothing;
    const count = formatNumber(n);
    return html`<p class="notice warning" part="skipped" role="status">
      ${n === 1
        ? msg('1 user could not be read.', { id: 'formats.users-skipped-one' })
        : msg(str`${count} users could not be read.`, { id: 'formats.users-skipped' })}
    </p>`;
  }

  /** @internal The empty result of the filter, as a sentence. */
  private noMatchText(): string {
    const name = this.licence?.name;
    const query = this.query.trim();
    if (name && query) return msg(str`No users who hold ${isolate(name)} match “${isolate(query)}”.`, { id: 'users.no-match-both' });
    if (name) return msg(str`No users hold ${isolate(name)}.`, { id: 'users.no-holders' });
    return msg(str`No users match “${isolate(query)}”.`, { id: 'users.no-match' });
  }

  /** @internal */
  private renderGrid(tab: Tab, rows: readonly UserEntry[], list: PagedList<UserEntry>) {
    // Unfiltered, the list is sized from the server's total so the scrollbar shows every user; filtered, from the matches.
    const filtering = !!this.licence || !!this.query.trim();
    const total = filtering ? (list.complete ? rows.length : undefined) : list.total;
    const [start, end] = this.window.range(filtering ? rows.length : (total ?? rows.length), rows.length);
    const tabStop = this.rowFocus.tabStop;
    const selectedKey = this.selected[tab]?.row.PrimaryKey;
    return html`<div
      class="grid"
      part="table"
      role="grid"
      tabindex="-1"
      aria-labelledby="tab-${tab}"
      aria-rowcount=${total === undefined ? -1 : total + 1}
      aria-colcount="4"
      ${ref(this.window.attach)}
      @click=${this.rowFocus.onClick}
      @keydown=${this.rowFocus.onKeyDown}
      @focusin=${this.rowFocus.onFocusIn}
    >
      <div class="head" role="rowgroup" part="header">
        <div class="row" role="row" aria-rowindex="1">
          <div class="cell c-name" role="columnheader">${msg('Name', { id: 'users.name' })}</div>
          <div class="cell c-group" role="columnheader">${msg('Group', { id: 'users.group' })}</div>
          <div class="cell c-role" role="columnheader">${msg('Role', { id: 'users.role' })}</div>
          <div class="cell c-plan" role="columnheader">${msg('User plan', { id: 'users.plan' })}</div>
        </div>
      </div>
      <div class="body" role="rowgroup">
        ${this.window.spacer('before')}
        ${rows.slice(start, end).map((e, i) => {
            const r = e.row;
            const selected = r.PrimaryKey === selectedKey;
            return keyed(e.row.PrimaryKey, html`<div
              class="row ${e.active ? '' : 'inactive'}"
              role="row"
              part=${selected ? 'row selected' : 'row'}
              aria-rowindex=${start + i + FIRST_ROW}
              aria-selected=${selected ? 'true' : 'false'}
              tabindex=${start + i === tabStop ? 0 : -1}
            >
              <div class="cell c-name" role="gridcell">
                ${this.renderPortrait(r.portraitThumbnail, r.fullName, r.assocName)}
                <span class="who">
                  <span class="name">${r.fullName || r.assocName}</span>
                  <span class="id">${r.assocName}${e.active ? nothing : html` <span class="badge">${msg('Inactive', { id: 'users.inactive' })}</span>`}</span>
                </span>
              </div>
              <div class="cell c-group" role="gridcell">${r.usergroup}</div>
              <div class="cell c-role" role="gridcell">${r.role}</div>
              <div class="cell c-plan" role="gridcell">${r.userplan}</div>
            </div>`);
          })}
        ${this.window.spacer('after')}
      </div>
    </div>`;
  }

  /** @internal A portrait when its URL is safe and loads; otherwise initials. */
  private renderPortrait(url: string, fullName: string, userId: string) {
    const src = portraitUrl(url, this.config.apiBase);
    return src && !this.brokenPortraits.has(src)
      ? html`<img class="avatar" src=${src} alt="" width="32" height="32" decoding="async" @error=${this.onPortraitError} />`
      : html`<span class="avatar initials" aria-hidden="true">${initials(fullName, userId)}</span>`;
  }

  /** @internal Under the grid: next page loading, or what failed with *Try again*. Always there, to be announced. */
  private renderFooter(list: PagedList<UserEntry>) {
    const error = list.moreError;
    return html`<div class="footer" part="footer" role=${error ? 'alert' : 'status'}>
      ${error
        ? html`<p><strong>${msg('Could not load more users.', { id: 'users.more-failed' })}</strong> ${reasonOf(error)}</p>
            <button class="button" part="retry" type="button" @click=${() => list.retry()}>
              ${msg('Try again', { id: 'state.retry' })}
            </button>`
        : list.loadingMore
          ? html`<span class="spinner" aria-hidden="true"></span>
              <p>${msg('Loading more users…', { id: 'users.more-loading' })}</p>`
          : nothing}
    </div>`;
  }

  /** @internal The selected user's licence assignments (E9). */
  private renderDetails(user: UserEntry) {
    const r = user.row;
    const cached = this.assignmentCache.get(`${getLocale()}|${r.associateDbId}`);
    return html`<section class="details" part="details" role="region" aria-labelledby="details-name" @keydown=${this.onDetailsKeyDown}>
      <header class="details-head">
        ${this.renderPortrait(r.portraitThumbnail, r.fullName, r.assocName)}
        <div class="who">
          <h3 id="details-name" class="name">${r.fullName || r.assocName}</h3>
          <p class="id">${r.assocName}</p>
        </div>
        <button class="close" part="close" type="button" aria-label=${msg('Close', { id: 'users.close' })} @click=${this.closeDetails}>
          ${closeIcon}
        </button>
      </header>
      <h4 class="details-title">${msg('Licence assignments', { id: 'users.assignments' })}</h4>
      ${cached?.length
        ? this.renderAssignments(cached)
        : renderResource(
            this.assignments,
            {
              failed: msg('Could not load the licence assignments.', { id: 'users.assignments-failed' }),
              empty: msg('This user has no user licences to assign.', { id: 'users.assignments-empty' }),
              forbidden: msg('You do not have access to licence assignments.', { id: 'users.assignments-forbidden' }),
            },
            (owners) => this.renderAssignments(owners),
          )}
    </section>`;
  }

  /** @internal Per owner, each licence assigned or not: icon and text, never colour alone. */
  private renderAssignments(owners: OwnerAssignments[]) {
    return owners.map(
      (o) => html`<h5 class="owner">${o.description}</h5>
        <ul class="assignments">
          ${o.licences.map(
            (l) => html`<li class=${l.Assigned ? 'assigned' : 'unassigned'}>
              ${l.Assigned ? checkIcon : dashIcon}
              <span class="licence">${l.Description || l.Name}${this.renderPrerequisite(o.name, l.Name)}</span>
              <span class="status">
                ${l.Assigned ? msg('Assigned', { id: 'users.assigned' }) : msg('Not assigned', { id: 'users.not-assigned' })}
              </span>
            </li>`,
          )}
        </ul>`,
    );
  }

  /** @internal "requires Sales user": the prerequisite licence (E1 `PrerequisiteModuleName`) by its localized name. */
  private renderPrerequisite(ownerName: string, moduleName: string) {
    const prerequisite = prerequisiteOf(this.modules, ownerName, moduleName);
    return prerequisite
      ? html` <span class="requires">${msg(str`requires ${prerequisite}`, { id: 'formats.requires' })}</span>`
      : nothing;
  }

  /** @internal */
  private readonly onPick = (e: Event) => {
    this.value = (e.target as HTMLSelectElement).value;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    void this.window.reveal(0);
  };

  /** @internal */
  private readonly onSearch = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
    void this.window.reveal(0);
  };

  /** @internal */
  private selectTab(tab: Tab): void {
    this.tab = tab;
    if (!this.opened.has(tab)) this.opened = new Set([...this.opened, tab]);
  }

  /** @internal */
  private readonly onDetailsKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') void this.closeDetails();
  };

  /** @internal Closes the licence panel; focus returns to the list. */
  private readonly closeDetails = async () => {
    const key = this.selectedUser?.row.PrimaryKey;
    this.selected = { ...this.selected, [this.tab]: undefined };
    await this.updateComplete;
    const index = this.rowFocus.indexOf(key);
    if (index >= 0) await this.rowFocus.focus(index);
  };

  /** @internal */
  private readonly onPortraitError = (e: Event) => {
    const src = (e.target as HTMLImageElement).getAttribute('src');
    if (src) this.brokenPortraits = new Set([...this.brokenPortraits, src]);
  };
}

/** The events of `<so-user-licence-filter>`: the DOM's and the kit's, with `change` typed for this element. */
export interface SoUserLicenceFilterEventMap extends HTMLElementEventMap {
  change: SoChangeEvent<SoUserLicenceFilter>;
}

// Typed listeners, the way lib.dom types <video> and the other elements with their own event maps.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- merges into the class above
export interface SoUserLicenceFilter {
  addEventListener<K extends keyof SoUserLicenceFilterEventMap>(
    type: K,
    listener: (this: SoUserLicenceFilter, ev: SoUserLicenceFilterEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SoUserLicenceFilterEventMap>(
    type: K,
    listener: (this: SoUserLicenceFilter, ev: SoUserLicenceFilterEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
