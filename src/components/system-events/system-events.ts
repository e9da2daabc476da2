import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../../localization.js';
import {
  getStartedBatchTasks,
  getSystemEvents,
  stopBatchJob,
  type SystemEventQuery,
  type SystemEventSortColumn,
} from '../../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../../api/errors.js';
import { isUnreadableDate, type BatchTask, type SystemEventRow, type WallDate } from '../../api/schemas.js';
import { csvFileName, type CsvCell } from '../../core/csv.js';
import { CsvExport, exportStyles, EXPORT_LIMIT, ownerSerial } from '../../core/csv-export.js';
import { facts } from '../../core/facts.styles.js';
import { formatDateTime, formatNumber, formatPercent, unreadableDateText } from '../../core/format.js';
import { KitElement } from '../../core/kit-element.js';
import { heading } from '../../core/heading.js';
import { iconStyles, sortIcons } from '../../core/icons.js';
import { PagedList } from '../../core/paged-list.js';
import { Poller } from '../../core/poller.js';
import { Resource, type LoadContext } from '../../core/resource.js';
import { emptyTemplate, loadingTemplate, reasonOf, renderResource } from '../../core/states.js';
import { RowFocus } from '../../core/row-focus.js';
import { VirtualWindow } from '../../core/virtual-window.js';
import { initials, portraitUrl } from '../../core/portrait.js';
import { eventStatus, eventType, taskState, type ValueLabel } from './labels.js';
import { styles } from './system-events.styles.js';

/** Events per request (`$top`). */
const PAGE_SIZE = 50;
/** `aria-rowindex` of the first event row (the header row is 1). */
const FIRST_ROW = 2;
/** The search waits this long after the last keystroke before it asks the server. */
const SEARCH_DELAY = 300;
/**
 * The longest search text. The search goes into `$filter` twice (event name and message), URL-encoded: 60
 * characters of the widest kind (4-byte UTF-8, 12 characters encoded) stay, with `$select`, both filters and a long
 * tenant URL, within IIS's default 2,048-character query limit.
 */
export const SEARCH_MAX = 60;
export { EXPORT_LIMIT };

/** The contract's `status` values (E6), offered as filter choices with their translated labels. */
const STATUS_VALUES = ['Finished', 'Scheduled', 'Failed', 'Cancelled'] as const;
/** The contract's `type` values (E6). */
const TYPE_VALUES = ['System-wide', 'Database', 'Group', 'User'] as const;

interface Column {
  key: SystemEventSortColumn;
  class: string;
  label: () => string;
}

/** The seven columns in screen order, each sortable by its archive column. Labels are read at render time. */
const COLUMNS: readonly Column[] = [
  { key: 'eventname', class: 'c-event', label: () => msg('Event', { id: 'events.event' }) },
  { key: 'status', class: 'c-status', label: () => msg('Status', { id: 'events.status' }) },
  { key: 'eventmess', class: 'c-message', label: () => msg('Message', { id: 'events.message' }) },
  { key: 'registered', class: 'c-activated', label: () => msg('Activated', { id: 'events.activated' }) },
  { key: 'registered_associate_id/assocName', class: 'c-by', label: () => msg('Activated by', { id: 'events.by' }) },
  { key: 'eta', class: 'c-finished', label: () => msg('Finished', { id: 'events.finished' }) },
  { key: 'type', class: 'c-type', label: () => msg('Type', { id: 'events.type' }) },
];

/** Newest first, as SuperOffice's own screen lists them. */
const DEFAULT_SORT = { column: 'registered', desc: true } as const satisfies SystemEventQuery['sort'];

