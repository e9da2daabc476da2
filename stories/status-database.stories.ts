import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/status-database/define.js';

type Args = { 'api-base': string };

/**
 * The database: owner, serial number, type, central or satellite, the next expiry date and licence check, and the
 * signed-in user. Where the backend has no database endpoint (the `onsite` scenario) it composes what it can from the
 * licences and the current user and says which facts the installation does not report.
 */
const meta = {
  title: 'Elements/so-status-database',
  component: 'so-status-database',
  tags: ['autodocs'],
  args: { 'api-base': '' },
  render: (args) => html`<so-status-database api-base=${args['api-base']}></so-status-database>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A central SQL Server database. */
export const Default: Story = {};
/** An onsite installation without the database endpoint: composed from the licences and the current user. */
export const Onsite: Story = { parameters: { scenario: 'onsite' } };
/** The licence expires in 20 days. */
export const Expiring: Story = { parameters: { scenario: 'expiring' } };
/** The licence expired three days ago. */
export const Expired: Story = { parameters: { scenario: 'expired' } };
/** No licence owners: no expiry date. */
export const Empty: Story = { parameters: { scenario: 'empty' } };
/** The server answers slowly: the loading state. */
export const Loading: Story = { parameters: { scenario: 'slow' } };
/** 500 from the server: an alert with *Try again*. */
export const ServerError: Story = { parameters: { scenario: 'server-error' } };
/** The answer is not JSON. */
export const Malformed: Story = { parameters: { scenario: 'malformed' } };
/** 403: the signed-in user may not see this. */
export const Forbidden: Story = { parameters: { scenario: 'forbidden' } };
/** Many licences, users and events. */
export const Large: Story = { parameters: { scenario: 'large' } };
/** Dark theme. */
export const Dark: Story = { parameters: { theme: 'dark' } };
/** Dark theme, onsite. */
export const DarkOnsite: Story = { parameters: { theme: 'dark', scenario: 'onsite' } };
/** Danish. */
export const Danish: Story = { parameters: { scenario: 'expiring', locale: 'da' } };
/** German, onsite. */
export const German: Story = { parameters: { scenario: 'onsite', locale: 'de' } };
/** Dutch. */
export const Dutch: Story = { parameters: { locale: 'nl' } };
/** Norwegian (bokmål), expired. */
export const Norwegian: Story = { parameters: { scenario: 'expired', locale: 'nb' } };
/** Swedish, onsite. */
export const Swedish: Story = { parameters: { scenario: 'onsite', locale: 'sv' } };
