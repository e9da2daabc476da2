import { expect, waitUntil } from '@open-wc/testing';
import { define, KitElement } from '../src/core/kit-element.js';
import {
  daysFromToday,
  formatBytes,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  formatRelativeDays,
} from '../src/core/format.js';
import { getLocale, setLocale, toKitLocale } from '../src/localization.js';
import { VERSION } from '../src/version.js';
import pkg from '../package.json' with { type: 'json' };

describe('format', () => {
  afterEach(() => setLocale('en'));

  it('formats wall-clock dates without shifting them by the time zone', async () => {
    expect(formatDate('2027-03-27T00:00:00')).to.equal('March 27, 2027');
    expect(formatDate('2027-12-31T23:59:00')).to.equal('December 31, 2027');
    expect(formatDate(null)).to.equal('');
    expect(formatDateTime('2027-03-27T14:05:00')).to.contain('2:05');
    await setLocale('de');
    expect(formatDate('2027-03-27T00:00:00')).to.equal('27. März 2027');
    expect(formatDateTime('2027-03-27T14:05:00')).to.contain('14:05');
  });

  it('formats numbers, percentages and bytes for the locale', async () => {
    expect(formatNumber(12345)).to.equal('12,345');
    expect(formatPercent(0.9)).to.equal('90%');
    expect(formatBytes(512)).to.equal('512 byte');
    expect(formatBytes(5 * 1024 ** 3)).to.equal('5 GB');
    expect(formatBytes(1.5 * 1024 ** 2)).to.equal('1.5 MB');
    await setLocale('de');
    expect(formatNumber(12345)).to.equal('12.345');
    expect(formatBytes(1.5 * 1024 ** 2)).to.equal('1,5 MB');
    await setLocale('sv');
    expect(formatNumber(12345)).to.equal('12\u00a0345');
  });

  it('formats months and relative days', async () => {
    expect(formatMonth('2026-03')).to.equal('Mar 2026');
    expect(formatMonth('2026-03', true)).to.equal('March 2026');
    const now = new Date(2027, 2, 1, 18, 0, 0);
    expect(daysFromToday('2027-03-21T00:00:00', now)).to.equal(20);
    expect(daysFromToday('2027-02-26T23:00:00', now)).to.equal(-3);
    expect(formatRelativeDays('2027-03-21T00:00:00', now)).to.equal('in 20 days');
    expect(formatRelativeDays('2027-02-26T00:00:00', now)).to.equal('3 days ago');
    expect(formatRelativeDays('2027-03-02T00:00:00', now)).to.equal('tomorrow');
    await setLocale('nb');
    // Norwegians count days in "dager", not CLDR's "døgn".
    expect(formatRelativeDays('2027-03-21T00:00:00', now)).to.equal('om 20 dager');
    expect(formatRelativeDays('2028-02-29T00:00:00', now)).to.equal('om 365 dager');
    expect(formatRelativeDays('2027-02-26T00:00:00', now)).to.equal('for 3 dager siden');
    expect(formatRelativeDays('2027-03-02T00:00:00', now)).to.equal('i morgen');
  });
});

describe('localization', () => {
  afterEach(() => setLocale('en'));

  it('maps language tags to kit locales', () => {
    expect(toKitLocale('no')).to.equal('nb');
    expect(toKitLocale('nn-NO')).to.equal('nb');
    expect(toKitLocale('nb-NO')).to.equal('nb');
    expect(toKitLocale('de-AT')).to.equal('de');
    expect(toKitLocale('sv_SE')).to.equal('sv');
    expect(toKitLocale('fr')).to.equal(undefined);
    expect(toKitLocale('')).to.equal(undefined);
  });

  it('accepts every kit locale and "no"', async () => {
    for (const l of ['da', 'de', 'nl', 'nb', 'sv', 'en'] as const) {
      await setLocale(l);
      expect(getLocale()).to.equal(l);
    }
    await setLocale('no');
    expect(getLocale()).to.equal('nb');
  });

  it('falls back to English with a warning for an unknown locale', async () => {
    const warn = console.warn;
    const said: unknown[] = [];
    console.warn = (...a: unknown[]) => said.push(a);
    try {
      await setLocale('de');
      // @ts-expect-error -- an unknown locale from JavaScript or an attribute: the run-time fallback
      await setLocale('fr');
    } finally {
      console.warn = warn;
    }
    expect(getLocale()).to.equal('en');
    expect(said.length).to.equal(1);
  });
});