/**
 * System notifications (E6), newest first, with the running jobs (E7) on top. Rows are virtualized and loaded 50 at
 * a time as the list is scrolled; select a row by click or keyboard to read its full message in the details panel.
 * With `refresh-interval` the newest events and the jobs are polled.
 *
 * Every column sorts by its header button (click, Enter or Space; `aria-sort` on the header; again reverses). The
 * list can be narrowed by status, by type and by a text searched for in the event's name and message. Sorting,
 * filters and search are done by the server (`$orderBy`, `$filter` on E6), so they cover every event, however many;
 * the line above the grid says how many match ("12 of 10,000 notifications"). *Download CSV* saves what is shown —
 * in that order, with those filters — fetching the matching pages itself (at most 5,000 rows, with progress and
 * *Cancel*).
 *
 * Keyboard: Tab reaches the search, the filters, *Download CSV*, the column headers and the list; in the list ↑/↓,
 * Home/End and PageUp/PageDown move between rows; Enter or Space selects.
 *
 * @tag so-system-events
 * @summary System notifications with running jobs and a details panel.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail: { source: 'SystemEvent' }`
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @fires {CustomEvent<SoEventSelectDetail>} so-event-select - A row was selected. `detail: { id }` (the event's `PrimaryKey`)
 * @fires {CustomEvent<SoWriteErrorDetail>} so-write-error - Stopping a job failed. `detail: { kind, status?, message, operation: 'stop-job' }`
 * @csspart heading - The "System notifications" heading.
 * @csspart toolbar - The search, the filters and *Download CSV*.
 * @csspart search - The search field.
 * @csspart filter - The status and type choices.
 * @csspart download - The *Download CSV* button.
 * @csspart count - The line that says how many notifications match.
 * @csspart export - The export's progress with *Cancel*, and what the export came to.
 * @csspart sort - A column header's sort button.
 * @csspart jobs - The running jobs.
 * @csspart job - One running job.
 * @csspart progress - A job's progress bar.
 * @csspart stop - A job's *Stop* button (only where the job's `CancellationBehaviour` allows it).
 * @csspart dialog - The dialog that confirms stopping a job.
 * @csspart table - The grid of events (it scrolls).
 * @csspart header - The header row group.
 * @csspart row - An event row; `selected` is added to the selected one.
 * @csspart selected - The selected event row.
 * @csspart skipped - The "2 notifications could not be read" line.
 * @csspart footer - The line under the grid: loading more, or what failed.
 * @csspart details - The details panel of the selected event.
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 * @cssprop [--so-events-height=24rem] - Height of the scrolling grid.
 */
export class SoSystemEvents extends KitElement {
  static override styles = [KitElement.styles, facts, iconStyles, exportStyles, styles];

  /**
   * Seconds between refreshes of the newest events and the running jobs; `0` (default) turns polling off. At least
   * 5 seconds: a smaller value is raised to 5. A server's `Retry-After` is honoured, failures back off, and a failed
   * load is tried again at each poll until the server answers.
   */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 0;

  /** @internal The selected event (kept while polls replace the row objects). */
  @state() private selected?: SystemEventRow;
  /** @internal Running jobs; `null` when E7 is not offered (404/403) or failed. */
  @state() private jobs: BatchTask[] | null = null;
  /** @internal E7 failed for another reason than 404/403. */
  @state() private jobsFailed = false;
  /** @internal The last poll failed (the poller backs off). */
  @state() private pollFailed = false;
  /** @internal Portrait URLs that did not load. */
  @state() private brokenPortraits = new Set<string>();
  /** @internal The job the stop dialog asks about. */
  @state() private confirming?: BatchTask;
  /** @internal Jobs whose stop request is on its way. */
  @state() private stopping = new Set<number>();
  /** @internal What the last stop request came to. */
  @state() private stopOutcome?: { name: string; stopped: boolean; error?: ApiError };

  /** @internal The order asked of the server. */
  @state() private sort: NonNullable<SystemEventQuery['sort']> = DEFAULT_SORT;
  /** @internal The `status` value the list is narrowed to; `''` for all. */
  @state() private statusFilter = '';
  /** @internal The `type` value the list is narrowed to; `''` for all. */
  @state() private typeFilter = '';
  /** @internal The search text in the field (applied after a pause in typing). */
  @state() private searchInput = '';
  /** @internal The search text applied. */
  @state() private search = '';
  /** @internal A changed sort, filter or search is being loaded. */
  @state() private querying = false;
  /** @internal Trying a failed query again: no rows are shown until it answers. */
  @state() private retryingQuery = false;
  /** @internal Loading a changed sort, filter or search failed. */
  @state() private queryError?: ApiError;
  /** @internal The number of all events (`odata.count` of the last answer without filters). */
  @state() private allCount?: number;

  /** @internal */
  @query('#stop-dialog') private stopDialog?: HTMLDialogElement;

  /** @internal Bumped by every change of sort, filter or search: answers to an older query are dropped. */
  private queryGeneration = 0;
  /** @internal The load of a changed query in flight. */
  private queryController?: AbortController;
  /** @internal *Download CSV*: progress, *Cancel* and outcome. */
  private readonly csv = new CsvExport(this);
  /** @internal */
  private searchTimer?: ReturnType<typeof setTimeout>;

  /** @internal */
  private readonly list = new PagedList<SystemEventRow>(this, {
    pageSize: PAGE_SIZE,
    key: (row) => row.PrimaryKey,
    fetchPage: async (page, { config, signal, fresh }) => {
      const generation = this.queryGeneration;
      const query = this.query;
      const answer = await getSystemEvents(config, page, { signal, fresh, query });
      if (generation !== this.queryGeneration) throw new DOMException('The sort, filters or search changed.', 'AbortError');
      if (!isFiltered(query) && answer.count !== null) this.allCount = answer.count;
      return answer;
    },
  });

