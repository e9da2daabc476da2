import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../../localization.js';
import { getLicenses, type AssignmentChange } from '../../api/endpoints.js';
import { formatNumber } from '../../core/format.js';
import { csvFileName } from '../../core/csv.js';
import { CsvExport, exportStyles, ownerSerial } from '../../core/csv-export.js';
import { iconStyles } from '../../core/icons.js';
import { heading } from '../../core/heading.js';
import { KitElement } from '../../core/kit-element.js';
import { PagedList } from '../../core/paged-list.js';
import { initials, portraitUrl } from '../../core/portrait.js';
import { Resource } from '../../core/resource.js';
import { emptyTemplate, loadingTemplate, reasonOf, renderResource } from '../../core/states.js';
import { TabKeys } from '../../core/tab-keys.js';
import { tabStyles } from '../../core/tabs.styles.js';
import { VirtualWindow } from '../../core/virtual-window.js';
import { WriteAction, writeNoticeTemplate, type WriteJob } from '../../core/write-action.js';
import { fold, getUserEntries, type UserEntry } from '../user-licence-filter/users.js';
import { listFileWord, userCsvColumns } from '../user-licence-filter/users-csv.js';
import { findLicence, hasFreeSeat, type HeldLicence } from './holders.js';
import { saveAssignments } from '../../api/assignments.js';
import { styles } from './licence-holders.styles.js';
import type { BulkQueue } from '../../core/bulk-queue.js';
import type * as EditingModule from './editing.js';

/** The two user lists: *Associates* (E8 InternalUsers) and *Other users*. */
const TABS = ['internal', 'other'] as const;
type Tab = (typeof TABS)[number];

/** Users per request (`$top`). */
const PAGE_SIZE = 200;
/** Users offered at once by *Assign to users…* (narrow them with the search). */
const PICK_LIMIT = 100;
/** The longest search sent to the server by an export (as `<so-user-licence-filter>`'s search). */
const SEARCH_MAX = 100;

type Editing = typeof EditingModule;

/**
 * Who holds one licence, across *Associates* and *Other users*, with in use / total and free seats (E1). Each holder
 * shows portrait, name, user id, group and user plan, with **Remove** (after a confirmation) and, for a user plan,
 * **Reassign** to another plan that has free seats (one change: old plan off, new plan on). **Assign to users…** picks
 * users who lack the licence (search, multi-select) and assigns it to them, at most two requests at a time, with
 * progress, *Cancel* and a summary with *Retry failed*.
 *
 * SuperOffice-owned licences are written with `PATCH /User/{id}` (a JSON Patch that tests before it replaces: a
 * change by someone else meanwhile is reported and reloaded, never overwritten); third-party licences with
 * `PUT`/`DELETE /License/{owner}/{id}`. A single change can be undone for 10 seconds. A 403 on a write turns the write
 * controls into a read-only sentence; the list keeps working. The editing code (dialog, picker, bulk queue) is
 * loaded on first use.
 *
 * *Download CSV* saves the holders of the tab shown that match the search — all of them, not only those loaded: the
 * holders are fetched again (`$filter`), 1,000 at a time, at most 5,000, with progress and *Cancel* — as a file named
 * after the licence, the list, the owner, its serial number and the day. Columns: name, user id, group, user plan and
 * *Active* (*Yes* / *No* in the locale's words).
 *
 * With `must-remove="N"` it is the *Remove superfluous licences* step of an activation: it shows how many are in use,
 * how many the new licence allows, how many must still go, and says (and fires `so-superfluous-removed`) once enough
 * were removed.
 *
 * @tag so-licence-holders
 * @summary Who holds one licence; remove, reassign and assign it.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail.source`: `License`, `Archive/InternalUsers` or `Archive/OtherUsers`.
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @fires {CustomEvent<SoAssignmentChangeDetail>} so-assignment-change - An assignment was saved. `detail: { associateId, ownerName, moduleName, assigned }`
 * @fires {CustomEvent<SoWriteErrorDetail>} so-write-error - A write failed. `detail: { kind, status?, message, operation }` (`unassign`, `assign`, `reassign`)
 * @fires {CustomEvent<SoSuperfluousRemovedDetail>} so-superfluous-removed - With `must-remove`: enough holders were removed. `detail: { ownerName, moduleName, removed }`
 * @csspart summary - The licence's name with in use / total and free seats.
 * @csspart must-remove - The *Remove superfluous licences* box.
 * @csspart toolbar - The search field, *Download CSV* and *Assign to users…*.
 * @csspart search - The search field.
 * @csspart download - The *Download CSV* button.
 * @csspart export - The export's progress with *Cancel*, and what the export came to.
 * @csspart assign - The *Assign to users…* button.
 * @csspart tabs - The tab list.
 * @csspart tab - A tab; `selected` is added to the current one.
 * @csspart selected - The selected tab.
 * @csspart panel - A tab panel.
 * @csspart table - The holders (it scrolls).
 * @csspart header - The header row group.
 * @csspart row - A holder.
 * @csspart remove - A holder's *Remove* button.
 * @csspart reassign - A holder's *Reassign* button.
 * @csspart reassign-panel - The plan choice for *Reassign*.
 * @csspart picker - The *Assign to users…* panel.
 * @csspart bulk - The progress and summary of a bulk assignment.
 * @csspart progress - Its progress bar.
 * @csspart summary-list - Its summary.
 * @csspart write-status - The `role=status` line that announces a saved change (with *Undo*).
 * @csspart undo - The *Undo* button.
 * @csspart write-error - The `role=alert` line of a failed change.
 * @csspart read-only - The sentence shown instead of write controls after a 403.
 * @csspart footer - The line under the list: loading more users, or what failed.
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 * @cssprop [--so-holders-height=24rem] - Height of the scrolling list of holders.
 */
