/** Issue 9, items 11 and 12: a flat DOM over long sessions, nothing kept for elements that are gone, adoption. */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../src/components/licences/define.js';
import '../src/components/system-events/define.js';
import '../src/components/user-licence-filter/define.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { pollFloor } from '../src/core/poller.js';
import { configure } from '../src/api/config.js';
import { setLocale } from '../src/localization.js';
import { registry } from '../src/registry.js';
import { countRequests, shadow, useMockBackend } from './support/mocks.js';

/** Comment nodes under `root`, shadow roots included. */
function comments(root: Node): number {
  let n = 0;
  const walker = document.createTreeWalker((root as Element).shadowRoot ?? root, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.COMMENT_NODE) n++;
    else if ((node as Element).shadowRoot) n += comments((node as Element).shadowRoot!);
  }
  return n;
}

async function jump(grid: HTMLElement, times: number) {
  for (let i = 0; i < times; i++) {
    grid.scrollTop = i % 2 ? 0 : 4000;
    await nextFrame();
    await nextFrame();
  }
}

describe('hardening: long sessions', () => {
  useMockBackend();

  for (const [tag, make] of [
    ['so-system-events', () => html`<so-system-events></so-system-events>`],
    ['so-user-licence-filter', () => html`<so-user-licence-filter></so-user-licence-filter>`],
  ] as const) {
    it(`<${tag}>: jumping through a long list leaves no empty comment nodes behind`, async () => {
      setScenario('large');
      const el = await fixture(make());
      await waitUntil(() => shadow(el).querySelector('.body > [role=row]'), 'rows', { timeout: 6000 });
      const grid = shadow(el).querySelector<HTMLElement>('[role=grid]')!;
      await jump(grid, 4);
      const before = comments(el);
      await jump(grid, 40);
      const after = comments(el);
      expect(before).to.be.greaterThan(10);
      expect(after - before, `${before} → ${after} comment nodes`).to.be.at.most(10);
    });
  }

  it('<so-licences>: owner and add-on tabs that come and go leave no empty comment nodes behind', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<so-licences></so-licences>`);
    const ownTabs = () => shadow(el).querySelectorAll('[role=tab]').length;
    await waitUntil(() => ownTabs() === 3, 'the third-party owner tab', { timeout: 4000 });
    /** Comment nodes in the screen's own shadow root (the elements inside are not counted). */
    const ownComments = () => {
      const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_COMMENT);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    };
    const before = ownComments();
    for (let i = 0; i < 8; i++) {
      // An answer without the owner drops its tab; the next one brings it back.
      setScenario('empty');
      configure({ timeout: 15_000 + i });
      await waitUntil(() => ownTabs() === 2, 'owner tab gone', { timeout: 4000 });
      setScenario('default');
      configure({ timeout: 16_000 + i });
      await waitUntil(() => ownTabs() === 3, 'owner tab back', { timeout: 4000 });
      // An add-on child that comes and goes.
      const addon = Object.assign(document.createElement('div'), { slot: 'addon', id: `addon-${i}` });
      el.append(addon);
      await waitUntil(() => ownTabs() === 4, 'add-on tab added');
      addon.remove();
      await waitUntil(() => ownTabs() === 3, 'add-on tab removed');
    }
    await el.updateComplete;
    expect(ownComments(), `${before} comment nodes before, then 8 times a tab gone and back`).to.equal(before);
  });

  it('elements inside a custom tag that is never defined can be collected once removed', async () => {
    // Asynchronous, so no stack is scanned conservatively (a synchronous gc() may keep a few elements by chance).
    const gc = (globalThis as unknown as { gc?: (options: { type: 'major'; execution: 'async' }) => Promise<void> }).gc;
    expect(gc, 'Chromium runs with --js-flags=--expose-gc (web-test-runner.config.mjs)').to.be.a('function');
    // A host's wrapper with a dash in its name that no one defines (a late <so-provider> is waited for, once per tag).
    const configListeners = registry('config', () => ({ listeners: new Set() })).listeners;
    const listenersBefore = configListeners.size;
    const wrapper = document.createElement('host-shell-never-defined');
    document.body.append(wrapper);
    // Created in a function of its own, so no variable of this test keeps the last element.
    const create = async (tag: string): Promise<WeakRef<Element>> => {
      const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      wrapper.append(el);
      await el.updateComplete;
      return new WeakRef(el);
    };
    const refs: WeakRef<Element>[] = [];
    for (const tag of ['so-owner-info', 'so-licence-list', 'so-system-events', 'so-licences']) {
      for (let i = 0; i < 3; i++) refs.push(await create(tag));
    }
    // Configuration and locale changes while they are on the page.
    for (let i = 0; i < 3; i++) {
      configure({ timeout: 14_000 + i });
      await setLocale(i % 2 ? 'en' : 'de');
    }
    await setLocale('en');
    await new Promise((r) => setTimeout(r, 300));
    wrapper.replaceChildren();
    wrapper.remove();
    // Requests aborted on removal settle first (their promises hold the element until then).
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await gc!({ type: 'major', execution: 'async' });
    }
    expect(configListeners.size, 'configure() listeners back to their number').to.equal(listenersBefore);
    const kept = refs.map((r, i) => (r.deref() ? `${r.deref()!.localName}#${i}` : '')).filter(Boolean);
    expect(kept, 'elements still alive after removal and GC').to.deep.equal([]);
  });

  it('keeps no answers of another locale: switching back later asks the server again', async () => {
    const el = await fixture(html`<so-owner-info></so-owner-info>`);
    await waitUntil(() => shadow(el).querySelector('dl, .facts, h2'), 'owner information', { timeout: 4000 });
    await setLocale('de');
    await waitUntil(() => /Firma|Seriennummer/.test(shadow(el).textContent ?? ''), 'German', { timeout: 4000 });
    await setLocale('en');
    await waitUntil(() => /Company/.test(shadow(el).textContent ?? ''), 'English', { timeout: 4000 });
    const requests = countRequests('/License');
    await setLocale('de');
    await waitUntil(() => /Firma|Seriennummer/.test(shadow(el).textContent ?? ''), 'German again', { timeout: 4000 });
    await new Promise((r) => setTimeout(r, 200));
    requests.stop();
    expect(requests.count, 'the German answer from before was dropped when the locale changed').to.equal(1);
  });

  it('screens created and removed without a <so-provider> leave no pending context requests', async () => {
    const Original = globalThis.WeakRef;
    let made = 0;
    globalThis.WeakRef = class<T extends object> extends Original<T> {
      constructor(target: T) {
        super(target);
        made++;
      }
    };
    try {
      for (let i = 0; i < 20; i++) {
        const el = document.createElement('so-licences');
        document.body.append(el);
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        await waitUntil(() => shadow(el).querySelector('so-owner-info'), 'screen rendered');
        el.remove();
      }
    } finally {
      globalThis.WeakRef = Original;
    }
    expect(made, `${made} weak references kept for unanswered context requests`).to.be.below(5);
  });
});