  /** @internal */
  private readonly events = new Resource(this, {
    source: 'SystemEvent',
    load: async (_args, context) => {
      void this.loadJobs(context); // optional, and never holds up the events
      await this.list.first(context);
      return true;
    },
    // A search or filter that matches nothing is not "no notifications": the toolbar stays to change it.
    isEmpty: () => this.list.rows.length === 0 && !this.jobs?.length && !isFiltered(this.query) && !this.querying && !this.queryError,
  });

  /** @internal */
  private readonly virtualRows = new VirtualWindow(this, {
    rowSelector: '.body > [role=row]',
    estimate: 40,
    nearEnd: (wanted) => this.list.more(wanted),
  });

  /** @internal Keyboard and pointer use of the rows. */
  private readonly rowFocus = new RowFocus<SystemEventRow>(this, {
    rows: () => this.list.rows,
    key: (row) => row.PrimaryKey,
    window: this.virtualRows,
    rowSelector: '.body > [role=row]',
    gridSelector: '[role=grid]',
    firstRowIndex: FIRST_ROW,
    activate: (row) => this.select(row),
  });

  /** @internal Counts E7 requests: only the latest one's answer is shown. */
  private jobsRun = 0;

  constructor() {
    super();
    // Registers itself with this element; polls while refresh-interval is set.
    new Poller(this, { interval: () => this.refreshInterval * 1000, run: (signal) => this.poll(signal) });
  }

  /** Loads the events and jobs again, bypassing answers shared with other elements. */
  refresh(): Promise<void> {
    return this.events.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.queryController?.abort(new DOMException('The element was disconnected.', 'AbortError'));
  }

  /** @internal What the server is asked for: the sort, the filters and the search. */
  private get query(): SystemEventQuery {
    return { sort: this.sort, status: this.statusFilter || undefined, type: this.typeFilter || undefined, search: this.search || undefined };
  }

  /**
   * @internal The sort, a filter or the search changed: the first page of the new query replaces the list (the
   * toolbar and the jobs stay; the grid is marked busy). A query changed again meanwhile wins; a failure says so with
   * *Try again*.
   */
  private async requery(): Promise<void> {
    this.queryGeneration++;
    this.queryController?.abort(new DOMException('The query changed.', 'AbortError'));
    this.list.cancelMore();
    this.csv.clear();
    const s = this.events.state;
    if (s !== 'loaded' && s !== 'empty') {
      // Not on screen yet (or failed): the element's own load asks with the new query.
      this.queryController = undefined;
      this.querying = false;
      await this.events.refresh();
      return;
    }
    const controller = (this.queryController = new AbortController());
    this.querying = true;
    // After a failed query the rows in memory belong to an older one: not shown while trying again.
    this.retryingQuery = !!this.queryError || this.retryingQuery;
    this.queryError = undefined;
    try {
      await this.list.first({ config: this.config, signal: controller.signal, fresh: false });
      const grid = this.renderRoot.querySelector<HTMLElement>('[role=grid]');
      if (grid) grid.scrollTop = 0;
    } catch (error) {
      if (!isAbort(error)) this.queryError = toApiError(error);
    } finally {
      if (this.queryController === controller) {
        this.queryController = undefined;
        this.querying = false;
        this.retryingQuery = false;
      }
    }
  }

  /** @internal Ascending first, then each activation flips the direction. */
  private sortBy(column: SystemEventSortColumn): void {
    this.sort = { column, desc: this.sort.column === column && !this.sort.desc };
    void this.requery();
  }