export class SoLicenceHolders extends KitElement {
  static override styles = [KitElement.styles, tabStyles, iconStyles, exportStyles, styles];

  /** The licence owner, e.g. `SUPEROFFICE` or a third-party `OwnerName`. */
  @property() owner = 'SUPEROFFICE';
  /** The licence (`ModuleName`), e.g. `ten-sales`. */
  @property() module = '';
  /** The *Remove superfluous licences* step: how many holders must lose the licence (0: off). */
  @property({ type: Number, attribute: 'must-remove' }) mustRemove = 0;

  /** @internal */
  @state() private tab: Tab = 'internal';
  /** @internal */
  @state() private opened: ReadonlySet<Tab> = new Set(['internal']);
  /** @internal */
  @state() private query = '';
  /** @internal The holder whose plan is being reassigned. */
  @state() private reassigning?: UserEntry;
  /** @internal */
  @state() private reassignTo = '';
  /** @internal The *Assign to users…* panel is open. */
  @state() private picking = false;
  /** @internal */
  @state() private pickQuery = '';
  /** @internal Associate ids picked. */
  @state() private picked: ReadonlySet<number> = new Set();
  /** @internal The bulk run is shown. */
  @state() private bulkOpen = false;
  /** @internal Portrait URLs that did not load. */
  @state() private brokenPortraits: ReadonlySet<string> = new Set();

  /** @internal In use when `must-remove` was first seen with data. */
  private startInUse?: number;
  /** @internal `so-superfluous-removed` was fired. */
  private doneFired = false;
  /** @internal */
  private editing?: Editing;
  /** @internal */
  private bulk?: BulkQueue<UserEntry>;

  /** @internal */
  private readonly action = new WriteAction(this);
  /** @internal *Download CSV*: progress, *Cancel* and outcome. */
  private readonly csv = new CsvExport(this);

  /** @internal */
  private readonly licences = new Resource(this, {
    source: 'License',
    localized: true,
    args: () => [this.owner, this.module] as const,
    load: async ([owner, module], { config, signal, fresh }) => findLicence(await getLicenses(config, { signal, fresh }), owner, module),
    isEmpty: (found) => found === undefined,
  });

  /** @internal */
  private readonly lists: Record<Tab, PagedList<UserEntry>> = { internal: this.pagedList('internal'), other: this.pagedList('other') };

  /** @internal */
  private readonly users = { internal: this.usersResource('internal'), other: this.usersResource('other') };

