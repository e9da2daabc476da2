// The kit under a strict Content Security Policy with Trusted Types: no inline styles, no string-to-HTML sinks.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { part, useMockBackend, waitForState } from './support/mocks.js';

const violations: SecurityPolicyViolationEvent[] = [];

describe('strict CSP with Trusted Types', () => {
  useMockBackend();

  before(() => {
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    // Lit's own policy name is "lit-html"; nothing else may create TrustedHTML.
    meta.content = "require-trusted-types-for 'script'; trusted-types lit-html; style-src 'self'";
    document.head.append(meta);
  });

  it('enforces the policy in this page (the check can fail)', async () => {
    const div = document.createElement('div');
    expect(() => (div.innerHTML = '<b>x</b>')).to.throw(TypeError);
    await waitUntil(() => violations.length > 0, 'violation reported');
    violations.length = 0;
  });

  it('renders every state without a violation', async () => {
    const el = await fixture(html`<so-owner-info></so-owner-info>`);
    await waitUntil(() => part(el, 'company'), 'loaded');
    setScenario('server-error');
    const broken = await fixture(html`<so-owner-info owner="X"></so-owner-info>`);
    await (broken as HTMLElement & { refresh(): Promise<void> }).refresh();
    await waitForState(broken, 'error');
    expect(getComputedStyle(part(el, 'card')!).borderStyle).to.equal('solid');
    expect(violations.map((v) => `${v.violatedDirective}: ${v.sample}`)).to.deep.equal([]);
  });

  it('renders the whole screen, every tab, the metered dialog and the user filter without a violation', async () => {
    const screen = await fixture<HTMLElement>(html`<so-licences><p slot="addon" label="Add-on">Add-on</p></so-licences>`);
    const tabs = () => [...screen.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')];
    await waitUntil(() => tabs().length >= 4, 'owner tabs');
    for (const tab of tabs()) {
      tab.click();
      await new Promise((r) => setTimeout(r, 300));
    }
    tabs()[1].click();
    const metered = () => screen.shadowRoot!.querySelector('so-metered-button')?.shadowRoot ?? null;
    await waitUntil(() => metered()?.querySelector('button'), 'metered services button');
    metered()!.querySelector('button')!.click();
    await waitUntil(() => metered()!.querySelector('dialog[open] svg'), 'dashboard with its charts');
    const users = await fixture<HTMLElement>(html`<so-user-licence-filter></so-user-licence-filter>`);
    await waitUntil(() => users.shadowRoot!.querySelector('[aria-rowindex="2"]'), 'users shown');
    (users.shadowRoot!.querySelector('[aria-rowindex="2"]') as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 500));
    expect(violations.map((v) => `${v.violatedDirective}: ${v.sample}`)).to.deep.equal([]);
  });
});