  /** @internal */
  private readonly onSearchInput = (e: Event): void => {
    this.searchInput = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY);
  };

  /** @internal Enter in the search field applies it at once. */
  private readonly onSearchSubmit = (e: Event): void => {
    e.preventDefault();
    clearTimeout(this.searchTimer);
    this.applySearch();
  };

  /** @internal */
  private applySearch(): void {
    const search = this.searchInput.trim();
    if (search === this.search) return;
    this.search = search;
    void this.requery();
  }

  /** @internal */
  private readonly onStatusChange = (e: Event): void => {
    this.statusFilter = (e.target as HTMLSelectElement).value;
    void this.requery();
  };

  /** @internal */
  private readonly onTypeChange = (e: Event): void => {
    this.typeFilter = (e.target as HTMLSelectElement).value;
    void this.requery();
  };

  /** @internal *Clear search and filters*: back to every notification; focus goes to the search field. */
  private readonly onClear = async (): Promise<void> => {
    clearTimeout(this.searchTimer);
    this.searchInput = this.search = this.statusFilter = this.typeFilter = '';
    void this.requery();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  };

  /**
   * @internal E7 is optional: 404/403 hide the jobs; other failures say so without failing the element. Never
   * rejects; an older request finishing late is ignored.
   */
  private async loadJobs({ config, signal, fresh }: LoadContext): Promise<void> {
    const run = ++this.jobsRun;
    let jobs: BatchTask[] | null = null;
    let failed = false;
    try {
      jobs = await getStartedBatchTasks(config, { signal, fresh });
    } catch (error) {
      if (isAbort(error)) return;
      const e = toApiError(error);
      failed = e.kind !== 'forbidden' && e.status !== 404;
    }
    if (run !== this.jobsRun) return;
    this.jobs = jobs;
    this.jobsFailed = failed;
  }

  /**
   * @internal One poll: the newest page and the jobs, fresh, on top of what is loaded; the selection stays. After a
   * failed load, the poll tries the load again quietly, so the element recovers once the server does.
   */
  private async poll(signal: AbortSignal): Promise<void> {
    const s = this.events.state;
    if (s === 'error') return this.events.retryInBackground();
    if (s !== 'loaded' && s !== 'empty') return;
    const context = { config: this.config, signal, fresh: true };
    try {
      const [above] = await Promise.all([this.list.first(context, true), this.loadJobs(context)]);
      this.pollFailed = false;
      await this.virtualRows.shift(above);
    } catch (error) {
      if (!isAbort(error)) this.pollFailed = true;
      throw error;
    }
  }

  override render() {
    return html`<section class="base" aria-labelledby="title">
      ${heading(this.level(), msg('System notifications', { id: 'events.title' }), { id: 'title', part: 'heading', class: 'title' })}
      ${renderResource(
        this.events,
        {
          failed: msg('Could not load the system notifications.', { id: 'events.failed' }),
          empty: msg('There are no system notifications.', { id: 'events.empty' }),
          forbidden: msg('You do not have access to system notifications.', { id: 'events.forbidden' }),
        },
        () => this.renderLoaded(),
      )}
    </section>`;
  }

  /** @internal */
  private renderLoaded() {
    const rows = this.list.rows;
    return html`${this.renderJobs()}
      ${this.pollFailed
        ? html`<p class="notice warning" role="status">
            ${msg('The list could not be refreshed; it will try again shortly.', { id: 'events.poll-failed' })}
          </p>`
        : nothing}
      ${rows.length || isFiltered(this.query) || this.querying || this.queryError ? this.renderToolbar() : nothing}
      ${this.queryError
        ? html`<div class="state error" part="state" role="alert">
            <p>
              <strong>${msg('Could not load the notifications that match.', { id: 'events-lists.query-failed' })}</strong>
              ${reasonOf(this.queryError)}
            </p>
            <button class="button" part="retry" type="button" @click=${() => this.requery()}>${msg('Try again', { id: 'state.retry' })}</button>
          </div>`
        : this.retryingQuery
          ? loadingTemplate()
          : rows.length
            ? html`${this.renderSkipped()}${this.renderGrid(rows)}${this.renderFooter()}${this.renderDetails()}`
            : isFiltered(this.query)
              ? html`<div class="state empty no-match" part="state">
                  <p>${msg('No notifications match the search and filters.', { id: 'events-lists.no-match' })}</p>
                  <button class="button" type="button" @click=${this.onClear}>
                    ${msg('Clear search and filters', { id: 'events-lists.clear' })}
                  </button>
                </div>`
              : emptyTemplate(msg('There are no system notifications.', { id: 'events.empty' }))}`;
  }

  /** @internal The search, the status and type choices, *Download CSV*, how many match, and the export. */
  private renderToolbar() {
    const option = (value: string, label: string, selected: string) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    return html`<form class="toolbar" part="toolbar" role="search" aria-label=${msg('Search and filter notifications', { id: 'events-lists.toolbar' })} @submit=${this.onSearchSubmit}>
        <div class="field search">
          <label for="search">${msg('Search notifications', { id: 'events-lists.search' })}</label>
          <input
            id="search"
            part="search"
            type="search"
            autocomplete="off"
            maxlength=${SEARCH_MAX}
            aria-describedby="search-hint"
            .value=${this.searchInput}
            @input=${this.onSearchInput}
          />
          <span class="hint muted" id="search-hint">${msg('Event or message', { id: 'events-lists.search-hint' })}</span>
        </div>
        <div class="field">
          <label for="status-filter">${msg('Status', { id: 'events.status' })}</label>
          <select id="status-filter" part="filter" .value=${this.statusFilter} @change=${this.onStatusChange}>
            ${option('', msg('All statuses', { id: 'events-lists.all-statuses' }), this.statusFilter)}
            ${STATUS_VALUES.map((v) => option(v, eventStatus(v).label, this.statusFilter))}
          </select>
        </div>
        <div class="field">
          <label for="type-filter">${msg('Type', { id: 'events.type' })}</label>
          <select id="type-filter" part="filter" .value=${this.typeFilter} @change=${this.onTypeChange}>
            ${option('', msg('All types', { id: 'events-lists.all-types' }), this.typeFilter)}
            ${TYPE_VALUES.map((v) => option(v, eventType(v).label, this.typeFilter))}
          </select>
        </div>
        ${this.csv.button(this.exportCsv, { ready: this.list.rows.length > 0 && !this.querying })}
      </form>
      <p class="count" part="count" role="status">${this.countText()}</p>
      ${this.renderExport()}`;
  }

  /** @internal "10,000 notifications", or with a filter or search "12 of 10,000 notifications". */
  private countText(): string {
    if (this.querying) return msg('Loading…', { id: 'state.loading' });
    const shown = this.list.total;
    if (shown === undefined) return '';
    const n = formatNumber(shown);
    if (isFiltered(this.query) && this.allCount !== undefined) {
      const all = formatNumber(this.allCount);
      return msg(str`${n} of ${all} notifications`, { id: 'events-lists.count-of' });
    }
    return shown === 1 ? msg('1 notification', { id: 'events-lists.count-one' }) : msg(str`${n} notifications`, { id: 'events-lists.count' });
  }

  /** @internal The export's progress with *Cancel*, or what the last export came to. */
  private renderExport() {
    return this.csv.render({
      progress: (done, total) =>
        total === undefined
          ? msg(str`Exporting… ${done} notifications`, { id: 'events-lists.exporting-open' })
          : msg(str`Exporting… ${done} of ${total} notifications`, { id: 'events-lists.exporting' }),
      done: (_count, n) => msg(str`Saved ${n} notifications as a CSV file.`, { id: 'events-lists.export-done' }),
      cut: (n, total, limit) =>
        msg(str`The file holds the first ${n} of ${total} notifications: an export stops at ${limit}. Narrow the list with the search or the filters to export the rest.`, { id: 'events-lists.export-cut' }),
    });
  }

  /**
   * @internal *Download CSV*: what is shown — this sort, these filters, this search — as a CSV file named
   * `system-notifications-superoffice-<serial>-<date>.csv` (the serial number from E1 when the user may read it).
   * When the list holds every match already it is saved as it is; otherwise the matching pages are fetched again.
   */
  private readonly exportCsv = (): Promise<void> => {
    const query = this.query;
    const list = this.list;
    return this.csv.run<SystemEventRow>({
      loaded: list.complete ? list.rows : undefined,
      total: list.total,
      fetchPage: (page, signal) => getSystemEvents(this.config, page, { signal, fresh: true, query }),
      key: (row) => row.PrimaryKey,
      fileName: async (signal) => csvFileName(['system-notifications', 'superoffice', await ownerSerial(this.config, 'SUPEROFFICE', signal)]),
      header: COLUMNS.map((c) => c.label()),
      cells: csvRow,
    });
  };

  /** @internal */
  private renderJobs() {
    if (this.jobsFailed) {
      return html`<p class="notice warning" role="status">
        ${msg('Running jobs could not be loaded.', { id: 'events.jobs-failed' })}
      </p>`;
    }
    if (!this.jobs?.length) return nothing;
    return html`<section class="jobs" part="jobs" aria-labelledby="jobs-title">
      ${heading(this.level(1), msg('Running jobs', { id: 'events.jobs' }), { id: 'jobs-title', class: 'subtitle' })}
      <ul>
        ${this.jobs.map((job) => this.renderJob(job))}
      </ul>
      ${this.renderStopOutcome()} ${this.renderStopDialog()}
    </section>`;
  }

  /** @internal One running job: name, state, progress, when and by whom it started, its file, and *Stop*. */
  private renderJob(job: BatchTask) {
    const percent = svgPercent(job.ProgressPercent);
    const started = formatDateTime(job.LastStarted);
    const state = job.State ? taskState(job.State) : undefined;
    const by =
      job.AssociateId === 0
        ? msg('Started by the system', { id: 'events.job-by-system' })
        : msg(str`Started by user ID ${formatNumber(job.AssociateId)}`, { id: 'events.job-by-user' });
    const file = job.FileName;
    const busy = this.stopping.has(job.Id);
    return html`<li class="job" part="job">
      <p class="job-name">
        <strong id="job-${job.Id}">${job.Name}</strong> <span>${job.Description}</span>
        ${state ? html`<span class="job-state ${toneClass(state)}">${state.label}</span>` : nothing}
      </p>
      <div class="progress">
        <progress
          part="progress"
          max="100"
          .value=${percent}
          aria-labelledby="job-${job.Id}"
          aria-describedby="job-${job.Id}-status"
        ></progress>
        <span class="percent">${formatPercent(percent / 100)}</span>
        ${stoppable(job)
          ? html`<button
              class="button stop"
              part="stop"
              type="button"
              aria-haspopup="dialog"
              aria-describedby="job-${job.Id}"
              ?disabled=${busy}
              aria-busy=${busy ? 'true' : 'false'}
              @click=${() => this.askStop(job)}
            >
              ${busy ? msg('Stopping…', { id: 'events.job-stopping' }) : msg('Stop', { id: 'events.job-stop' })}
            </button>`
          : nothing}
      </div>
      <p class="muted" id="job-${job.Id}-status">
        ${job.ProgressDescription}${started
          ? html`<span class="started">${msg(str`Started ${started}`, { id: 'events.job-started' })}</span>`
          : nothing}
        <span class="started">${by}</span>
        ${file ? html`<span class="file">${msg(str`File: ${file}`, { id: 'events.job-file' })}</span>` : nothing}
      </p>
    </li>`;
  }

  /** @internal The outcome of the last stop request, announced. */
  private renderStopOutcome() {
    const o = this.stopOutcome;
    if (!o) return nothing;
    const name = o.name;
    if (o.error) {
      return html`<p class="notice error" role="alert">
        ${o.error.kind === 'forbidden'
          ? msg('You are not allowed to stop jobs.', { id: 'events.job-stop-forbidden' })
          : html`${msg(str`“${name}” could not be stopped.`, { id: 'events.job-stop-failed' })} ${reasonOf(o.error)}`}
      </p>`;
    }
    return o.stopped
      ? html`<p class="notice" role="status">${msg(str`“${name}” is stopping.`, { id: 'events.job-stop-done' })}</p>`
      : html`<p class="notice warning" role="alert">
          ${msg(str`The server did not stop “${name}”.`, { id: 'events.job-stop-refused' })}
        </p>`;
  }

  /** @internal Asks before a job is stopped; *Keep running* is the default, Escape cancels. */
  private renderStopDialog() {
    const job = this.confirming;
    const name = job?.Name ?? '';
    return html`<dialog id="stop-dialog" part="dialog" aria-labelledby="stop-title" aria-describedby="stop-text" @close=${this.onStopDialogClose}>
      ${heading(this.level(2), msg(str`Stop “${name}”?`, { id: 'events.job-stop-title' }), { id: 'stop-title', class: 'dialog-title' })}
      <p id="stop-text">
        ${msg('The job stops where it is. What it has done so far is kept.', { id: 'events.job-stop-text' })}
        ${job?.CancellationBehaviour === 'CancelWithWarning'
          ? html`<strong class="warning-text">
              ${msg('SuperOffice warns that stopping this job can leave its work half done.', { id: 'events.job-stop-warning' })}
            </strong>`
          : nothing}
      </p>
      <div class="dialog-actions">
        <button class="button" type="button" autofocus @click=${this.onKeepRunning}>${msg('Keep running', { id: 'events.job-keep' })}</button>
        <button class="button danger" type="button" @click=${this.onConfirmStop}>${msg('Stop job', { id: 'events.job-stop-confirm' })}</button>
      </div>
    </dialog>`;
  }

  /** @internal */
  private async askStop(job: BatchTask): Promise<void> {
    this.confirming = job;
    this.stopOutcome = undefined;
    await this.updateComplete;
    this.stopDialog?.showModal();
  }

  /** @internal *Keep running* (Escape does the same): nothing is sent. */
  private readonly onKeepRunning = () => this.stopDialog?.close();

  /** @internal *Stop job*: the dialog closes and the one request goes out. */
  private readonly onConfirmStop = () => {
    const job = this.confirming;
    this.stopDialog?.close();
    if (job) void this.stop(job);
  };

  /** @internal The dialog closed (a choice or Escape); a dialog opened again meanwhile keeps its job. */
  private readonly onStopDialogClose = () => {
    if (!this.stopDialog?.open) this.confirming = undefined;
  };

  /** @internal One click, one request; never retried. The jobs reload once the server answered (W10 invalidates them). */
  private async stop(job: BatchTask): Promise<void> {
    if (this.stopping.has(job.Id)) return;
    this.stopping = new Set(this.stopping).add(job.Id);
    try {
      const stopped = await stopBatchJob(this.config, job.Id);
      this.stopOutcome = { name: job.Name, stopped };
    } catch (error) {
      const e = toApiError(error);
      this.stopOutcome = { name: job.Name, stopped: false, error: e };
      this.emit('so-write-error', { kind: e.kind, status: e.status, message: e.message, operation: 'stop-job' });
    } finally {
      const next = new Set(this.stopping);
      next.delete(job.Id);
      this.stopping = next;
    }
  }

  /** @internal */
  private renderGrid(rows: readonly SystemEventRow[]) {
    const total = this.list.total;
    const [start, end] = this.virtualRows.range(total ?? rows.length, rows.length);
    const tabStop = this.rowFocus.tabStop;
    const selectedId = this.selected?.PrimaryKey;
    const base = this.config.apiBase;
    return html`<div
      class="grid"
      part="table"
      role="grid"
      tabindex="-1"
      aria-labelledby="title"
      aria-rowcount=${total === undefined ? -1 : total + 1}
      aria-colcount="7"
      aria-busy=${this.querying ? 'true' : 'false'}
      ${ref(this.virtualRows.attach)}
      @click=${this.rowFocus.onClick}
      @keydown=${this.onGridKey}
      @focusin=${this.rowFocus.onFocusIn}
    >
      <div class="head" role="rowgroup" part="header">
        <div class="row" role="row" aria-rowindex="1">${COLUMNS.map((c) => this.renderHeader(c))}</div>
      </div>
      <div class="body" role="rowgroup">
        ${this.virtualRows.spacer('before')}
        ${rows.slice(start, end).map((row, i) => {
            const selected = row.PrimaryKey === selectedId;
            const status = eventStatus(row.status);
            return keyed(row.PrimaryKey, html`<div
              class="row"
              role="row"
              part=${selected ? 'row selected' : 'row'}
              aria-rowindex=${start + i + FIRST_ROW}
              aria-selected=${selected ? 'true' : 'false'}
              tabindex=${start + i === tabStop ? 0 : -1}
            >
              <span class="c-event" role="gridcell">${row.eventname}</span>
              <span class="c-status ${toneClass(status)}" role="gridcell">${status.label}</span>
              <span class="c-message" role="gridcell" title=${row.eventmess}>${row.eventmess}</span>
              <span class="c-activated" role="gridcell">${formatDateTime(row.registered)}</span>
              <span class="c-by" role="gridcell">${this.renderPortrait(row, base)}<span>${row.registered_associate_id_assocName}</span></span>
              <span class="c-finished" role="gridcell">${formatDateTime(row.eta)}</span>
              <span class="c-type" role="gridcell">${eventType(row.type).label}</span>
            </div>`);
          })}
        ${this.virtualRows.spacer('after')}
      </div>
    </div>`;
  }

  /** @internal Keys on the rows move and select; keys on the header's sort buttons are the buttons' own. */
  private readonly onGridKey = (e: KeyboardEvent): void => {
    if (!(e.target as Element).closest?.('.head')) this.rowFocus.onKeyDown(e);
  };

  /** @internal A column header: its sort button, `aria-sort` on the sorted one. */
  private renderHeader(c: Column) {
    const direction = this.sort.column === c.key ? (this.sort.desc ? 'descending' : 'ascending') : undefined;
    return html`<span class=${c.class} role="columnheader" aria-sort=${ifDefined(direction)}>
      <button type="button" class="sort" part="sort" @click=${() => this.sortBy(c.key)}>
        <span class="label">${c.label()}</span>${sortIcons[direction ?? 'none']}
      </button>
    </span>`;
  }

  /** @internal */
  private renderPortrait(row: SystemEventRow, apiBase: string) {
    const url = portraitUrl(row.registered_associate_id_portraitThumbnail, apiBase);
    return url && !this.brokenPortraits.has(url)
      ? html`<img class="avatar" src=${url} alt="" width="24" height="24" decoding="async" @error=${this.onPortraitError} />`
      : html`<span class="avatar initials" aria-hidden="true">
          ${initials(row.registered_associate_id_fullName, row.registered_associate_id_assocName)}
        </span>`;
  }

  /** @internal Rows the server sent that could not be read: counted, never silently dropped. */
  private renderSkipped() {
    const n = this.list.skipped;
    if (!n) return nothing;
    const count = formatNumber(n);
    return html`<p class="notice warning" part="skipped" role="status">
      ${n === 1
        ? msg('1 notification could not be read.', { id: 'events.skipped-one' })
        : msg(str`${count} notifications could not be read.`, { id: 'events.skipped' })}
    </p>`;
  }

  /** @internal Under the grid: next page loading, or what failed with *Try again*. Always there, to be announced. */
  private renderFooter() {
    const error = this.list.moreError;
    return html`<div class="footer" part="footer" role=${error ? 'alert' : 'status'}>${error
        ? html`<p>
              <strong>${msg('Could not load more notifications.', { id: 'events.more-failed' })}</strong>
              ${reasonOf(error)}
            </p>
            <button class="button" part="retry" type="button" @click=${() => this.list.retry()}>
              ${msg('Try again', { id: 'state.retry' })}
            </button>`
        : this.list.loadingMore
          ? html`<span class="spinner" aria-hidden="true"></span>
              <p>${msg('Loading more notifications…', { id: 'events.more-loading' })}</p>`
          : nothing}</div>`;
  }

  /** @internal */
  private renderDetails() {
    const id = this.selected?.PrimaryKey;
    const row = id === undefined ? undefined : (this.list.rows[this.rowFocus.indexOf(id)] ?? this.selected);
    return html`<section class="details" part="details" role="region" aria-labelledby="details-title">
      ${heading(this.level(1), msg('Details', { id: 'events.details' }), { id: 'details-title', class: 'subtitle' })}
      ${row
        ? html`<p class="details-name">${row.eventname}</p>
            <p class="details-message">${row.eventmess}</p>
            <dl class="facts">
              ${this.fact(msg('Status', { id: 'events.status' }), eventStatus(row.status).label)}
              ${this.fact(msg('Activated', { id: 'events.activated' }), formatDateTime(row.registered))}
              ${this.fact(
                msg('Activated by', { id: 'events.by' }),
                [row.registered_associate_id_fullName, row.registered_associate_id_assocName && `(${row.registered_associate_id_assocName})`]
                  .filter(Boolean)
                  .join(' '),
              )}
              ${this.fact(msg('Finished', { id: 'events.finished' }), formatDateTime(row.eta))}
              ${this.fact(msg('Type', { id: 'events.type' }), eventType(row.type).label)}
            </dl>`
        : html`<p class="muted">
            ${msg('Select a notification to see its full message and details.', { id: 'events.details-hint' })}
          </p>`}
    </section>`;
  }

  /** @internal */
  private fact(label: string, value: string) {
    return value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
  }

  /** @internal */
  private select(row: SystemEventRow): void {
    if (row.PrimaryKey === this.selected?.PrimaryKey) return;
    this.selected = row;
    this.emit('so-event-select', { id: row.PrimaryKey });
  }

  /** @internal */
  private readonly onPortraitError = (e: Event) => {
    const src = (e.target as HTMLImageElement).getAttribute('src');
    if (src) this.brokenPortraits = new Set(this.brokenPortraits).add(src);
  };
}

