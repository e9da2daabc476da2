import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/components/metered-button/define.js';
import type { SoMeteredButton } from '../src/components/metered-button/metered-button.js';
import { monthRange } from '../src/components/metered-button/metered-dashboard.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, part, recordEvents, text, useMockBackend, waitForState, worker } from './support/mocks.js';

const E5 = '*/api/v1/MeteredServices';
const GB = 1024 ** 3;

const month = (Month: string, Used: number, Threshold: number, InvoicedExcess: number | null = null) => ({
  Month,
  Used,
  Threshold,
  Exceeded: Used > Threshold,
  InvoicedExcess,
});
/** Three months, two services above their threshold in the last one, one service the kit does not know. */
const REPORT = {
  FromMonth: '2027-01',
  ToMonth: '2027-03',
  NumberOfUsers: 42,
  Services: [
    {
      ServiceKey: 'StorageSpace',
      Description: 'Storage (server text)',
      Unit: 'Bytes',
      Threshold: 84 * GB,
      ThresholdPerUser: 2 * GB,
      Months: [month('2027-02', 50 * GB, 84 * GB), month('2027-01', 40 * GB, 80 * GB), month('2027-03', 63 * GB, 84 * GB)],
    },
    {
      ServiceKey: 'MailingEmailsSent',
      Description: 'Mails (server text)',
      Unit: 'Count',
      Threshold: 105_000,
      ThresholdPerUser: 2500,
      Months: [month('2027-01', 90_000, 100_000), month('2027-02', 99_000, 105_000), month('2027-03', 117_600, 105_000, 12_600)],
    },
    {
      ServiceKey: 'FaxPagesSent',
      Description: 'Fax pages sent',
      Unit: 'Count',
      Threshold: 100,
      ThresholdPerUser: null,
      Months: [month('2027-03', 120, 100)],
    },
  ],
};
const serve = (body: object = REPORT) => worker.use(http.get(E5, () => HttpResponse.json(body)));

