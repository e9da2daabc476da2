// WCAG 1.4.10 Reflow: from 320 px up nothing scrolls sideways — in German, whose words are long — for every element
// with its widest content (the pending licence's extra columns, the system notifications' seven columns).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/index.js';
import { setLocale } from '../src/localization.js';
import { licenseInfo, localeFrom, withPendingLicence } from '../src/mocks/data.js';
import { useMockBackend, worker } from './support/mocks.js';

const WIDTHS = [320, 400, 600, 980, 1280];

/** Elements inside `root` (shadow roots included) wider than their element, or whose text spills out. */
function overflowing(host: HTMLElement): string[] {
  const limit = host.getBoundingClientRect().right + 0.5;
  const out: string[] = [];
  const walk = (root: Element | ShadowRoot) => {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      // A region that scrolls on purpose (and can be scrolled by keyboard) holds its own overflow.
      if (el.closest('[data-scrolls], .table-scroll, [role=tablist]')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width && rect.right > limit) out.push(`<${el.localName} class="${el.getAttribute('class') ?? ''}"> ends at ${Math.round(rect.right)} > ${Math.round(limit)}`);
    }
  };
  walk(host.shadowRoot ?? host);
  return out;
}

async function at(width: number, markup: ReturnType<typeof html>, ready: (el: HTMLElement) => unknown) {
  const wrapper = await fixture<HTMLDivElement>(html`<div>${markup}</div>`);
  wrapper.style.width = `${width}px`;
  const el = wrapper.firstElementChild as HTMLElement;
  await waitUntil(() => ready(el), 'content shown', { timeout: 5000 });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return el;
}

describe('reflow: nothing overflows from 320 px up (German)', () => {
  useMockBackend();
  beforeEach(() => setLocale('de'));

  for (const width of WIDTHS) {
    it(`<so-licence-list> with a pending licence at ${width} px`, async () => {
      worker.use(
        http.get('*/api/v1/License', ({ request }) =>
          HttpResponse.json(withPendingLicence(licenseInfo('default', localeFrom(request.headers.get('Accept-Language'))))),
        ),
      );
      const el = await at(width, html`<so-licence-list></so-licence-list>`, (e) => e.shadowRoot?.querySelector('button.name'));
      expect(overflowing(el)).to.deep.equal([]);
    });

    it(`<so-system-events> at ${width} px`, async () => {
      const el = await at(width, html`<so-system-events></so-system-events>`, (e) => e.shadowRoot?.querySelector('[role=row] [role=gridcell], [part~=row]'));
      expect(overflowing(el)).to.deep.equal([]);
    });

    it(`<so-system-events> with a search that matches nothing, and a cut export's notice, at ${width} px`, async () => {
      const el = await at(width, html`<so-system-events></so-system-events>`, (e) => e.shadowRoot?.querySelector('#search'));
      const field = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
      field.value = 'Zeitüberschreitungsbenachrichtigungsverarbeitung';
      field.dispatchEvent(new Event('input'));
      field.form!.requestSubmit();
      await waitUntil(() => el.shadowRoot!.querySelector('.no-match'), 'nothing matches', { timeout: 5000 });
      expect(overflowing(el)).to.deep.equal([]);
    });

    it(`<so-owner-info> and <so-status-database> at ${width} px`, async () => {
      const owner = await at(width, html`<so-owner-info></so-owner-info>`, (e) => e.shadowRoot?.querySelector('[part~=company]'));
      expect(overflowing(owner)).to.deep.equal([]);
      const db = await at(width, html`<so-status-database></so-status-database>`, (e) => e.shadowRoot?.querySelector('[part~=company]'));
      expect(overflowing(db)).to.deep.equal([]);
    });

    it(`<so-licence-update allow-file allow-serial-change> at ${width} px`, async () => {
      const el = await at(width, html`<so-licence-update allow-file allow-serial-change></so-licence-update>`, (e) => e.shadowRoot?.querySelector('[part~=serial]'));
      expect(overflowing(el)).to.deep.equal([]);
    });

    it(`<so-licence-holders> at ${width} px`, async () => {
      const el = await at(width, html`<so-licence-holders module="ten-sales"></so-licence-holders>`, (e) => e.shadowRoot?.querySelector('[part~=row]'));
      expect(overflowing(el)).to.deep.equal([]);
    });

    it(`<so-user-licence-filter>'s User licences tab, with a licence's holders, in a ${width} px page (16 px margins)`, async () => {
      const el = await at(width - 32, html`<so-user-licence-filter></so-user-licence-filter>`, (e) => e.shadowRoot?.querySelectorAll('[role=tab]')[2]);
      el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')[2].click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=licence]'), 'user licences', { timeout: 5000 });
      el.shadowRoot!.querySelector<HTMLElement>('[part~=licence]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('so-licence-holders')?.shadowRoot?.querySelector('[part~=row]'), 'holders', { timeout: 5000 });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(overflowing(el)).to.deep.equal([]);
    });

    it(`<so-user-licence-filter> at ${width} px`, async () => {
      const el = await at(width, html`<so-user-licence-filter></so-user-licence-filter>`, (e) => e.shadowRoot?.querySelector('[part~=row]'));
      expect(overflowing(el)).to.deep.equal([]);
    });
  }
});

