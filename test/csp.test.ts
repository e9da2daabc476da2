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
});