const opener = (el: SoMeteredButton) => part(el, 'button') as HTMLButtonElement;
const dialog = (el: SoMeteredButton) => part(el, 'dialog') as HTMLDialogElement;
const services = (el: SoMeteredButton) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=service]')];
const service = (el: SoMeteredButton, name: string) => services(el).find((s) => s.querySelector('h3')!.textContent === name)!;
const fold = (n: Element) => (n.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** Counts E5 requests from now on, once the previous test's element has done reloading on the config reset. */
async function countMeteredRequests() {
  await aTimeout(100);
  return countRequests('/MeteredServices');
}

/** Clicks the button; resolves with the element once the dialog is open. */
async function open(el: SoMeteredButton) {
  opener(el).click();
  await waitUntil(() => dialog(el).open, 'dialog open');
  return el;
}
async function openLoaded(markup = html`<so-metered-button></so-metered-button>`) {
  const el = await open(await fixture<SoMeteredButton>(markup));
  await waitUntil(() => services(el).length, 'services shown', { timeout: 4000 });
  return el;
}

describe('<so-metered-button>', () => {
  useMockBackend();

  runDataElementSuite('so-metered-button', {
    render: () => html`<so-metered-button></so-metered-button>`,
    endpoints: [E5],
    source: 'MeteredServices',
    isLoaded: (el) => !!el.shadowRoot!.querySelector('[part~=service]'),
    activate: (el) => open(el as SoMeteredButton),
  });

  it('is a button labelled Metered services that loads once, up front, and opens the dashboard without loading again', async () => {
    const requests = await countMeteredRequests();
    const el = await fixture<SoMeteredButton>(html`<so-metered-button></so-metered-button>`);
    const events = recordEvents(el, 'so-load', 'so-error');
    expect(fold(opener(el))).to.equal('Metered services');
    expect(opener(el).getAttribute('aria-haspopup')).to.equal('dialog');
    expect(dialog(el).open).to.equal(false);
    await waitUntil(() => events.length, 'so-load', { timeout: 4000 });
    expect(events.map((e) => [e.type, e.detail.source])).to.deep.equal([['so-load', 'MeteredServices']]);
    expect(part(el, 'availability'), 'nothing said beside a working button').to.equal(null);
    await open(el);
    await waitUntil(() => services(el).length, 'services shown', { timeout: 4000 });
    expect(requests.count).to.equal(1);
    const [from, to] = monthRange(12);
    expect(new URL(requests.requests[0].url).search).to.equal(`?from=${from}&to=${to}`);
    requests.stop();
  });

  it('says beside the button, before it is opened, when the data is not available or not allowed', async () => {
    worker.use(http.get(E5, () => HttpResponse.json({ Error: true }, { status: 404 })));
    const a = await fixture<SoMeteredButton>(html`<so-metered-button></so-metered-button>`);
    await waitUntil(() => part(a, 'availability'), 'note shown', { timeout: 4000 });
    expect(fold(part(a, 'availability')!)).to.equal('Not available');
    expect(opener(a).getAttribute('aria-describedby')).to.equal('availability');
    worker.resetHandlers();
    setScenario('forbidden');
    const b = await fixture<SoMeteredButton>(html`<so-metered-button></so-metered-button>`);
    await waitUntil(() => part(b, 'availability'), 'note shown', { timeout: 4000 });
    expect(fold(part(b, 'availability')!)).to.equal('No access');
    await expect(b).to.be.accessible();
  });

  it('labels the y-axis with round values at its gridlines and every month on the x-axis', async () => {
    serve();
    const el = await openLoaded();
    const storage = service(el, 'Storage space');
    const ticks = [...storage.querySelectorAll('.y-axis span')].map(fold);
    expect(ticks, 'a round top above the highest value (84 GB)').to.deep.equal(['100 GB', '75 GB', '50 GB', '25 GB', '0']);
    expect(storage.querySelectorAll('line.grid')).to.have.length(5);
    expect([...storage.querySelectorAll('.x-axis > span')].map(fold)).to.deep.equal(['Jan2027', 'Feb', 'Mar']);
  });

  it('reads out a month on keyboard focus and with the arrow keys, and on hover', async () => {
    serve();
    const el = await openLoaded();
    const mails = service(el, 'E-mails sent via mailings');
    const area = mails.querySelector<HTMLElement>('.area')!;
    const readout = () => fold(mails.querySelector('[part~=readout]')!);
    expect(area.getAttribute('tabindex')).to.equal('0');
    expect(mails.querySelector('[part~=readout]')!.getAttribute('aria-live')).to.equal('polite');
    area.focus();
    await waitUntil(() => readout().startsWith('March 2027'), 'latest month read out on focus');
    expect(readout()).to.equal('March 2027: used 117,600, threshold 105,000, above the threshold');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => readout().startsWith('February 2027'), 'previous month');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => readout() === 'January 2027: used 90,000, threshold 100,000', 'first month');
    const box = area.querySelector('svg')!.getBoundingClientRect();
    area.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width * 0.5, clientY: box.top + 5, bubbles: true }));
    await waitUntil(() => readout().startsWith('February 2027'), 'month under the pointer');
    expect(mails.querySelector('.focus-band')).to.not.equal(null);
  });

  it('offers 6, 12 and 24 months; a choice loads that period', async () => {
    const requests = await countMeteredRequests();
    const el = await openLoaded();
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=period] input[type=radio]')];
    expect(radios.map((r) => fold(r.parentElement!))).to.deep.equal(['6 months', '12 months', '24 months']);
    expect(radios[1].checked).to.equal(true);
    radios[2].click();
    await waitUntil(() => requests.count === 2, 'second period loaded', { timeout: 4000 });
    const [from, to] = monthRange(24);
    expect(new URL(requests.requests[1].url).search).to.equal(`?from=${from}&to=${to}`);
    await waitUntil(() => services(el).length, 'services shown again', { timeout: 4000 });
    expect(el.months).to.equal(24);
    requests.stop();
  });

  it('moves focus into the dialog, closes on Escape and returns focus to the button', async () => {
    serve();
    const el = await fixture<SoMeteredButton>(html`<so-metered-button></so-metered-button>`);
    opener(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open, 'dialog open');
    expect(dialog(el).contains(el.shadowRoot!.activeElement), 'focus inside the dialog').to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'close'));
    const heading = el.shadowRoot!.getElementById(dialog(el).getAttribute('aria-labelledby')!)!;
    expect(heading.textContent).to.equal('Metered services');
    await waitUntil(() => services(el).length, 'services shown', { timeout: 4000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'closed by Escape');
    await waitUntil(() => el.shadowRoot!.activeElement === opener(el), 'focus back on the button');
  });

  it('closes with its visible close button, and reopens without loading again', async () => {
    serve();
    const requests = await countMeteredRequests();
    const el = await openLoaded();
    const close = part(el, 'close') as HTMLButtonElement;
    expect(fold(close)).to.equal('Close');
    close.click();
    await waitUntil(() => !dialog(el).open, 'closed');
    await waitUntil(() => el.shadowRoot!.activeElement === opener(el), 'focus back on the button');
    await el.show();
    expect(dialog(el).open).to.equal(true);
    expect(services(el)).to.have.length(3);
    el.hide();
    expect(dialog(el).open).to.equal(false);
    expect(requests.count).to.equal(1);
    requests.stop();
  });

  it("shows each service's use this month against its threshold, and the users the threshold is based on", async () => {
    serve();
    const el = await openLoaded();
    expect(services(el).map((s) => s.querySelector('h3')!.textContent)).to.deep.equal([
      'Storage space',
      'E-mails sent via mailings',
      'Fax pages sent',
    ]);
    const storage = service(el, 'Storage space');
    expect(fold(storage.querySelector('dl')!)).to.equal(
      'Used in March 2027 63 GB Threshold 84 GB Number of users 42 Threshold per user 2 GB',
    );
    expect(fold(storage.querySelector('.usage')!)).to.equal('75% of the threshold');
    expect(storage.querySelector('[part~=exceeded]')).to.equal(null);
    expect(text(el)).to.contain('Use per month from January 2027 to March 2027.');
    await expect(el).to.be.accessible();
  });

  it('flags a service above its threshold: the excess is invoiced on the next monthly invoice', async () => {
    serve();
    const el = await openLoaded();
    const mail = service(el, 'E-mails sent via mailings');
    expect(fold(mail.querySelector('dl')!)).to.contain('Used in March 2027 117,600 Threshold 105,000');
    const flag = mail.querySelector('[part~=exceeded]')!;
    expect(flag.getAttribute('role')).to.equal('status');
    expect(fold(flag)).to.equal('Above the threshold by 12,600. The excess is invoiced on the next monthly invoice.');
    expect(mail.querySelector('.meter .fill')!.getAttribute('width'), 'the bar stops at its end').to.equal('100');
  });

  it('shows a service it does not know by its Description, with a fixed threshold', async () => {
    serve();
    const el = await openLoaded();
    const fax = service(el, 'Fax pages sent');
    expect(fold(fax.querySelector('dl')!)).to.equal('Used in March 2027 120 Threshold 100');
    expect(fold(fax.querySelector('[part~=exceeded]')!)).to.equal(
      'Above the threshold. The excess is invoiced on the next monthly invoice.',
    );
  });

  it('draws past months as an accessible SVG chart, without style attributes', async () => {
    serve();
    const el = await openLoaded();
    const chart = service(el, 'E-mails sent via mailings').querySelector('svg[role=img]')!;
    expect(chart.getAttribute('aria-label')).to.equal(
      'E-mails sent via mailings, Jan 2027 to Mar 2027: highest use 117,600 in Mar 2027; above the threshold in 1 of 3 months.',
    );
    const bars = [...chart.querySelectorAll('rect.bar')];
    expect(bars.map((b) => b.classList.contains('over'))).to.deep.equal([false, false, true]);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[2]).to.be.greaterThan(heights[1]).and.greaterThan(heights[0]);
    expect(chart.querySelector('path.threshold')!.getAttribute('d')).to.match(/^M0 [\d.]+ H10 V[\d.]+ H20 V[\d.]+ H30$/);
    const storage = service(el, 'Storage space').querySelector('svg[role=img]')!;
    expect(storage.querySelector('rect.bar title')!.textContent, 'months in order').to.equal('Jan 2027: 40 GB');
    expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
  });

  it('offers the chart as a table', async () => {
    serve();
    const el = await openLoaded();
    const mail = service(el, 'E-mails sent via mailings');
    const toggle = mail.querySelector<HTMLButtonElement>('[part~=table-toggle]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(mail.querySelector('table')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(fold(toggle)).to.equal('Hide table');
    const table = mail.querySelector('table')!;
    const region = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(region.contains(table), 'the toggle controls the table').to.equal(true);
    expect([region.getAttribute('role'), region.getAttribute('aria-label'), region.tabIndex]).to.deep.equal([
      'region',
      'E-mails sent via mailings per month',
      0,
    ]);
    expect(fold(table.querySelector('caption')!)).to.equal('E-mails sent via mailings per month');
    expect([...table.querySelectorAll('thead th')].map(fold)).to.deep.equal(['Month', 'Used', 'Threshold', 'Above threshold']);
    expect([...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map(fold))).to.deep.equal([
      ['Jan 2027', '90,000', '100,000', 'No'],
      ['Feb 2027', '99,000', '105,000', 'No'],
      ['Mar 2027', '117,600', '105,000', '12,600'],
    ]);
    expect(table.querySelector('tbody th')!.getAttribute('scope')).to.equal('row');
    expect(service(el, 'Storage space').querySelector('table'), 'only the one asked for').to.equal(null);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(mail.querySelector('table')).to.equal(null);
  });

  it('loads up front with badge and shows the number of services above their threshold on the button', async () => {
    serve();
    const requests = await countMeteredRequests();
    const el = await fixture<SoMeteredButton>(html`<so-metered-button badge></so-metered-button>`);
    const events = recordEvents(el, 'so-load');
    await waitUntil(() => part(el, 'badge'), 'badge shown', { timeout: 4000 });
    expect(dialog(el).open).to.equal(false);
    expect(part(el, 'badge')!.textContent).to.equal('2');
    expect(part(el, 'badge')!.getAttribute('aria-hidden')).to.equal('true');
    expect(fold(opener(el).querySelector('.visually-hidden')!)).to.equal(', 2 exceeded');
    await waitUntil(() => events.length === 1, 'so-load up front');
    await open(el);
    expect(services(el)).to.have.length(3);
    expect(requests.count).to.equal(1);
    requests.stop();
    await expect(el).to.be.accessible();
  });

  it('shows no badge when no service is above its threshold', async () => {
    serve({ ...REPORT, Services: REPORT.Services.slice(0, 1) });
    const el = await fixture<SoMeteredButton>(html`<so-metered-button badge></so-metered-button>`);
    await waitUntil(() => services(el).length, 'loaded up front', { timeout: 4000 });
    expect(part(el, 'badge')).to.equal(null);
    expect(fold(opener(el))).to.equal('Metered services');
  });

  it('asks for the number of months given by months', async () => {
    const requests = await countMeteredRequests();
    const el = await openLoaded(html`<so-metered-button months="3"></so-metered-button>`);
    const [from, to] = monthRange(3);
    expect(new URL(requests.requests[0].url).search).to.equal(`?from=${from}&to=${to}`);
    expect(service(el, 'Storage space').querySelectorAll('rect.bar')).to.have.length(3);
    requests.stop();
  });

  it('says so, without an alert, where the backend does not offer metered services', async () => {
    setScenario('onsite');
    const el = await fixture<SoMeteredButton>(html`<so-metered-button></so-metered-button>`);
    const events = recordEvents(el, 'so-load', 'so-error');
    await open(el);
    const state = await waitForState(el, 'empty');
    expect(fold(state)).to.equal('Metered services are not available for this installation.');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    await waitUntil(() => events.length);
    expect(events[0].type).to.equal('so-load');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when there is no metered use', async () => {
    setScenario('empty');
    const el = await open(await fixture<SoMeteredButton>(html`<so-metered-button></so-metered-button>`));
    const state = await waitForState(el, 'empty');
    expect(fold(state)).to.equal('There is no metered use to show for this period.');
    await expect(el).to.be.accessible();
  });

  it('shows the mock backend: storage in bytes, and a service the kit does not know', async () => {
    const el = await openLoaded();
    expect(fold(service(el, 'Storage space').querySelector('dd.used')!)).to.match(/^\d+(\.\d)? GB$/);
    expect(service(el, 'SMS sent'), 'unknown ServiceKey shown by its Description').to.not.equal(undefined);
    expect(service(el, 'E-mails sent via mailings').querySelector('[part~=exceeded]')).to.not.equal(null);
  });

  it('speaks German, numbers and bytes included', async () => {
    await setLocale('de');
    serve();
    const el = await fixture<SoMeteredButton>(html`<so-metered-button badge></so-metered-button>`);
    await waitUntil(() => part(el, 'badge'), 'badge', { timeout: 4000 });
    expect(fold(opener(el))).to.equal('Gemessene Dienstleistungen2, 2 überschritten');
    await open(el);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Gemessene Dienstleistungen');
    const storage = service(el, 'Speicherplatz');
    expect(fold(storage.querySelector('dl')!)).to.equal(
      'Nutzung im März 2027 63 GB Schwellenwert 84 GB Anzahl der Benutzer 42 Schwellenwert pro Benutzer 2 GB',
    );
    expect(fold(service(el, 'Über Mailings gesendete E-Mails').querySelector('[part~=exceeded]')!)).to.equal(
      '12.600 über dem Schwellenwert. Die Mehrnutzung wird mit der nächsten Monatsrechnung berechnet.',
    );
    expect(fold(part(el, 'close')!)).to.equal('Schließen');
  });
});

describe('monthRange()', () => {
  it('ends with the current month and counts back', () => {
    expect(monthRange(12, new Date(2027, 0, 15))).to.deep.equal(['2026-02', '2027-01']);
    expect(monthRange(1, new Date(2027, 0, 31))).to.deep.equal(['2027-01', '2027-01']);
  });
  it('keeps the number of months between 1 and 120', () => {
    expect(monthRange(0, new Date(2027, 5, 1))).to.deep.equal(['2026-07', '2027-06']);
    expect(monthRange(-4, new Date(2027, 5, 1))).to.deep.equal(['2027-06', '2027-06']);
    expect(monthRange(500, new Date(2027, 5, 1))[0]).to.equal('2017-07');
  });
});