describe('hardening: moving to another document', () => {
  useMockBackend();
  let previousOnError: OnErrorEventHandler | undefined;
  afterEach(() => {
    if (previousOnError !== undefined) window.onerror = previousOnError;
    previousOnError = undefined;
    pollFloor.ms = 5000;
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('keeps its styles in a document without a window, and again once back', async () => {
    const el = await fixture(html`<so-system-events></so-system-events>`);
    await waitUntil(() => shadow(el).querySelector('h2'), 'rendered');
    const parent = el.parentElement!;
    const off = document.implementation.createHTMLDocument('off');
    off.body.append(off.adoptNode(el));
    parent.append(document.adoptNode(el));
    await nextFrame();
    expect(shadow(el).adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(getComputedStyle(shadow(el).querySelector('h2')!).fontFamily).to.contain('system-ui');
  });

  it('keeps its styles in an iframe and stops polling when that document goes away', async () => {
    pollFloor.ms = 0;
    // The move re-lays out the grid: the browser's benign "ResizeObserver loop" notice is not this test's concern.
    previousOnError = window.onerror;
    window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : previousOnError?.(message, ...rest));
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const doc = frame.contentDocument!;
    const el = await fixture(html`<so-system-events refresh-interval="0.02"></so-system-events>`);
    await waitUntil(() => shadow(el).querySelector('.body > [role=row]'), 'rows', { timeout: 6000 });
    const heading = () => shadow(el).querySelector<HTMLElement>('h2')!;
    const colour = getComputedStyle(heading()).fontFamily;
    doc.body.append(doc.adoptNode(el));
    await nextFrame();
    expect(shadow(el).adoptedStyleSheets.length + shadow(el).querySelectorAll('style').length).to.be.greaterThan(0);
    expect(frame.contentWindow!.getComputedStyle(heading()).fontFamily).to.equal(colour);
    expect(frame.contentWindow!.getComputedStyle(shadow(el).querySelector('[role=grid]')!).overflowY).to.equal('auto');
    const polling = countRequests('/SystemEvent');
    await waitUntil(() => polling.count >= 2, 'polling in the iframe');
    frame.remove();
    await new Promise((r) => setTimeout(r, 100));
    const polls = countRequests('/SystemEvent');
    await new Promise((r) => setTimeout(r, 300));
    expect(polls.count, 'no polls once the iframe is gone').to.equal(0);
    polls.stop();
    polling.stop();
  });
});