// Cumulative layout shift: an element is as tall while loading as once loaded, at every width, in German, so nothing
// below it moves when the answer arrives (Lighthouse mobile measures at 412 px).
describe('layout shift: loading keeps the loaded room (German)', () => {
  useMockBackend();
  beforeEach(() => setLocale('de'));

  const cases: [string, ReturnType<typeof html>, string][] = [
    ['<so-owner-info>', html`<so-owner-info></so-owner-info>`, '[part~=company]'],
    ['<so-licence-update>', html`<so-licence-update></so-licence-update>`, '[part~=check]'],
    [
      '<so-licence-update allow-file allow-serial-change>',
      html`<so-licence-update allow-file allow-serial-change></so-licence-update>`,
      '[part~=serial]',
    ],
    ['<so-user-licence-filter>', html`<so-user-licence-filter></so-user-licence-filter>`, '[part~=row]'],
    ['<so-licence-holders>', html`<so-licence-holders module="ten-sales"></so-licence-holders>`, '[part~=row]'],
  ];

  for (const width of [320, 412, 980, 1280]) {
    for (const [name, markup, loaded] of cases) {
      it(`${name} at ${width} px`, async () => {
        let answer!: () => void;
        const answered = new Promise<void>((r) => (answer = r));
        worker.use(
          http.get('*/api/v1/License', async ({ request }) => {
            await answered;
            return HttpResponse.json(licenseInfo('default', localeFrom(request.headers.get('Accept-Language'))));
          }),
        );
        const el = await at(width, markup, (e) => e.shadowRoot?.querySelector('.state.loading'));
        const loading = el.getBoundingClientRect().height;
        expect(!!el.shadowRoot!.querySelector(loaded), 'a part on the page means the loaded element').to.equal(false);
        answer();
        await waitUntil(() => el.shadowRoot!.querySelector(loaded), 'loaded', { timeout: 5000 });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        expect(Math.abs(el.getBoundingClientRect().height - loading), `${Math.round(loading)} px loading`).to.be.below(1);
      });
    }
  }
});

describe('columns: headers sit over their cells (German)', () => {
  useMockBackend();
  beforeEach(() => setLocale('de'));

  for (const width of [980, 1280]) {
    it(`<so-licence-holders> at ${width} px`, async () => {
      const el = await at(width, html`<so-licence-holders module="ten-sales"></so-licence-holders>`, (e) => e.shadowRoot?.querySelector('[part~=row]'));
      const root = el.shadowRoot!;
      const lefts = (row: Element) => [...row.querySelectorAll('.cell')].map((c) => Math.round(c.getBoundingClientRect().left));
      const head = lefts(root.querySelector('.head .row')!);
      expect(head).to.have.length(4);
      for (const row of root.querySelectorAll('.body .row')) expect(lefts(row)).to.deep.equal(head);
    });
  }
});
