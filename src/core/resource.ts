import type { ReactiveController } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ResolvedConfig } from '../api/config.js';
import { configGeneration } from '../api/config.js';
import { onInvalidate, tagsRequestedWith } from '../api/client.js';
import { isAbort, toApiError, type ApiError } from '../api/errors.js';
import { getLocale, localeSettled } from '../localization.js';
import type { KitElement } from './kit-element.js';

/** The five states of design.md, plus `idle` for a lazy resource not asked for yet. */
export type ResourceState = 'idle' | 'loading' | 'loaded' | 'empty' | 'error' | 'forbidden';

/** What a load function gets besides its own arguments. */
export interface LoadContext {
  config: ResolvedConfig;
  signal: AbortSignal;
  /** True for `refresh()` and *Try again*: bypass shared answers. */
  fresh: boolean;
}

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** `detail.source` of `so-load`. */
  source: string;
  /** The element's own inputs; a change reloads (and aborts the run in flight). */
  args?: () => A;
  load: (args: A, context: LoadContext) => Promise<T>;
  /** Whether a loaded value counts as empty. */
  isEmpty?: (value: T) => boolean;
  /** The server localizes this data: reload when the locale changes. */
  localized?: boolean;
  /** A lazy resource loads only once this says yes. */
  enabled?: () => boolean;
  /** Emit no `so-load`/`so-error`: the data only shapes the host (e.g. a screen whose children report). */
  silent?: boolean;
}

/** Waits until the current task ends, so a `configure()` in the same task is seen before the first request. */
const afterCurrentTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One element's data: loads through `src/api/`, aborts on disconnect and on input change, ignores stale answers,
 * exposes the five states, retries, and emits `so-load` / `so-error` from its host.
 */
export class Resource<T, A extends readonly unknown[] = []> implements ReactiveController {
  /** @internal */
  private readonly task: Task<readonly unknown[], T>;
  /** @internal */
  private fresh = false;
  /** @internal A run that found its host disconnected. */
  private skipped = false;
  /** @internal What the last run read (see `tagsOf`): a write that makes it stale reloads this resource. */
  private tags: ReadonlySet<string> = new Set();
  /** @internal A reload after a write: the last value stays on screen, no loading state. */
  private quiet = false;
  /** @internal */
  private stopInvalidation?: () => void;
  /** @internal A retry in the background after a failure (polling): the failure stays on screen until the answer. */
  private background?: ApiError;

  constructor(
    private readonly host: KitElement,
    private readonly options: ResourceOptions<T, A>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [
        this.options.enabled?.() ?? true,
        configGeneration(),
        this.host.config,
        this.options.localized ? getLocale() : '',
        ...(this.options.args?.() ?? []),
      ],
      task: async ([enabled, , config, locale, ...args], { signal }) => {
        if (!enabled) return initialState;
        await afterCurrentTask();
        // On a page that is not English, the first request waits for the locale, so it is sent once, in that locale.
        await localeSettled();
        // The locale changed while this run waited: the host's next update (already requested) replaces this run.
        if (this.options.localized && locale !== getLocale()) await this.host.updateComplete;
        signal.throwIfAborted();
        // A disconnected element may still update (a config change reached it on its way out): load on reconnect.
        if (!this.host.isConnected) {
          this.skipped = true;
          return initialState;
        }
        const fresh = this.fresh;
        this.fresh = false;
        const value = await this.options.load(args as unknown as A, { config: config as ResolvedConfig, signal, fresh });
        this.tags = tagsRequestedWith(signal);
        return value;
      },
      onComplete: () => {
        this.quiet = false;
        this.background = undefined;
        if (!this.options.silent) void this.afterRender(() => this.host.emit('so-load', { source: this.options.source }));
      },
      onError: (error) => {
        if (!isAbort(error)) this.quiet = false;
        const before = this.background;
        this.background = undefined;
        // A background retry that fails the same way is not news.
        if (before && !isAbort(error) && toApiError(error).kind === before.kind) return;
        if (!this.options.silent && !isAbort(error)) {
          void this.afterRender(() => this.host.emit('so-error', toApiError(error).toDetail()));
        }
      },
    });
  }

  private async afterRender(fn: () => void): Promise<void> {
    await this.host.updateComplete;
    fn();
  }

  hostConnected(): void {
    this.stopInvalidation = onInvalidate((tags) => {
      if (this.task.status !== TaskStatus.COMPLETE || ![...this.tags].some((t) => tags.has(t))) return;
      this.quiet = true;
      this.fresh = true;
      void this.task.run();
    });
    // A run aborted or skipped by an earlier disconnect starts again.
    if (this.skipped || (this.task.status === TaskStatus.ERROR && isAbort(this.task.error))) {
      this.skipped = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    this.stopInvalidation?.();
    this.quiet = false;
    this.task.abort(new DOMException('The element was disconnected.', 'AbortError'));
  }

  /** The current state. */
  get state(): ResourceState {
    switch (this.task.status) {
      case TaskStatus.INITIAL:
        return this.options.enabled && !this.options.enabled() ? 'idle' : 'loading';
      case TaskStatus.PENDING:
        if (this.background) return this.background.kind === 'forbidden' ? 'forbidden' : 'error';
        // After a write the last value stays until the new one arrives: no flash of "Loading…".
        if (this.quiet && this.task.value !== undefined) {
          return this.options.isEmpty?.(this.task.value) ? 'empty' : 'loaded';
        }
        return 'loading';
      case TaskStatus.COMPLETE:
        return this.options.isEmpty?.(this.task.value as T) ? 'empty' : 'loaded';
      default:
        if (isAbort(this.task.error)) return 'loading';
        return this.error?.kind === 'forbidden' ? 'forbidden' : 'error';
    }
  }

  /** The last loaded value (kept while a reload runs). */
  get value(): T | undefined {
    return this.task.value;
  }

  /** The last failure, as an `ApiError`. */
  get error(): ApiError | undefined {
    if (this.background && this.task.status === TaskStatus.PENDING) return this.background;
    const e = this.task.error;
    return e === undefined || isAbort(e) ? undefined : toApiError(e);
  }

  /** A reload after a write is under way while the last value stays on screen. */
  get reloading(): boolean {
    return this.quiet && this.task.status === TaskStatus.PENDING;
  }

  /**
   * After a failure (not 403), tries again in the background: the error stays on screen until the answer, a failure
   * of the same kind is not reported again, and the new failure is thrown (with its `retryAfter`) so a poller backs
   * off. Does nothing in another state.
   */
  async retryInBackground(): Promise<void> {
    const error = this.error;
    if (this.state !== 'error' || !error) return;
    this.background = error;
    this.fresh = true;
    await this.task.run();
    if (this.task.status === TaskStatus.ERROR && !isAbort(this.task.error)) throw toApiError(this.task.error);
  }

  /** Loads again, bypassing shared answers. */
  refresh(): Promise<void> {
    this.quiet = false;
    this.background = undefined;
    this.fresh = true;
    return this.task.run();
  }

  /** Resolves when the current run has finished (with any outcome). */
  async settled(): Promise<void> {
    try {
      await this.task.taskComplete;
    } catch {
      // the state says what happened
    }
  }
}