  /** @internal */
  private readonly window = new VirtualWindow(this, {
    rowSelector: '.body > [role=row]',
    estimate: 56,
    nearEnd: () => this.lists[this.tab].more(),
  });

  /** @internal */
  private readonly tabKeys = new TabKeys<Tab>(this, {
    tabs: () => TABS,
    selected: () => this.tab,
    select: (tab) => this.selectTab(tab),
    element: (tab) => this.shadowRoot?.getElementById(`tab-${tab}`),
  });

  /** Loads everything again, bypassing answers shared with other elements. */
  async refresh(): Promise<void> {
    await this.licences.refresh();
    await Promise.all(TABS.filter((t) => this.opened.has(t)).map((t) => this.users[t].refresh()));
  }

  /** @internal */
  private get column(): string {
    return this.licences.value?.licence.column ?? '';
  }

  /** @internal */
  private pagedList(list: Tab): PagedList<UserEntry> {
    return new PagedList<UserEntry>(this, {
      pageSize: PAGE_SIZE,
      key: (e) => e.row.PrimaryKey,
      fetchPage: (page, { config, signal, fresh }) => getUserEntries(config, list, [this.column], page, { signal, fresh }),
    });
  }

  /** @internal */
  private usersResource(list: Tab) {
    return new Resource(this, {
      source: list === 'internal' ? 'Archive/InternalUsers' : 'Archive/OtherUsers',
      enabled: () => this.opened.has(list) && this.licences.value !== undefined,
      args: () => [this.column] as const,
      load: async (_args, context) => {
        await this.lists[list].first(context);
        return this.lists[list].rows;
      },
    });
  }

  /** @internal The holders among the loaded users of `tab`, matching the search. */
  private holders(tab: Tab): readonly UserEntry[] {
    return holdersAmong(this.lists[tab].rows, this.column, this.query);
  }

  protected override updated(): void {
    // Holders are spread over the archive: read on while the loaded ones do not fill the list.
    const list = this.lists[this.tab];
    if (this.users[this.tab].state === 'loaded' && !list.complete && this.holders(this.tab).length < 20) queueMicrotask(() => list.more());
    this.checkMustRemove();
  }

  /** @internal With `must-remove`: how many the new licence allows, and how many must still go. */
  private superfluous(l: HeldLicence): { allowed: number; left: number } | undefined {
    if (!(this.mustRemove > 0)) return undefined;
    this.startInUse ??= l.inUse;
    const allowed = Math.max(0, this.startInUse - this.mustRemove);
    return { allowed, left: Math.max(0, l.inUse - allowed) };
  }

  /** @internal Fires `so-superfluous-removed` once enough were removed. */
  private checkMustRemove(): void {
    const l = this.licences.value?.licence;
    const s = l && this.superfluous(l);
    if (!l || !s || s.left > 0 || this.doneFired) return;
    this.doneFired = true;
    this.emit('so-superfluous-removed', { ownerName: l.ownerName, moduleName: l.moduleName, removed: this.startInUse! - l.inUse });
  }

  override render() {
    return renderResource(
      this.licences,
      {
        failed: msg('Could not load the licences.', { id: 'users.licences-failed' }),
        empty: msg('This licence was not found.', { id: 'holders.not-found' }),
        forbidden: msg('You do not have access to licence information.', { id: 'licence.forbidden' }),
      },
      (found) => this.renderScreen(found!.licence),
      // Loading keeps the room of the heading, the toolbar, the tabs and a list at this width, in this language.
      () =>
        this.renderScreen(
          { ownerName: this.owner, moduleName: this.module, column: '', name: '\u00a0', plan: false, inUse: 0, total: 0, free: 0, unrestricted: false },
          true,
        ),
    );
  }