describe('define()', () => {
  it('registers once and ignores the same version loaded again', () => {
    class A extends KitElement {}
    class B extends KitElement {}
    define('so-test-a', A);
    define('so-test-a', B);
    expect(customElements.get('so-test-a')).to.equal(A);
  });

  it('warns once when another version owns the tag', () => {
    class Old extends HTMLElement {
      static kitVersion = '0.0.1';
    }
    customElements.define('so-test-b', Old);
    customElements.define('so-test-c', class extends HTMLElement {});
    const warn = console.warn;
    const said: unknown[][] = [];
    console.warn = (...a: unknown[]) => said.push(a);
    try {
      class New extends KitElement {}
      class New2 extends KitElement {}
      define('so-test-b', New);
      define('so-test-c', New2);
    } finally {
      console.warn = warn;
    }
    expect(said.length).to.equal(1);
    expect(String(said[0][0])).to.contain('so-test-b').and.contain('0.0.1');
  });

  it('carries the package version', () => {
    expect(VERSION).to.equal(pkg.version);
  });
});

describe('KitElement.emit()', () => {
  it('dispatches bubbling, composed events with detail', async () => {
    class E extends KitElement {}
    define('so-test-emit', E);
    const el = document.createElement('so-test-emit') as E;
    document.body.append(el);
    const seen: CustomEvent[] = [];
    document.addEventListener('so-tab-change', (e) => seen.push(e), { once: true });
    el.emit('so-tab-change', { tab: 'status' });
    await waitUntil(() => seen.length === 1);
    expect(seen[0].detail).to.deep.equal({ tab: 'status' });
    expect(seen[0].bubbles && seen[0].composed).to.equal(true);
    el.remove();
  });
});

describe('KitElement updates', () => {
  it('renders its first state in the task that connected it: no frame in which it has no room yet', async () => {
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    let renderedAt = -1;
    class F extends KitElement {
      override render() {
        renderedAt = performance.now();
        while (performance.now() < renderedAt + 60); // a slow first render: a long task wherever it runs
        return null;
      }
    }
    define('so-test-first-update', F);
    const el = document.createElement('so-test-first-update') as F;
    const connectedAt = performance.now();
    document.body.append(el);
    while (performance.now() < connectedAt + 60); // the connecting task is a long task
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    const task = tasks.find((t) => t.startTime <= connectedAt && connectedAt <= t.startTime + t.duration);
    expect(task, 'the connecting task is seen').to.not.equal(undefined);
    expect(renderedAt, 'rendered').to.be.greaterThan(connectedAt);
    // One task of both 60 ms waits: the render ran before the connecting task ended (after a yield they are two).
    expect(task!.duration, 'one task holds the connecting code and the first render').to.be.at.least(115);
    expect(tasks.filter((t) => t.startTime > task!.startTime), 'no later long task').to.have.length(0);
    el.remove();
  });

  it('each element updates in a task of its own, so a whole screen never renders in one long task', async () => {
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const renders: { id: string; at: number }[] = [];
    class U extends KitElement {
      /** @internal */
      slow = false;
      override render() {
        const at = performance.now();
        if (!this.slow) return null;
        while (performance.now() < at + 60); // a render that takes 60 ms: its task is a long task
        renders.push({ id: this.id, at });
        return null;
      }
    }
    define('so-test-update-task', U);
    const els = ['a', 'b', 'c'].map((id) => Object.assign(document.createElement('so-test-update-task') as U, { id }));
    document.body.append(...els);
    await Promise.all(els.map((el) => el.updateComplete));
    // As when the shared answer arrives: all three ask for an update in this task.
    for (const el of els) {
      el.slow = true;
      el.requestUpdate();
    }
    expect(renders, 'nothing renders in the task that asked').to.deep.equal([]);
    await Promise.all(els.map((el) => el.updateComplete));
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    expect(renders.map((r) => r.id)).to.deep.equal(['a', 'b', 'c']);
    const taskOf = (at: number) => tasks.findIndex((t) => t.startTime <= at && at <= t.startTime + t.duration);
    const owners = renders.map((r) => taskOf(r.at));
    expect(owners.every((t) => t >= 0), 'each render is seen in a long task').to.equal(true);
    expect(new Set(owners).size, 'three renders, three tasks').to.equal(3);
    els.forEach((el) => el.remove());
  });
});
