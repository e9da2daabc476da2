import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/provider/define.js';
import '../src/components/owner-info/define.js';
import '../src/components/status-database/define.js';

type Args = { 'api-base': string; timeout?: number };

/**
 * `<so-provider>` renders nothing of its own: it gives the kit's elements inside it one configuration — `api-base`,
 * `timeout`, and as properties (never attributes) `auth` and `fetch` — between an element's own `api-base` and the
 * page-wide `configure()`. Its `locale` switches the page-wide UI language like `setLocale()`; these stories leave it
 * unset so the toolbar's language applies. Every story runs against the kit's mock backend.
 *
 * ```html
 * <so-provider api-base="https://tenant.example.com/api/v1">
 *   <so-owner-info></so-owner-info>
 * </so-provider>
 * <script type="module">
 *   document.querySelector('so-provider').auth = { mode: 'bearer', getToken: () => myApp.accessToken() };
 * </script>
 * ```
 */
const meta = {
  title: 'Elements/so-provider',
  component: 'so-provider',
  tags: ['autodocs'],
  args: { 'api-base': '' },
  render: (args) => html`<so-provider api-base=${args['api-base'] || '/api/v1'} timeout=${ifDefined(args.timeout)}>
    <so-owner-info></so-owner-info>
    <so-status-database></so-status-database>
  </so-provider>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Two elements that take the provider's settings. */
export const Default: Story = {};
/** `timeout="300"` on a slow server: both elements inside give up after 300 ms and show the error state. */
export const Timeout: Story = { args: { timeout: 300 }, parameters: { scenario: 'slow' } };