  /** @internal The summary, the toolbar, the tabs and the selected list; `shape`: without data, for the loading state. */
  private renderScreen(licence: HeldLicence, shape = false) {
    return html`${this.renderSummary(licence)} ${shape ? nothing : this.renderMustRemove(licence)} ${this.renderWriteArea(licence)}
          <div class="tabs" role="tablist" part="tabs" aria-label=${msg('User lists', { id: 'users.lists' })} @keydown=${this.tabKeys.onKeyDown}>
            ${TABS.map((tab) => {
              const current = tab === this.tab;
              const label = tab === 'internal' ? msg('Associates', { id: 'users.associates' }) : msg('Other users', { id: 'users.others' });
              const n = this.lists[tab].complete ? ` (${formatNumber(this.holders(tab).length)})` : '';
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
                ${label}${n}
              </button>`;
            })}
          </div>
          ${TABS.map(
            (tab) => html`<div class="tabpanel" role="tabpanel" part="panel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${tab !== this.tab}>
              ${tab !== this.tab ? nothing : shape ? loadingTemplate() : this.renderHolders(tab, licence)}
            </div>`,
          )}`;
  }

  /** @internal "Sales Premium — 15 of 15 in use, 0 free". */
  private renderSummary(l: HeldLicence) {
    const [inUse, total, free] = [formatNumber(l.inUse), formatNumber(l.total), formatNumber(l.free)];
    const name = l.name;
    return html`<div class="summary" part="summary">
      ${heading(this.level(), msg(str`Holders of ${name}`, { id: 'holders.title' }), { class: 'title' })}
      <p class="usage">
        ${l.unrestricted
          ? msg(str`${inUse} in use, unlimited`, { id: 'holders.usage-unlimited' })
          : msg(str`${inUse} of ${total} in use, ${free} free`, { id: 'holders.usage' })}
      </p>
    </div>`;
  }

  /** @internal */
  private renderMustRemove(l: HeldLicence) {
    const s = this.superfluous(l);
    if (!s) return nothing;
    const [inUse, allowed, left] = [formatNumber(l.inUse), formatNumber(s.allowed), formatNumber(s.left)];
    return html`<section class="must-remove ${s.left ? '' : 'done'}" part="must-remove" aria-labelledby="must-remove-title">
      ${heading(this.level(1), msg('Remove superfluous licences', { id: 'holders.must-remove' }), { id: 'must-remove-title' })}
      <dl>
        <div><dt>${msg('In use', { id: 'holders.in-use' })}</dt><dd>${inUse}</dd></div>
        <div><dt>${msg('Available', { id: 'holders.available' })}</dt><dd>${allowed}</dd></div>
        <div><dt>${msg('Must be removed', { id: 'holders.to-remove' })}</dt><dd>${left}</dd></div>
      </dl>
      <p role="status">
        ${s.left === 1
          ? msg('Remove 1 more holder before the new licence can be activated.', { id: 'holders.remove-one-more' })
          : s.left
          ? msg(str`Remove ${left} more holders before the new licence can be activated.`, { id: 'holders.remove-more' })
          : msg('Done: enough licences were removed. The new licence can be activated.', { id: 'holders.enough' })}
      </p>
    </section>`;
  }

  /** @internal Search, *Assign to users…*, the notices, and the open panels. */
  private renderWriteArea(l: HeldLicence) {
    const readOnly = this.action.readOnly;
    return html`<div class="toolbar" part="toolbar">
        <div class="field">
          <label for="search">${msg('Search holders', { id: 'holders.search' })}</label>
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
        ${this.renderDownload()}
        ${readOnly || this.mustRemove > 0
          ? nothing
          : html`<button
              class="button primary"
              part="assign"
              type="button"
              aria-expanded=${this.picking ? 'true' : 'false'}
              ?disabled=${!!this.bulk?.running}
              @click=${this.openPicker}
            >
              ${msg('Assign to users…', { id: 'holders.assign' })}
            </button>`}
      </div>
      ${this.renderExport()}
      ${readOnly
        ? html`<p class="notice read-only" part="read-only" role="status">
            ${msg('You can see who holds this licence, but you do not have permission to change licence assignments.', { id: 'holders.read-only' })}
          </p>`
        : nothing}
      ${writeNoticeTemplate(this.action)}
      ${this.reassigning && !readOnly ? this.renderReassign(this.reassigning, l) : nothing}
      ${this.picking && this.editing && !readOnly ? this.renderPicker(l) : nothing}
      ${this.bulkOpen && this.bulk && this.editing
        ? this.editing.bulkTemplate(
            this.bulk,
            { title: msg(str`Assigning ${l.name}`, { id: 'holders.bulk-title' }), name: (e) => this.nameOf(e as UserEntry), level: this.level(1) },
            () => (this.bulkOpen = false),
          )
        : nothing}`;
  }

  /** @internal *Download CSV* of the holders of the tab shown; it names that list (the tab) to assistive technology. */
  private renderDownload() {
    const tab = this.tab;
    // Something to save: holders shown, or users left to read (holders may be further on).
    const ready = this.users[tab].state === 'loaded' && (this.holders(tab).length > 0 || !this.lists[tab].complete);
    return this.csv.button(this.exportCsv, { ready, describedBy: `tab-${tab}` });
  }

  /** @internal The export's progress with *Cancel*, or what the last export came to. */
  private renderExport() {
    return this.csv.render({
      progress: (done, total) =>
        total === undefined
          ? msg(str`Exporting… ${done} holders`, { id: 'csv-lists.holders-exporting-open' })
          : msg(str`Exporting… ${done} of ${total} holders`, { id: 'csv-lists.holders-exporting' }),
      done: (count, n) =>
        count === 1
          ? msg('Saved 1 holder as a CSV file.', { id: 'csv-lists.holders-done-one' })
          : msg(str`Saved ${n} holders as a CSV file.`, { id: 'csv-lists.holders-done' }),
      cut: (n, total, limit) =>
        msg(str`${n} of ${total} holders saved: an export stops at ${limit}. Narrow the list with the search to export the rest.`, {
          id: 'csv-lists.holders-cut',
        }),
    });
  }

  /**
   * @internal *Download CSV*: the holders of the tab shown that match the search, as a CSV file named
   * `holders-<licence>-<list>-<owner>-<serial>-<date>.csv`. When every user of the list is loaded the holders shown are
   * saved as they are; otherwise the server is asked for the holders (and the search), and each row checked here too.
   */
  private readonly exportCsv = (): Promise<void> => {
    const found = this.licences.value;
    if (!found) return Promise.resolve();
    const { licence } = found;
    const tab = this.tab;
    const list = this.lists[tab];
    const [column, query] = [licence.column, this.query];
    return this.csv.run<UserEntry>({
      ...userCsvColumns(false),
      loaded: list.complete ? this.holders(tab) : undefined,
      fetchPage: (page, signal) =>
        getUserEntries(this.config, tab, [column], page, { signal, fresh: true, holders: column, search: query.trim().slice(0, SEARCH_MAX) }),
      key: (e) => e.row.PrimaryKey,
      filter: (rows) => holdersAmong(rows, column, query),
      fileName: async (signal) =>
        csvFileName(['holders', licence.name, listFileWord(tab), licence.ownerName, await ownerSerial(this.config, licence.ownerName, signal)]),
    });
  };

  /** @internal A new search: the list shows its start; what the last export came to is about the list as it was. */
  private readonly onSearch = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
    this.csv.clear();
    void this.window.reveal(0);
  };

  /** @internal */
  private nameOf(e: UserEntry): string {
    return e.row.fullName || e.row.assocName;
  }

  /** @internal */
  private renderHolders(tab: Tab, l: HeldLicence) {
    return renderResource(
      this.users[tab],
      {
        failed: msg('Could not load the users.', { id: 'users.failed' }),
        forbidden: msg('You do not have access to the user lists.', { id: 'users.forbidden' }),
      },
      () => {
        const list = this.lists[tab];
        const rows = this.holders(tab);
        const name = l.name;
        const none =
          tab === 'internal'
            ? msg(str`No associates hold ${name}.`, { id: 'holders.none-internal' })
            : msg(str`No other users hold ${name}.`, { id: 'holders.none-other' });
        return html`${rows.length ? this.renderTable(tab, rows, list, l) : list.complete ? emptyTemplate(this.query.trim() ? msg('No holders match the search.', { id: 'holders.no-match' }) : none) : nothing}
          ${this.renderFooter(list)}`;
      },
    );
  }

  /** @internal */
  private renderTable(tab: Tab, rows: readonly UserEntry[], list: PagedList<UserEntry>, l: HeldLicence) {
    const [start, end] = this.window.range(rows.length);
    const readOnly = this.action.readOnly;
    // Focusable, so the list scrolls with the keyboard also when it holds no buttons (read-only).
    return html`<div class="table" part="table" role="table" tabindex="0" aria-labelledby="tab-${tab}" aria-rowcount=${list.complete ? rows.length + 1 : -1} ${ref(this.window.attach)}>
      <div class="head" role="rowgroup" part="header">
        <div class="row" role="row" aria-rowindex="1">
          <div class="cell c-name" role="columnheader">${msg('Name', { id: 'users.name' })}</div>
          <div class="cell c-group" role="columnheader">${msg('Group', { id: 'users.group' })}</div>
          <div class="cell c-plan" role="columnheader">${msg('User plan', { id: 'users.plan' })}</div>
          <div class="cell c-actions" role="columnheader">${msg('Actions', { id: 'holders.actions' })}</div>
        </div>
      </div>
      <div class="body" role="rowgroup">
        ${this.window.spacer('before')}
        ${rows.slice(start, end).map((e, i) => {
            const r = e.row;
            const busy = this.action.isBusy(String(r.associateDbId));
            const who = this.nameOf(e);
            return keyed(r.PrimaryKey, html`<div class="row ${e.active ? '' : 'inactive'}" role="row" part="row" aria-rowindex=${start + i + 2}>
              <div class="cell c-name" role="cell">
                ${this.renderPortrait(r.portraitThumbnail, r.fullName, r.assocName)}
                <span class="who"><span class="name">${who}</span><span class="id">${r.assocName}</span></span>
              </div>
              <div class="cell c-group" role="cell">${r.usergroup}</div>
              <div class="cell c-plan" role="cell">${r.userplan}</div>
              <div class="cell c-actions" role="cell">
                ${readOnly
                  ? nothing
                  : html`${l.plan
                        ? html`<button
                            class="button"
                            part="reassign"
                            type="button"
                            ?disabled=${busy}
                            aria-busy=${busy ? 'true' : 'false'}
                            aria-label=${msg(str`Reassign ${who} to another plan`, { id: 'holders.reassign-label' })}
                            @click=${() => this.openReassign(e)}
                          >
                            ${msg('Reassign', { id: 'holders.reassign' })}
                          </button>`
                        : nothing}
                      <button
                        class="button"
                        part="remove"
                        type="button"
                        ?disabled=${busy}
                        aria-busy=${busy ? 'true' : 'false'}
                        aria-label=${msg(str`Remove ${l.name} from ${who}`, { id: 'holders.remove-label' })}
                        @click=${(ev: Event) => this.removeHolder(e, l, ev.currentTarget as HTMLElement)}
                      >
                        ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${msg('Remove', { id: 'holders.remove' })}
                      </button>`}
              </div>
            </div>`);
          })}
        ${this.window.spacer('after')}
      </div>
    </div>`;
  }

  /** @internal */
  private renderPortrait(url: string, fullName: string, userId: string) {
    const src = portraitUrl(url, this.config.apiBase);
    return src && !this.brokenPortraits.has(src)
      ? html`<img class="avatar" src=${src} alt="" width="32" height="32" decoding="async" @error=${this.onPortraitError} />`
      : html`<span class="avatar initials" aria-hidden="true">${initials(fullName, userId)}</span>`;
  }

  /** @internal */
  private renderFooter(list: PagedList<UserEntry>) {
    const error = list.moreError;
    return html`<div class="footer" part="footer" role=${error ? 'alert' : 'status'}>
      ${error
        ? html`<p><strong>${msg('Could not load more users.', { id: 'users.more-failed' })}</strong> ${reasonOf(error)}</p>
            <button class="button" part="retry" type="button" @click=${() => list.retry()}>${msg('Try again', { id: 'state.retry' })}</button>`
        : list.loadingMore
          ? html`<span class="spinner" aria-hidden="true"></span>
              <p>${msg('Loading more users…', { id: 'users.more-loading' })}</p>`
          : nothing}
    </div>`;
  }

  /** @internal The plan choice for *Reassign*: other plans, those without a free seat disabled and saying so. */
  private renderReassign(e: UserEntry, l: HeldLicence) {
    const plans = this.licences.value?.otherPlans ?? [];
    const who = this.nameOf(e);
    const busy = this.action.isBusy(String(e.row.associateDbId));
    return html`<section class="panel reassign" part="reassign-panel" aria-labelledby="reassign-title" @keydown=${this.onPanelKeyDown}>
      ${heading(this.level(1), msg(str`Reassign ${who}`, { id: 'holders.reassign-title' }), { id: 'reassign-title' })}
      <fieldset>
        <legend>${msg(str`Move ${who} from ${l.name} to:`, { id: 'holders.reassign-legend' })}</legend>
        ${plans.map((p) => {
          const free = hasFreeSeat(p);
          return html`<label class="choice ${free ? '' : 'disabled'}">
            <input type="radio" name="plan" .value=${p.moduleName} ?disabled=${!free} .checked=${this.reassignTo === p.moduleName} @change=${() => (this.reassignTo = p.moduleName)} />
            <span>${p.name}</span>
            <span class="muted">
              ${free
                ? p.unrestricted
                  ? msg('unlimited', { id: 'holders.unlimited' })
                  : msg(str`${formatNumber(p.free)} free`, { id: 'holders.free' })
                : msg('no free seats', { id: 'holders.no-free' })}
            </span>
          </label>`;
        })}
      </fieldset>
      <p class="muted">${msg('A plan change takes effect the next time the user logs in.', { id: 'holders.next-login' })}</p>
      <div class="actions">
        <button class="button" type="button" @click=${this.closeReassign}>${msg('Cancel', { id: 'write.cancel' })}</button>
        <button
          class="button primary"
          part="reassign-confirm"
          type="button"
          ?disabled=${!this.reassignTo || busy}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => this.reassign(e, l)}
        >
          ${msg('Reassign', { id: 'holders.reassign' })}
        </button>
      </div>
    </section>`;
  }

  /** @internal The users of the current tab who lack the licence, searchable, multi-select. */
  private renderPicker(l: HeldLicence) {
    const q = fold(this.pickQuery.trim());
    const column = l.column;
    const candidates = this.lists[this.tab].rows.filter((e) => !e.held.has(column) && (!q || e.text.includes(q)));
    const shown = candidates.slice(0, PICK_LIMIT);
    return this.editing!.pickerTemplate({
      level: this.level(1),
      licenceName: l.name,
      free: l.unrestricted ? undefined : l.free,
      query: this.pickQuery,
      users: shown,
      more: candidates.length - shown.length,
      picked: this.picked,
      nameOf: (e) => this.nameOf(e),
      onQuery: (v) => (this.pickQuery = v),
      onToggle: (id, on) => {
        const next = new Set(this.picked);
        if (on) next.add(id);
        else next.delete(id);
        this.picked = next;
      },
      onAll: (on) => (this.picked = on ? new Set([...this.picked, ...shown.map((e) => e.row.associateDbId)]) : new Set()),
      onCancel: () => this.closePicker(),
      onAssign: () => this.assignPicked(),
    });
  }

  /** @internal The write of `changes` for holder `e`, with its announcement and its *Undo*. */
  private job(e: UserEntry, changes: AssignmentChange[], operation: string, done: () => string, undo?: () => WriteJob): WriteJob {
    const id = e.row.associateDbId;
    return {
      key: String(id),
      operation,
      run: (signal) => saveAssignments(this.config, id, changes, { signal }),
      changes: changes.map((c) => ({ associateId: id, ...c })),
      done,
      undo,
    };
  }

  /** @internal Loads the editing code once. */
  private async loadEditing(): Promise<Editing> {
    this.editing ??= await import('./editing.js');
    return this.editing;
  }

  /** @internal *Remove*, after a confirmation that names who loses what. */
  private async removeHolder(e: UserEntry, l: HeldLicence, button: HTMLElement): Promise<void> {
    const id = String(e.row.associateDbId);
    if (this.action.isBusy(id)) return;
    const { confirmChange } = await this.loadEditing();
    const [name, who] = [l.name, this.nameOf(e)];
    const ok = await confirmChange(
      this,
      {
        heading: msg(str`Remove ${name} from ${who}?`, { id: 'holders.confirm-remove' }),
        message: msg(str`${who} can no longer use what ${name} gives access to. You can undo this for 10 seconds.`, { id: 'holders.confirm-remove-text' }),
        confirmLabel: msg('Remove licence', { id: 'holders.confirm-remove-button' }),
        destructive: true,
      },
      button,
    );
    if (!ok) return;
    const change = { ownerName: l.ownerName, moduleName: l.moduleName };
    await this.action.run(
      this.job(e, [{ ...change, assigned: false }], 'unassign', () => msg(str`${name} was removed from ${who}.`, { id: 'holders.removed' }), () =>
        this.job(e, [{ ...change, assigned: true }], 'assign', () => msg(str`${name} was given back to ${who}.`, { id: 'holders.restored' })),
      ),
    );
  }

  /** @internal */
  private openReassign(e: UserEntry): void {
    this.reassigning = e;
    this.reassignTo = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part=reassign-panel] input:not(:disabled)')?.focus());
  }

  /** @internal */
  private readonly closeReassign = () => {
    this.reassigning = undefined;
  };

  /** @internal One change: the old plan off, the new one on. */
  private async reassign(e: UserEntry, l: HeldLicence): Promise<void> {
    const target = this.licences.value?.otherPlans.find((p) => p.moduleName === this.reassignTo);
    if (!target) return;
    const [who, from, to] = [this.nameOf(e), l.name, target.name];
    const swap = (off: HeldLicence, on: HeldLicence): AssignmentChange[] => [
      { ownerName: off.ownerName, moduleName: off.moduleName, assigned: false },
      { ownerName: on.ownerName, moduleName: on.moduleName, assigned: true },
    ];
    const ok = await this.action.run(
      this.job(e, swap(l, target), 'reassign', () => msg(str`${who} now has ${to} instead of ${from}.`, { id: 'holders.reassigned' }), () =>
        this.job(e, swap(target, l), 'reassign', () => msg(str`${who} has ${from} again.`, { id: 'holders.reassigned-back' })),
      ),
    );
    if (ok) this.reassigning = undefined;
  }

  /** @internal */
  private readonly openPicker = async () => {
    await this.loadEditing();
    this.picking = true;
    this.picked = new Set();
    this.pickQuery = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('[part=picker] input[type=search]')?.focus();
  };

  /** @internal */
  private closePicker(): void {
    this.picking = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=assign]')?.focus());
  }

  /** @internal Assigns the licence to every picked user through the bulk queue (2 at a time). */
  private async assignPicked(): Promise<void> {
    const { BulkQueue } = await this.loadEditing();
    const users = this.lists[this.tab].rows.filter((e) => this.picked.has(e.row.associateDbId));
    if (!users.length) return;
    const change = () => ({ ownerName: this.owner, moduleName: this.module, assigned: true });
    this.bulk ??= new BulkQueue<UserEntry>(this, {
      work: async (e, signal) => {
        await saveAssignments(this.config, e.row.associateDbId, [change()], { signal });
      },
      onDone: (e) => this.emit('so-assignment-change', { associateId: e.row.associateDbId, ...change() }),
      onFailed: (_e, error) => this.action.fail(error, 'assign', false),
    });
    this.picking = false;
    this.bulkOpen = true;
    this.action.dismiss();
    this.bulk.start(users);
  }

  /** @internal */
  private selectTab(tab: Tab): void {
    if (tab !== this.tab) this.csv.clear();
    this.tab = tab;
    this.picking = false;
    if (!this.opened.has(tab)) this.opened = new Set([...this.opened, tab]);
  }

  /** @internal Escape closes the reassign panel. */
  private readonly onPanelKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.closeReassign();
  };

  /** @internal */
  private readonly onPortraitError = (e: Event) => {
    const src = (e.target as HTMLImageElement).getAttribute('src');
    if (src) this.brokenPortraits = new Set([...this.brokenPortraits, src]);
  };
}

/** The users among `rows` who hold the licence of archive column `column` and match the search `query`. */
function holdersAmong(rows: readonly UserEntry[], column: string, query: string): readonly UserEntry[] {
  const q = fold(query.trim());
  return rows.filter((e) => e.held.has(column) && (!q || e.text.includes(q)));
}
