import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { keyed } from 'lit/directives/keyed.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '../../localization.js';
import { getLicenses, getUserLicenses, getUsers, type UserSortColumn } from '../../api/endpoints.js';
import { onInvalidate } from '../../api/client.js';
import type { ResolvedConfig } from '../../api/config.js';
import { formatNumber } from '../../core/format.js';
import { csvFileName } from '../../core/csv.js';
import { CsvExport, exportStyles, ownerSerial } from '../../core/csv-export.js';
import { iconStyles } from '../../core/icons.js';
import { KitElement } from '../../core/kit-element.js';
import { tabStyles } from '../../core/tabs.styles.js';
import { PagedList } from '../../core/paged-list.js';
import { Resource } from '../../core/resource.js';
import { RowFocus } from '../../core/row-focus.js';
import { TabKeys } from '../../core/tab-keys.js';
import { emptyTemplate, loadingTemplate, reasonOf, renderResource } from '../../core/states.js';
import { VirtualWindow } from '../../core/virtual-window.js';
import { getLocale } from '../../localization.js';
import type { SoChangeEvent } from '../../events.js';
import { initials, portraitUrl } from '../../core/portrait.js';
import { styles } from './user-licence-filter.styles.js';
import { listFileWord, userCsvColumns } from './users-csv.js';
import { Selection } from './selection.js';
import { SelectAllMatching } from './select-all.js';
import type { AssignmentEditor, EditorHost } from './editing.js';
import type { BulkRun } from './bulk.js';
import {
  assignmentsOf,
  filterUsers,
  getUserEntries,
  moduleIndex,
  prerequisiteOf,
  userLicences,
  type ModuleIndex,
  type OwnerAssignments,
  type UserEntry,
  type UserLicence,
} from './users.js';
import { isolate } from '../../core/bidi.js';
import { heading } from '../../core/heading.js';

/** The two user lists: *Associates* (E8 InternalUsers) and *Other users* (system and anonymous users). */
const LISTS = ['internal', 'other'] as const;
type List = (typeof LISTS)[number];
/** The tabs: the two user lists, then *User licences*. */
const TABS = [...LISTS, 'licences'] as const;
type Tab = (typeof TABS)[number];
const isList = (tab: Tab): tab is List => tab !== 'licences';

/** Users per request (`$top`). */
const PAGE_SIZE = 200;
/** Pages (of PAGE_SIZE) a search that finds nobody reads on its own per user action, before it asks to go on. */
const SCAN_PAGES = 5;
/** How long typing may pause before the search goes to the server. */
const SEARCH_DELAY = 250;
/** The longest search sent (five `contains` terms stay far below IIS's 2,048-character query limit). */
const SEARCH_MAX = 100;
/** `aria-rowindex` of the first user row (the header row is 1). */
const FIRST_ROW = 2;

const checkIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const dashIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5.5 8h5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;
const sortIcon = svg`<svg class="sort-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M5 6l3-3 3 3M5 10l3 3 3-3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const sortUpIcon = svg`<svg class="sort-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M4 10l4-4 4 4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const sortDownIcon = svg`<svg class="sort-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const closeIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/**
 * Who holds which user licence, and changing it. A licence-type picker (every user licence that is not hidden, plans
 * first, with how many are in use) filters the lists *Associates* and *Other users* (tabs, each with its count); a
 * text search looks in name, user id, group, role and plan; each column header sorts the list (click or Enter; again
 * for the other direction). A third tab, *User licences*, lists the user licences with in use / total and shows the
 * holders of the one picked (`<so-licence-holders>`). Each user shows portrait, user id, full name, group, role and
 * user plan. Activating a user (click, Enter or Space) opens their licence assignments next to the list: a switch per
 * licence and the user plan as one choice among the plans, each disabled control saying why. Rows can be selected
 * (checkbox, Shift for a range, Space on a row, *Select all N matching*) for *Assign licence…* / *Remove licence…*.
 * *Select all N matching* selects every user the licence and search match, not only the rows loaded: the rest are
 * read from the server (their keys and names only, 1,000 a request, with progress and *Cancel*), at most 5,000 per
 * bulk change ("Select the first 5,000 of 10,000 matching"). The bulk dialog says exactly how many users change (who
 * holds the licence is read first where the rows do not say); users who already are so get no request and are
 * listed apart in the summary (*Already had it* / *Did not have it*), whose numbers add up to the selection.
 *
 * Large tenants: the user archives are read 200 rows at a time as the list is scrolled, and only the rows in view
 * are rendered. The picked licence, the search and the order go to the server (`$filter` with `eq 1` and `contains`,
 * `$orderBy`), so they work over thousands of users, and the count is the server's ("51 of 2,143 users"). `$select`
 * asks only for the user columns and the picked licence's column (a user's licences are in the panel, from E9). Where
 * a server ignores the filter, the rows are checked here too; a search that finds nobody then reads at most 5 more
 * pages per user action, and asks before going on.
 *
 * *Download CSV* (on the two user list tabs) saves the list shown as a file named after the list, the picked licence,
 * its owner's serial number and the day: that licence, that search, that order, every matching user, not only those
 * loaded — the pages are fetched again with the list's query, 1,000 at a time, at most 5,000 users, with progress and
 * *Cancel*. Columns: name, user id, group, role, user plan and *Active* (*Yes* / *No* in the locale's words).
 *
 * Writes: one click one request, busy until the server answered, never retried; removals are confirmed; *Undo* for
 * 10 s; a 409 reloads that user and says someone else changed it; a 403 turns the element read-only. The editing code
 * is loaded when first needed.
 *
 * Keyboard: ←/→, Home/End move between the tabs; in the list ↑/↓, Home/End and PageUp/PageDown move between users,
 * Enter opens their licences, Space selects, Shift+↑/↓ extends the selection; Escape in the licence panel closes it.
 *
 * @tag so-user-licence-filter
 * @summary Users and the licences they hold, filtered by licence type.
 * @fires {Event} change - The user picked another licence type; read `value`. Not fired when `value` is set by script.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail.source`: `License`, `Archive/InternalUsers`,
 *   `Archive/OtherUsers` or `License/User` (a user's assignments).
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @fires {CustomEvent<SoAssignmentChangeDetail>} so-assignment-change - An assignment was saved (one per licence and user).
 * @fires {CustomEvent<SoWriteErrorDetail>} so-write-error - A write failed. `detail: { kind, status?, message, operation }`
 * @csspart toolbar - The picker, the search field and *Download CSV*.
 * @csspart picker - The licence-type `<select>`.
 * @csspart search - The search field.
 * @csspart download - The *Download CSV* button (on the user list tabs).
 * @csspart export - The export's progress with *Cancel*, and what the export came to.
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
 * @csspart sort - A column header's sort button; `sorted` is added to the one the list is sorted by.
 * @csspart bulk-bar - The selection count and the bulk actions above the grid.
 * @csspart checkbox - A row's selection checkbox.
 * @csspart select-all - *Select all N matching* (*Select the first 5,000 of N matching* beyond what one bulk change takes).
 * @csspart select-all-progress - While the matching users are read: how many, a progress bar and *Cancel*.
 * @csspart select-all-cancel - *Cancel* of reading the matching users.
 * @csspart select-all-note - What selecting all matching came to, when there is something to say (cut at 5,000, cancelled, failed).
 * @csspart bulk-assign - *Assign licence…*.
 * @csspart bulk-remove - *Remove licence…*.
 * @csspart clear-selection - *Clear selection*.
 * @csspart user-licences - The list of the *User licences* tab.
 * @csspart licence - A licence of the *User licences* tab (a toggle button).
 * @csspart holders - The `<so-licence-holders>` of the *User licences* tab.
 * @csspart switch - A licence's switch in the user panel.
 * @csspart plans - The user plan choice in the user panel.
 * @csspart change-plan - *Change plan*.
 * @csspart write-status - What a write did, with *Undo*.
 * @csspart write-error - Why a write failed.
 * @csspart bulk-dialog - The bulk dialog (also `dialog`).
 * @csspart bulk-seats - In the bulk dialog: not enough free seats, or none (then assigning is not offered).
 * @csspart bulk-too-many - In the bulk dialog: more users are selected than one bulk change takes (5,000).
 * @csspart check-again - In the bulk dialog: *Try again* after reading who holds the licence failed.
 * @csspart footer - The line under the grid: loading more users, or what failed.
 * @csspart details - The panel with the selected user's licence assignments.
 * @csspart close - The panel's close button.
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 * @cssprop [--so-users-height=28rem] - Height of the scrolling user grid.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below types its events
export class SoUserLicenceFilter extends KitElement implements EditorHost {
  static override styles = [KitElement.styles, tabStyles, iconStyles, exportStyles, styles];

  /**
   * The picked licence: its archive column `{owner}_{module}` in lower case (e.g. `superoffice_ten-sales`), or `''`
   * for all users. A column that is not one of the picker's licences shows all users.
   */
  @property({ reflect: true }) value = '';

  /** @internal */
  @state() private tab: Tab = 'internal';
  /** @internal The text search as typed (checked on the loaded rows at once). */
  @state() private query = '';
  /** @internal The text search the server narrows by (`query` once typing paused). */
  @state() private term = '';
  /** @internal The order the server sorts by; the server's own order when unset. */
  @state() private sort?: { column: UserSortColumn; desc: boolean };
  /** @internal */
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** @internal The licence column each list was last loaded with. */
  private readonly loadedColumn: Partial<Record<List, string>> = {};
  /** @internal Every user of each list (`odata.count` of the list unfiltered), once known. */
  @state() private totals: Partial<Record<List, number>> = {};
  /** @internal Both lists load at once: each tab shows how many users match. */
  private readonly opened: ReadonlySet<List> = new Set(LISTS);
  /** @internal The user whose licences are shown, per list. */
  @state() private selected: Partial<Record<List, UserEntry>> = {};
  /** @internal The user licence whose holders the *User licences* tab shows. */
  @state() private holdersOf = '';
  /** @internal The editing code, once loaded (dynamic import on first use). */
  @state() private editor?: AssignmentEditor;
  /** @internal The bulk dialog, once loaded. */
  @state() private bulk?: BulkRun;
  /** @internal */
  private editing?: Promise<AssignmentEditor>;
  /** @internal */
  private stopInvalidation?: () => void;

  /** @internal Users picked for a bulk change (both lists). */
  private readonly selection = new Selection<UserEntry>(
    (e) => e.row.associateDbId,
    () => this.requestUpdate(),
  );
  /** @internal *Select all N matching*: every match, read from the server when not all are loaded. */
  private readonly selectAll = new SelectAllMatching(this, this.selection);
  /** @internal Portrait URLs that did not load. */
  @state() private brokenPortraits: ReadonlySet<string> = new Set();
  /** @internal *Download CSV*: progress, *Cancel* and outcome. */
  private readonly csv = new CsvExport(this);

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
  private readonly lists: Record<List, PagedList<UserEntry>> = {
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
    nearEnd: (wanted) => (isList(this.tab) ? this.lists[this.tab].more(wanted) : undefined),
  });

  /** @internal */
  private readonly rowFocus = new RowFocus<UserEntry>(this, {
    rows: () => this.visibleRows(),
    key: (e) => e.row.PrimaryKey,
    window: this.window,
    rowSelector: '.body > [role=row]',
    firstRowIndex: FIRST_ROW,
    activate: (e) => {
      if (e !== this.selectedUser) this.editor?.action.dismiss();
      this.selected = { ...this.selected, [this.tab]: e };
      void this.loadEditor();
    },
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

  /** @internal The last filter result per list (filtering runs once per change of rows, licence or search). */
  private filtered: Partial<Record<List, { rows: readonly UserEntry[]; column: string; query: string; result: readonly UserEntry[] }>> = {};

  /** Loads everything again, bypassing answers shared with other elements. */
  async refresh(): Promise<void> {
    this.assignmentCache.clear();
    this.totals = {};
    await this.licences.refresh();
    await Promise.all([...LISTS.map((t) => this.users[t].refresh()), this.assignments.refresh()]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A write changed assignments: what was kept per user is stale (the resource reloads quietly).
    this.stopInvalidation = onInvalidate((tags) => {
      if (tags.has('licences')) this.assignmentCache.clear();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopInvalidation?.();
    clearTimeout(this.searchTimer);
  }

  /** @internal E1's user licences, for the editing code. */
  get userLicences(): readonly UserLicence[] {
    return this.licences.value ?? [];
  }

  /** @internal The level of the owners' headings in the user panel (two below the element's own). */
  get ownerLevel(): number {
    return this.level(2);
  }

  /** @internal The level of a dialog's heading. */
  get dialogLevel(): number {
    return this.level();
  }

  /** @internal */
  prerequisiteName(ownerName: string, moduleName: string): string {
    return prerequisiteOf(this.modules, ownerName, moduleName);
  }

  /** @internal */
  async assignmentsSettled(): Promise<void> {
    await this.assignments.settled();
  }

  /** A write answered 403: write controls give way to a read-only sentence; reading goes on. */
  get writesForbidden(): boolean {
    return this.editor?.action.readOnly ?? false;
  }

  /** @internal Loads the editing code on first use. */
  private loadEditor(): Promise<AssignmentEditor> {
    return (this.editing ??= import('./editing.js').then((m) => (this.editor = new m.AssignmentEditor(this))));
  }

  /** @internal Opens the bulk dialog (its code loads on first use). */
  private async openBulk(mode: 'assign' | 'remove'): Promise<void> {
    if (!this.bulk) {
      const [m, editor] = await Promise.all([import('./bulk.js'), this.loadEditor()]);
      this.bulk ??= new m.BulkRun(this, editor.action);
    }
    await this.bulk.open(mode, this.selection.rows, this.licence?.column);
  }

  /** @internal */
  private pagedList(list: List): PagedList<UserEntry> {
    return new PagedList<UserEntry>(this, {
      pageSize: PAGE_SIZE,
      key: (e) => e.row.PrimaryKey,
      fetchPage: async (page, { config, signal, fresh }) => {
        // Only what the view needs: the user columns, and the picked licence's column (the server narrows by it).
        const holders = this.licence?.column;
        return getUserEntries(config, list, holders ? [holders] : [], page, { signal, fresh, holders, search: this.term, sort: this.sort });
      },
    });
  }

  /** @internal The first page of a user list, once its tab was opened and the licences are known. */
  private usersResource(list: List) {
    return new Resource(this, {
      source: list === 'internal' ? 'Archive/InternalUsers' : 'Archive/OtherUsers',
      enabled: () => this.opened.has(list) && this.licences.value !== undefined,
      args: () => [this.licence?.column ?? '', this.term, this.sort?.column ?? '', !!this.sort?.desc] as const,
      load: async ([column, term], context) => {
        const paged = this.lists[list];
        await paged.first(context);
        this.loadedColumn[list] = column;
        const filtered = !!column || !!term;
        if (!filtered && paged.reported !== undefined) this.totals = { ...this.totals, [list]: paged.reported };
        // Narrowed on the server: "51 of 2,143 users" needs every user's count too (one row asked for, once).
        else if (filtered && paged.reported !== undefined && this.totals[list] === undefined) void this.loadTotal(list, context);
        return paged.rows;
      },
      // Nobody matching the picked licence or the search is the filter's answer ("No users hold …"), not an empty list.
      isEmpty: (rows) => rows.length === 0 && !this.licence && !this.term,
    });
  }

  /** @internal How many users a list has unfiltered (`odata.count`); a failure only leaves the total unsaid. */
  private async loadTotal(list: List, { config, signal }: { config: ResolvedConfig; signal: AbortSignal }): Promise<void> {
    try {
      const page = await getUsers(config, list, [], { top: 1, skip: 0 }, { signal });
      if (page.count !== null) this.totals = { ...this.totals, [list]: page.count };
    } catch {
      // Not shown: the count says what the filter found without the total.
    }
  }

  /** @internal The picked licence, if `value` names one of the picker's. */
  private get licence(): UserLicence | undefined {
    const column = this.value.toLowerCase();
    return column ? this.licences.value?.find((l) => l.column === column) : undefined;
  }

  /** @internal */
  private get selectedUser(): UserEntry | undefined {
    return isList(this.tab) ? this.selected[this.tab] : undefined;
  }

  /** @internal The current tab's loaded users that pass the licence filter and the search. */
  private visibleRows(): readonly UserEntry[] {
    return isList(this.tab) ? this.matching(this.tab) : [];
  }

  /** @internal A list's loaded users that pass the licence filter and the search. */
  private matching(list: List): readonly UserEntry[] {
    const rows = this.lists[list].rows;
    const column = this.licence?.column ?? '';
    const f = this.filtered[list];
    if (f?.rows === rows && f.column === column && f.query === this.query) return f.result;
    const result = filterUsers(rows, column, this.query);
    this.filtered[list] = { rows, column, query: this.query, result };
    return result;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Every user action (another licence, search, order or list) may read a few more pages on its own, no more; what
    // the last export came to was about the list as it was.
    if (changed.has('value') || changed.has('term') || changed.has('sort') || changed.has('tab')) {
      this.scanBudget = SCAN_PAGES;
      this.csv.clear();
    }
  }

  protected override updated(): void {
    // A search that matches none of the loaded users reads on (SCAN_PAGES pages per user action), then asks.
    // Only once the server was asked for what is typed: it narrows the list itself, unless it ignores the filter.
    if (!isList(this.tab) || this.query.trim() !== this.term) return;
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
      (licences) => this.renderScreen(licences),
      // Loading keeps the room of the picker, the tabs and a list at this width, in this language.
      () => this.renderScreen([], true),
    );
  }

  /** @internal The picker, the tabs and the selected tab's panel; `shape`: without data, for the loading state. */
  private renderScreen(licences: UserLicence[], shape = false) {
    return html`${this.renderToolbar(licences)}
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
              ${this.tabLabel(tab, licences)}
            </button>`;
          })}
        </div>
        ${TABS.map(
          (tab) => html`<div class="tabpanel" role="tabpanel" part="panel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${tab !== this.tab}>
            ${tab !== this.tab ? nothing : shape ? loadingTemplate() : isList(tab) ? this.renderUsersOf(tab) : this.renderLicences(licences)}
          </div>`,
        )}
        ${shape ? nothing : (this.bulk?.dialog() ?? nothing)}`;
  }

  /** @internal "Associates (42)": how many users of the list match, once known ("200+" while pages remain). */
  private tabLabel(tab: Tab, licences: readonly UserLicence[]): string {
    if (tab === 'licences') {
      const n = formatNumber(licences.length);
      return msg(str`User licences (${n})`, { id: 'users.licences-tab' });
    }
    const name = tab === 'internal' ? msg('Associates', { id: 'users.associates' }) : msg('Other users', { id: 'users.others' });
    const state = this.users[tab].state;
    if (state !== 'loaded' && state !== 'empty') return name;
    const list = this.lists[tab];
    const shown = this.matching(tab).length;
    // The server's count when it narrowed by what is asked; else the matches loaded so far.
    if (list.reported !== undefined && shown === list.rows.length && this.query.trim() === this.term) {
      return msg(str`${name} (${formatNumber(list.reported)})`, { id: 'users.tab-count' });
    }
    const n = formatNumber(shown);
    return list.complete ? msg(str`${name} (${n})`, { id: 'users.tab-count' }) : msg(str`${name} (${n}+)`, { id: 'users.tab-count-more' });
  }

  /** @internal *User licences*: each with in use / total; the holders of the one picked. */
  private renderLicences(licences: readonly UserLicence[]) {
    const picked = licences.find((l) => l.column === this.holdersOf);
    return html`<div class="layout">
      <ul class="user-licences" part="user-licences" aria-label=${msg('User licences', { id: 'users.user-licences' })}>
        ${licences.map((l) => {
          const inUse = formatNumber(l.inUse);
          const total = formatNumber(l.total);
          return html`<li>
            <button
              type="button"
              class="licence-pick"
              part="licence"
              aria-pressed=${l.column === this.holdersOf ? 'true' : 'false'}
              @click=${() => this.showHolders(l.column)}
            >
              <span class="name">${l.name}${l.plan ? html` <span class="badge">${msg('Plan', { id: 'users.plan-badge' })}</span>` : nothing}</span>
              <span class="usage">
                ${l.unrestricted
                  ? msg(str`${inUse} in use, unlimited`, { id: 'users.in-use-unlimited' })
                  : msg(str`${inUse} of ${total} in use`, { id: 'users.in-use' })}
              </span>
            </button>
          </li>`;
        })}
      </ul>
      ${picked ? this.renderHolders(picked) : nothing}
    </div>`;
  }

  /** @internal The holders of the picked licence: `<so-licence-holders>`, loaded on first use. */
  private renderHolders(l: UserLicence) {
    return customElements.get('so-licence-holders')
      ? html`<so-licence-holders
          part="holders"
          .owner=${l.ownerName}
          .module=${l.moduleName}
          api-base=${this.apiBase}
          heading-level=${this.level()}
        ></so-licence-holders>`
      : loadingTemplate();
  }

  /** @internal Picks the licence whose holders the *User licences* tab shows; loads `<so-licence-holders>` once. */
  private async showHolders(column: string): Promise<void> {
    this.holdersOf = column;
    if (!customElements.get('so-licence-holders')) {
      await import('../licence-holders/define.js');
      this.requestUpdate();
    }
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
          maxlength=${SEARCH_MAX}
          placeholder=${msg('Name, user id, group, role or plan', { id: 'users.search-hint-all' })}
          .value=${this.query}
          @input=${this.onSearch}
        />
      </div>
      ${isList(this.tab) ? this.renderDownload(this.tab) : nothing}
    </div>
    ${this.renderExport()}`;
  }

  /** @internal *Download CSV* of the list shown; it names that list (the tab) to assistive technology. */
  private renderDownload(tab: List) {
    const state = this.users[tab].state;
    // Something to save: users shown, or more to read (a search that found nobody among the loaded pages yet).
    const ready = (state === 'loaded' || state === 'empty') && (this.visibleRows().length > 0 || !this.lists[tab].complete);
    return this.csv.button(this.exportCsv, { ready, describedBy: `tab-${tab}` });
  }

  /** @internal The export's progress with *Cancel*, or what the last export came to. */
  private renderExport() {
    return this.csv.render({
      progress: (done, total) =>
        total === undefined
          ? msg(str`Exporting… ${done} users`, { id: 'csv-lists.users-exporting-open' })
          : msg(str`Exporting… ${done} of ${total} users`, { id: 'csv-lists.users-exporting' }),
      done: (count, n) =>
        count === 1
          ? msg('Saved 1 user as a CSV file.', { id: 'csv-lists.users-done-one' })
          : msg(str`Saved ${n} users as a CSV file.`, { id: 'csv-lists.users-done' }),
      cut: (n, total, limit) =>
        msg(str`${n} of ${total} users saved: an export stops at ${limit}. Narrow the list with the licence type or the search to export the rest.`, {
          id: 'csv-lists.users-cut',
        }),
    });
  }

  /**
   * @internal *Download CSV*: the list shown — this licence, this search, this order — as a CSV file named
   * `associates-<licence>-<owner>-<serial>-<date>.csv`. When the list holds every match already it is saved as it is;
   * otherwise the matching pages are fetched again with the list's query.
   */
  private readonly exportCsv = (): Promise<void> => {
    const tab = this.tab;
    if (!isList(tab)) return Promise.resolve();
    const list = this.lists[tab];
    const licence = this.licence;
    const column = licence?.column ?? '';
    const columns = column ? [column] : [];
    const [query, search, sort] = [this.query, this.term, this.sort];
    const owner = licence?.ownerName ?? 'SUPEROFFICE';
    return this.csv.run<UserEntry>({
      ...userCsvColumns(true),
      loaded: list.complete ? this.matching(tab) : undefined,
      total: list.total,
      fetchPage: (page, signal) => getUserEntries(this.config, tab, columns, page, { signal, fresh: true, holders: column || undefined, search, sort }),
      key: (e) => e.row.PrimaryKey,
      filter: (rows) => filterUsers(rows, column, query),
      fileName: async (signal) => csvFileName([listFileWord(tab), licence?.name ?? '', owner, await ownerSerial(this.config, owner, signal)]),
    });
  };

  /** @internal "Sales Premium (12 of 15 in use)". */
  private optionText(l: UserLicence): string {
    const name = l.name;
    const inUse = formatNumber(l.inUse);
    if (l.unrestricted) return msg(str`${isolate(name)} (${inUse} in use, unlimited)`, { id: 'users.option-unlimited' });
    const total = formatNumber(l.total);
    return msg(str`${isolate(name)} (${inUse} of ${total} in use)`, { id: 'users.option' });
  }

  /** @internal */
  private renderUsersOf(tab: List) {
    const resource = this.users[tab];
    // A new search or order keeps the users shown (narrowed at once by what is typed) until the server answers.
    const busy = resource.state === 'loading' && resource.value !== undefined && this.loadedColumn[tab] === (this.licence?.column ?? '');
    if (busy) return this.renderList(tab, true);
    return renderResource(
      resource,
      {
        failed: msg('Could not load the users.', { id: 'users.failed' }),
        empty:
          tab === 'internal'
            ? msg('There are no associates.', { id: 'users.empty-internal' })
            : msg('There are no other users.', { id: 'users.empty-other' }),
        forbidden: msg('You do not have access to the user lists.', { id: 'users.forbidden' }),
      },
      () => this.renderList(tab, false),
    );
  }

  /** @internal The count, the bulk bar, the grid and the user panel; `busy` while a new search or order loads. */
  private renderList(tab: List, busy: boolean) {
    const rows = this.visibleRows();
    const list = this.lists[tab];
    const user = this.selected[tab];
    return html`<p class="count" part="count" role="status">${this.countText(rows.length, list, tab)}</p>
      ${this.renderBulkBar(tab, rows, list)}
      ${this.renderSkipped(list)}
      <div class="layout ${user ? 'with-details' : ''}">
        <div class="list" aria-busy=${busy ? 'true' : 'false'}>
          ${rows.length
            ? this.renderGrid(tab, rows, list)
            : list.complete && !busy
              ? emptyTemplate(this.noMatchText())
              : this.renderScanPaused(list)}
          ${this.renderFooter(list)}
        </div>
        ${user ? this.renderDetails(user) : nothing}
      </div>`;
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
   * @internal What the list holds, from the server's counts (`odata.count`): "2,143 users"; narrowed by a licence or
   * a search on the server, "51 of 2,143 users". Where the server did not narrow (it ignored the filter, or typing
   * has not paused yet) or gave no count, how many of the loaded users match.
   */
  private countText(shown: number, list: PagedList<UserEntry>, tab: List): string {
    const loaded = list.rows.length;
    const n = formatNumber(shown);
    const total = formatNumber(loaded);
    const filtering = !!this.licence || !!this.query.trim();
    // The server narrowed by exactly what is asked: every loaded user matches, and its count is the answer.
    const narrowed = shown === loaded && this.query.trim() === this.term;
    const reported = list.reported;
    if (reported !== undefined && (!filtering || narrowed)) {
      const matches = formatNumber(reported);
      const all = this.totals[tab];
      if (filtering && all !== undefined) return msg(str`${matches} of ${formatNumber(all)} users`, { id: 'formats.count-of-total' });
      return reported === 1 ? msg('1 user', { id: 'users.count-one' }) : msg(str`${matches} users`, { id: 'users.count' });
    }
    const partly = filtering && shown !== loaded;
    if (!list.complete && reported !== undefined) {
      const all = formatNumber(reported);
      return partly
        ? msg(str`${n} matching among the first ${total} of ${all} users`, { id: 'formats.count-filtered-of-total' })
        : msg(str`${total} of ${all} users`, { id: 'formats.count-of-total' });
    }
    if (!list.complete) {
      return partly
        ? msg(str`${n} of ${total} users loaded so far`, { id: 'users.count-partial-filtered' })
        : msg(str`${total} users loaded so far`, { id: 'users.count-partial' });
    }
    if (partly) return msg(str`${n} of ${total} users`, { id: 'users.count-filtered' });
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

  /** @internal Selection and bulk actions: reachable by Tab before the grid. */
  private renderBulkBar(tab: List, rows: readonly UserEntry[], list: PagedList<UserEntry>) {
    if (this.writesForbidden) {
      return html`<p class="notice read-only" role="status">
        ${msg('You can view licence assignments, but your user may not change them.', { id: 'users.read-only' })}
      </p>`;
    }
    const n = this.selection.size;
    const selected = formatNumber(n);
    // The server narrowed by exactly what is shown (every loaded row matches): its count is the number of matches.
    const narrowed = list.reported !== undefined && rows.length === list.rows.length && this.query.trim() === this.term;
    return html`<div class="bulk-bar" part="bulk-bar" role="group" aria-label=${msg('Selected users', { id: 'users.selected-users' })}>
      <span class="selected-count" role="status">
        ${n ? (n === 1 ? msg('1 user selected', { id: 'users.selected-one' }) : msg(str`${selected} users selected`, { id: 'users.selected' })) : nothing}
      </span>
      ${this.selectAll.render({
        list: tab,
        column: this.licence?.column ?? '',
        search: this.query.trim().slice(0, SEARCH_MAX),
        sort: this.sort,
        loaded: rows,
        complete: list.complete,
        count: narrowed ? list.reported : undefined,
      })}
      ${n
        ? html`<button type="button" class="button" part="bulk-assign" aria-haspopup="dialog" @click=${() => this.openBulk('assign')}>
              ${msg('Assign licence…', { id: 'users.bulk-assign' })}
            </button>
            <button type="button" class="button" part="bulk-remove" aria-haspopup="dialog" @click=${() => this.openBulk('remove')}>
              ${msg('Remove licence…', { id: 'users.bulk-remove' })}
            </button>
            <button type="button" class="button" part="clear-selection" @click=${() => this.selection.clear()}>
              ${msg('Clear selection', { id: 'users.clear-selection' })}
            </button>`
        : nothing}
    </div>`;
  }

  /** @internal Space toggles the focused row's checkbox; Shift+↑/↓ extends the selection. */
  private readonly onGridKeyDown = (e: KeyboardEvent) => {
    const row = (e.target as Element).closest?.('.body > [role=row]');
    const rows = this.visibleRows();
    const index = row ? Number(row.getAttribute('aria-rowindex')) - FIRST_ROW : -1;
    if (!this.writesForbidden && index >= 0 && !e.altKey && !e.ctrlKey && !e.metaKey) {
      if (e.key === ' ') {
        e.preventDefault();
        this.selection.toggle(rows, index, e.shiftKey);
        return;
      }
      if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        const next = Math.max(0, Math.min(rows.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)));
        if (!this.selection.has(rows[index])) this.selection.toggle(rows, index, false, true);
        this.selection.toggle(rows, next, true, true);
        void this.rowFocus.focus(next);
        return;
      }
    }
    this.rowFocus.onKeyDown(e);
  };

  /** @internal A row's checkbox: a click toggles it, Shift-click the range from the last one toggled. */
  private onCheck(e: MouseEvent, index: number): void {
    e.stopPropagation();
    const box = e.target as HTMLInputElement;
    this.selection.toggle(this.visibleRows(), index, e.shiftKey, box.checked);
  }

  /** @internal */
  private renderGrid(tab: List, rows: readonly UserEntry[], list: PagedList<UserEntry>) {
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
      aria-colcount=${this.writesForbidden ? 4 : 5}
      ${ref(this.window.attach)}
      @click=${this.rowFocus.onClick}
      @keydown=${this.onGridKeyDown}
      @focusin=${this.rowFocus.onFocusIn}
    >
      <div class="head" role="rowgroup" part="header">
        <div class="row ${this.writesForbidden ? '' : 'selectable'}" role="row" aria-rowindex="1">
          ${this.writesForbidden
            ? nothing
            : html`<div class="cell c-pick" role="columnheader"><span class="visually-hidden">${msg('Selected', { id: 'users.selected-column' })}</span></div>`}
          ${this.renderSortHeader('c-name', 'fullName', msg('Name', { id: 'users.name' }))}
          ${this.renderSortHeader('c-group', 'usergroup', msg('Group', { id: 'users.group' }))}
          ${this.renderSortHeader('c-role', 'role', msg('Role', { id: 'users.role' }))}
          ${this.renderSortHeader('c-plan', 'userplan', msg('User plan', { id: 'users.plan' }))}
        </div>
      </div>
      <div class="body" role="rowgroup">
        ${this.window.spacer('before')}
        ${rows.slice(start, end).map((e, i) => {
            const r = e.row;
            const selected = r.PrimaryKey === selectedKey;
            const picked = !this.writesForbidden && this.selection.has(e);
            const who = isolate(r.fullName || r.assocName);
            return keyed(e.row.PrimaryKey, html`<div
              class="row ${e.active ? '' : 'inactive'} ${this.writesForbidden ? '' : 'selectable'} ${picked ? 'picked' : ''}"
              role="row"
              part=${selected ? 'row selected' : 'row'}
              aria-rowindex=${start + i + FIRST_ROW}
              aria-selected=${selected ? 'true' : 'false'}
              tabindex=${start + i === tabStop ? 0 : -1}
            >
              ${this.writesForbidden
                ? nothing
                : html`<div class="cell c-pick" role="gridcell">
                    <input
                      type="checkbox"
                      part="checkbox"
                      tabindex="-1"
                      aria-label=${msg(str`Select ${who}`, { id: 'users.select-user' })}
                      .checked=${picked}
                      @click=${(ev: MouseEvent) => this.onCheck(ev, start + i)}
                    />
                  </div>`}
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

  /**
   * @internal A column header that sorts the list on the server (`$orderBy`): click or Enter; again for the other
   * direction. `aria-sort` on the sorted column only.
   */
  private renderSortHeader(cls: string, column: UserSortColumn, label: string) {
    const sorted = this.sort?.column === column ? this.sort : undefined;
    const direction = sorted ? (sorted.desc ? 'descending' : 'ascending') : undefined;
    return html`<div class="cell ${cls}" role="columnheader" aria-sort=${ifDefined(direction)}>
      <button type="button" class="sort" part=${sorted ? 'sort sorted' : 'sort'} @click=${() => this.sortBy(column)}>
        <span>${label}</span>${sorted ? (sorted.desc ? sortDownIcon : sortUpIcon) : sortIcon}
      </button>
    </div>`;
  }

  /** @internal Sorts by `column` (ascending first, then the other way); the list reloads from its start. */
  private sortBy(column: UserSortColumn): void {
    this.sort = { column, desc: this.sort?.column === column ? !this.sort.desc : false };
    void this.window.reveal(0);
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
          ${heading(this.level(), r.fullName || r.assocName, { id: 'details-name', class: 'name' })}
          <p class="id">${r.assocName}</p>
        </div>
        <button class="close" part="close" type="button" aria-label=${msg('Close', { id: 'users.close' })} @click=${this.closeDetails}>
          ${closeIcon}
        </button>
      </header>
      ${heading(this.level(1), msg('Licence assignments', { id: 'users.assignments' }), { class: 'details-title' })}
      ${cached?.length
        ? this.renderOwners(user, cached)
        : renderResource(
            this.assignments,
            {
              failed: msg('Could not load the licence assignments.', { id: 'users.assignments-failed' }),
              empty: msg('This user has no user licences to assign.', { id: 'users.assignments-empty' }),
              forbidden: msg('You do not have access to licence assignments.', { id: 'users.assignments-forbidden' }),
            },
            (owners) => this.renderOwners(user, owners),
          )}
    </section>`;
  }

  /** @internal Editable once the editing code is loaded (it loads when a user is first opened); read-only before. */
  private renderOwners(user: UserEntry, owners: OwnerAssignments[]) {
    return this.editor ? this.editor.render(user, owners) : this.renderAssignments(owners);
  }

  /** @internal Per owner, each licence assigned or not: icon and text, never colour alone. */
  private renderAssignments(owners: OwnerAssignments[]) {
    return owners.map(
      (o) => html`${heading(this.level(2), o.description, { class: 'owner' })}
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
    // The server is asked once typing pauses; the loaded rows are narrowed at once.
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.term = this.query.trim().slice(0, SEARCH_MAX)), SEARCH_DELAY);
    void this.window.reveal(0);
  };

  /** @internal */
  private selectTab(tab: Tab): void {
    this.tab = tab;
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
