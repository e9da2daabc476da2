// Dev-only page for screenshots of single elements: /demo/sandbox.html?markup=<so-…>&scenario=…&lang=…&theme=…
import { startMockWorker } from '../src/mocks/browser.js';
import { scenarioFromUrl } from '../src/mocks/scenarios.js';

const params = new URLSearchParams(location.search);
await startMockWorker({ scenario: scenarioFromUrl() });
const { setLocale, toKitLocale } = await import('../src/index.js');
await setLocale(toKitLocale(params.get('lang')) ?? 'en');
document.documentElement.setAttribute('theme', params.get('theme') ?? 'light');
const template = document.createElement('template');
template.innerHTML = params.get('markup') ?? '<so-owner-info></so-owner-info>';
document.getElementById('main')!.append(template.content);
