import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/metered-button/define.js';

type Args = { months: number; badge: boolean; 'api-base': string };

/**
 * A *Metered services* button that opens the dashboard in a modal dialog: per service this month's use against its
 * threshold, whether the excess is invoiced, the number of users the threshold is based on, and a chart of past months
 * with a table alternative and a period choice. It reads `GET /MeteredServices` up front, so the button can say beside
 * it when the information is not available or not allowed; `badge` adds the number of services above their threshold.
 * Most stories open the dialog.
 */
const meta = {
  title: 'Elements/so-metered-button',
  component: 'so-metered-button',
  tags: ['autodocs'],
  args: { months: 12, badge: true, 'api-base': '' },
  render: (args) =>
    html`<so-metered-button months=${args.months} ?badge=${args.badge} api-base=${args['api-base']}></so-metered-button>`,
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector('so-metered-button')!.show();
  },
  parameters: { docs: { story: { height: '640px' } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The dashboard open: one service is above its threshold this month. */
export const Default: Story = {};
/** The button alone, with the number of services above their threshold. */
export const Button: Story = { play: () => {} };
/** Without `badge`: nothing loads until the button is pressed. */
export const Lazy: Story = { args: { badge: false }, play: () => {} };
/** Two years of history. */
export const TwoYears: Story = { args: { months: 24 } };
/** The backend does not offer metered services: a sentence, not an error. */
export const NotAvailable: Story = { parameters: { scenario: 'onsite' } };
/** No services reported. */
export const Empty: Story = { parameters: { scenario: 'empty' } };
/** The server answers slowly: the loading state. */
export const Loading: Story = { args: { badge: false }, parameters: { scenario: 'slow' } };
/** 500 from the server: an alert with *Try again*. */
export const ServerError: Story = { args: { badge: false }, parameters: { scenario: 'server-error' } };
/** The answer is not JSON. */
export const Malformed: Story = { args: { badge: false }, parameters: { scenario: 'malformed' } };
/** 403: the signed-in user may not see this. */
export const Forbidden: Story = { args: { badge: false }, parameters: { scenario: 'forbidden' } };
/** The `large` scenario. */
export const Large: Story = { parameters: { scenario: 'large' } };
/** The expiring and expired licence scenarios do not change metered use. */
export const Expiring: Story = { parameters: { scenario: 'expiring' } };
/** See *Expiring*. */
export const Expired: Story = { parameters: { scenario: 'expired' } };
/** Dark theme. */
export const Dark: Story = { parameters: { theme: 'dark' } };
/** Danish. */
export const Danish: Story = { parameters: { locale: 'da' } };
/** German, dark. */
export const German: Story = { parameters: { locale: 'de', theme: 'dark' } };
/** Dutch. */
export const Dutch: Story = { parameters: { locale: 'nl' } };
/** Norwegian (bokmål). */
export const Norwegian: Story = { parameters: { locale: 'nb' } };
/** Swedish. */
export const Swedish: Story = { parameters: { locale: 'sv' } };