/** A progress percentage that can be drawn: 0…100 (0 for a value that cannot be true). */
const svgPercent = (value: number) => (Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : value === Infinity ? 100 : 0);

/** The class that styles a known value by its meaning (`tone-bad`, …); none for an unknown value. */
const toneClass = (label: ValueLabel) => (label.tone ? `tone-${label.tone}` : '');

/** W10 is offered only where SuperOffice says the job can be stopped. */
const stoppable = (job: BatchTask) => job.CancellationBehaviour === 'CanCancel' || job.CancellationBehaviour === 'CancelWithWarning';

/** A search or a filter narrows the list (a sort alone does not). */
const isFiltered = (q: SystemEventQuery) => !!(q.status || q.type || q.search);


/** A date in the file as spreadsheets read it: `2026-11-30 14:05` (the time shown); empty for none. */
const csvDate = (date: WallDate | null): CsvCell =>
  !date ? null : isUnreadableDate(date) ? unreadableDateText(date) : date.slice(0, 16).replace('T', ' ');

/** One event as a CSV row, in the columns' order; status and type as shown (translated), names in full. */
const csvRow = (row: SystemEventRow): CsvCell[] => [
  row.eventname,
  eventStatus(row.status).label,
  row.eventmess,
  csvDate(row.registered),
  [row.registered_associate_id_fullName, row.registered_associate_id_assocName && `(${row.registered_associate_id_assocName})`].filter(Boolean).join(' '),
  csvDate(row.eta),
  eventType(row.type).label,
];
