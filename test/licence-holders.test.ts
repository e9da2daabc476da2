import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/licence-holders/define.js';
import type { SoLicenceHolders } from '../src/components/licence-holders/licence-holders.js';
import { shadow, text, useMockBackend } from './support/mocks.js';

describe('<so-licence-holders>', () => {
  useMockBackend();
  it('smoke', async () => {
    const el = await fixture<SoLicenceHolders>(html`<so-licence-holders owner="SUPEROFFICE" module="ten-sales"></so-licence-holders>`);
    await waitUntil(() => shadow(el).querySelector('.body [role=row]'), 'rows', { timeout: 4000 });
    console.log(text(el).slice(0, 400));
  });
});
