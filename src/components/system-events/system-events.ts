import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../../localization.js';
import { getStartedBatchTasks, getSystemEvents, stopBatchJob } from '../../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../../api/errors.js';
import type { BatchTask, SystemEventRow } from '../../api/schemas.js';
import { facts } from '../../core/facts.styles.js';
import { formatDateTime, formatNumber, formatPercent } from '../../core/format.js';
import { KitElement } from '../../core/kit-element.js';
import { heading } from '../../core/heading.js';
import { PagedList } from '../../core/paged-list.js';
import { Poller } from '../../core/poller.js';
import { Resource, type LoadContext } from '../../core/resource.js';
import { emptyTemplate, reasonOf, renderResource } from '../../core/states.js';
import { RowFocus } from '../../core/row-focus.js';
import { VirtualWindow } from '../../core/virtual-window.js';
import { initials, portraitUrl } from '../../core/portrait.js';
import { eventStatus, eventType, taskState, type ValueLabel } from './labels.js';
import { styles } from './system-events.styles.js';

/** Events per request (`$top`). */
const PAGE_SIZE = 50;
/** `aria-rowindex` of the first event row (the header row is 1). */
const FIRST_ROW = 2;

/**
 * System notifications (E6), newest first, with the running jobs (E7) on top. Rows are virtualized and loaded 50 at
 * a time as the list is scrolled; select a row by click or keyboard to read its full message in the details panel.
 * With `refresh-interval` the newest events and the jobs are polled.
 *
 * Keyboard: Tab reaches the list; ↑/↓, Home/End and PageUp/PageDown move between rows; Enter or Space selects.
 *
 * @tag so-system-events
 * @summary System notifications with running jobs and a details panel.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail: { source: 'SystemEvent' }`
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @fires {CustomEvent<SoEventSelectDetail>} so-event-select - A row was selected. `detail: { id }` (the event's `PrimaryKey`)
 * @fires {CustomEvent<SoWriteErrorDetail>} so-write-error - Stopping a job failed. `detail: { kind, status?, message, operation: 'stop-job' }`
 * @csspart heading - The "System notifications" heading.
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
  static override styles = [KitElement.styles, facts, styles];

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

  /** @internal */
  @query('#stop-dialog') private stopDialog?: HTMLDialogElement;

  /** @internal */
  private readonly list = new PagedList<SystemEventRow>(this, {
    pageSize: PAGE_SIZE,
    key: (row) => row.PrimaryKey,
    fetchPage: (page, { config, signal, fresh }) => getSystemEvents(config, page, { signal, fresh }),
  });

  /** @internal */
  private readonly events = new Resource(this, {
    source: 'SystemEvent',
    load: async (_args, context) => {
      void this.loadJobs(context); // optional, and never holds up the events
      await this.list.first(context);
      return true;
    },
    isEmpty: () => this.list.rows.length === 0 && !this.jobs?.length,
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
      ${rows.length
        ? html`${this.renderSkipped()}${this.renderGrid(rows)}${this.renderFooter()}${this.renderDetails()}`
        : emptyTemplate(msg('There are no system notifications.', { id: 'events.empty' }))}`;
  }

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
      ${ref(this.virtualRows.attach)}
      @click=${this.rowFocus.onClick}
      @keydown=${this.rowFocus.onKeyDown}
      @focusin=${this.rowFocus.onFocusIn}
    >
      <div class="head" role="rowgroup" part="header">
        <div class="row" role="row" aria-rowindex="1">
          <span class="c-event" role="columnheader">${msg('Event', { id: 'events.event' })}</span>
          <span class="c-status" role="columnheader">${msg('Status', { id: 'events.status' })}</span>
          <span class="c-message" role="columnheader">${msg('Message', { id: 'events.message' })}</span>
          <span class="c-activated" role="columnheader">${msg('Activated', { id: 'events.activated' })}</span>
          <span class="c-by" role="columnheader">${msg('Activated by', { id: 'events.by' })}</span>
          <span class="c-finished" role="columnheader">${msg('Finished', { id: 'events.finished' })}</span>
          <span class="c-type" role="columnheader">${msg('Type', { id: 'events.type' })}</span>
        </div>
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
