// Every entry of the built package imports in Node without throwing (SSR frameworks, tests, tooling import it
// server-side), resolved through the package's own "exports" as a host would. Run after `npm run build`.
import '../../scripts/node20-polyfills.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

const elementEntries = readdirSync(new URL('../../dist/', import.meta.url))
  .filter((f) => /^so-.*\.js$/.test(f))
  .sort();

test('the package has an entry per element', () => {
  assert.ok(elementEntries.length >= 8, `dist/so-*.js: ${elementEntries.join(', ')}`);
});

test("import 'so-licence-kit' in Node", async () => {
  const kit = await import('so-licence-kit');
  assert.equal(typeof kit.configure, 'function');
  assert.equal(typeof kit.setLocale, 'function');
  assert.equal(kit.getLocale(), 'en');
  // Lit's Node build brings a registry shim; the kit defines its tags there (no document, no context root).
  assert.equal(customElements.get('so-licences'), kit.SoLicences);
});

for (const file of elementEntries) {
  test(`import 'so-licence-kit/${file}' in Node`, async () => {
    const mod = await import(`so-licence-kit/${file}`);
    const tag = file.replace(/\.js$/, '');
    assert.ok(customElements.get(tag), `<${tag}> is in the registry`);
    assert.ok(Object.values(mod).includes(customElements.get(tag)), `${file} exports the class of <${tag}>`);
  });
}

test("import 'so-licence-kit/mocks' in Node answers with mock data", async () => {
  const { handlers, createHandlers, scenarios, setScenario } = await import('so-licence-kit/mocks');
  const { getResponse } = await import('msw');
  assert.ok(handlers.length >= 9);
  assert.ok(scenarios.includes('forbidden'));
  const ok = await getResponse(handlers, new Request('http://host.test/api/v1/License'));
  assert.equal(ok?.status, 200);
  const owners = await ok.json();
  assert.ok(Array.isArray(owners) && owners.length > 0 && owners[0].Current.CompanyName);
  setScenario('forbidden');
  assert.equal((await getResponse(handlers, new Request('http://host.test/api/v1/License')))?.status, 403);
  setScenario('default');
  const fixed = await getResponse(createHandlers('empty'), new Request('http://host.test/api/v1/License'));
  assert.deepEqual(await fixed?.json(), []);
});
