// The demo host page: the kit on its built-in mock backend, with language, theme and scenario switchers.
import { startMockWorker } from '../src/mocks/browser.js';
import { scenarios, scenarioFromUrl } from '../src/mocks/scenarios.js';
import { translatePage } from './i18n.js';

const scenario = scenarioFromUrl();
await startMockWorker({ scenario });

const { setLocale, getLocale, toKitLocale } = await import('../src/index.js');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const locale = $<HTMLSelectElement>('locale');
const theme = $<HTMLSelectElement>('theme');
const scenarioSelect = $<HTMLSelectElement>('scenario');
const params = new URLSearchParams(location.search);

for (const s of scenarios) scenarioSelect.add(new Option(s, s, s === scenario, s === scenario));
scenarioSelect.addEventListener('change', () => {
  params.set('scenario', scenarioSelect.value);
  location.search = params.toString();
});

const applyTheme = (value: string) => document.documentElement.setAttribute('theme', value);
theme.value = params.get('theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
applyTheme(theme.value);
theme.addEventListener('change', () => {
  applyTheme(theme.value);
  params.set('theme', theme.value);
  history.replaceState(null, '', `?${params}`);
});

await setLocale(toKitLocale(params.get('lang')) ?? 'en');
locale.value = getLocale();
document.documentElement.lang = getLocale();
translatePage(getLocale());
locale.addEventListener('change', async () => {
  await setLocale(toKitLocale(locale.value) ?? 'en');
  document.documentElement.lang = locale.value;
  translatePage(locale.value);
  params.set('lang', locale.value);
  history.replaceState(null, '', `?${params}`);
});
