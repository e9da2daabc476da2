import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../api/errors.js';

/** Time and timers, injectable so that tests drive a poller without waiting. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The page's own clock. */
export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/**
 * The shortest interval a poller runs at, in milliseconds: a smaller positive interval is raised to it, so markup like
 * `refresh-interval="0.001"` cannot flood the server. @internal Tests of polling behaviour may lower it.
 */
export const pollFloor = { ms: 5000 };

/** The longest `Retry-After` honoured, in milliseconds (a server asking for more is asked again after this). */
export const MAX_RETRY_AFTER = 3_600_000;

export interface PollerOptions {
  /**
   * Milliseconds from the end of one run to the start of the next; `0` (or less, or NaN) is off; a positive value
   * below `pollFloor` is raised to it. Read on updates.
   */
  interval: () => number;
  /**
   * One poll. A rejection (other than an abort) counts as a failure and lengthens the wait; one with `retryAfter`
   * (milliseconds, from the server's `Retry-After`) waits at least that long.
   */
  run: (signal: AbortSignal) => Promise<void>;
  /** The longest wait after failures, as a multiple of the interval. Default 8. */
  maxBackoff?: number;
  clock?: Clock;
}

/**
 * Runs `run` every `interval` while the host is connected and the page is visible. Runs never overlap: the next one
 * is scheduled only once the previous one finished. While `document.visibilityState` is `hidden` nothing runs; on
 * return a run that fell due meanwhile starts at once. After a failure the wait doubles, up to `maxBackoff` × the
 * interval, and returns to the interval after a success; a failure carrying the server's `Retry-After` waits at least
 * that long. The interval is never below `pollFloor` (5 s). Disconnecting stops the timer and aborts a run in flight.
 */
export class Poller implements ReactiveController {
  /** @internal */
  private timer?: unknown;
  /** @internal The run in flight. */
  private running?: AbortController;
  /** @internal */
  private interval = 0;
  /** @internal Current multiple of the interval. */
  private backoff = 1;
  /** @internal When the last run ended (or polling started). */
  private last = 0;
  /** @internal */
  private connected = false;
  /** @internal The document whose visibility is followed. */
  private listenedTo?: Document;
  /** @internal The server asked not to be asked again before this time (`Retry-After`). */
  private notBefore = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PollerOptions,
  ) {
    host.addController(this);
  }

  /** @internal The host's document, which may not be the page's (an element moved into an iframe). */
  private get document(): Document {
    return (this.host as unknown as Node).ownerDocument ?? document;
  }

  /** @internal A document whose window is gone (its iframe was removed) is never polled again. */
  private get alive(): boolean {
    return this.connected && !!this.document.defaultView;
  }

  /** @internal */
  private get clock(): Clock {
    return this.options.clock ?? realClock;
  }

  /** The current wait between runs in milliseconds (the interval, lengthened after failures); 0 when off. */
  get delay(): number {
    return this.interval * this.backoff;
  }

  hostConnected(): void {
    this.connected = true;
    this.last = this.clock.now();
    this.listenedTo = this.document;
    this.listenedTo.addEventListener('visibilitychange', this.onVisibilityChange);
    this.schedule();
  }

  hostUpdated(): void {
    const asked = Math.max(0, this.options.interval() || 0);
    const interval = asked && Math.max(asked, pollFloor.ms);
    if (interval === this.interval) return;
    this.interval = interval;
    this.backoff = 1;
    this.last = this.clock.now();
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listenedTo?.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.listenedTo = undefined;
    this.cancelTimer();
    this.running?.abort(new DOMException('The element was disconnected.', 'AbortError'));
    this.running = undefined;
  }

  /** @internal */
  private readonly onVisibilityChange = () => this.schedule();

  /** @internal Sets the timer for the next run, unless polling is off, paused, or a run is in flight. */
  private schedule(): void {
    this.cancelTimer();
    if (!this.alive || !this.interval || this.running || this.document.visibilityState === 'hidden') return;
    const wait = Math.max(0, this.last + this.delay - this.clock.now(), this.notBefore - this.clock.now());
    this.timer = this.clock.setTimeout(() => void this.tick(), wait);
  }

  /** @internal */
  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.alive) return this.hostDisconnected();
    const controller = (this.running = new AbortController());
    try {
      await this.options.run(controller.signal);
      this.backoff = 1;
      this.notBefore = 0;
    } catch (error) {
      if (!isAbort(error)) this.backoff = Math.min(this.backoff * 2, this.options.maxBackoff ?? 8);
      const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
      if (typeof retryAfter === 'number' && retryAfter > 0) {
        this.notBefore = this.clock.now() + Math.min(retryAfter, MAX_RETRY_AFTER);
      }
    }
    if (this.running !== controller) return; // disconnected meanwhile
    this.running = undefined;
    this.last = this.clock.now();
    this.schedule();
  }

  /** @internal */
  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
