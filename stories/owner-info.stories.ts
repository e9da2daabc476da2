import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/owner-info/define.js';

type Args = { owner: string; 'api-base': string };

/**
 * The licence owner: company, serial number and — when time-limited — the expiry date, with a warning as it nears
 * and an alert once it has passed. Every story runs against the kit's mock backend; pick the language and theme in
 * the toolbar.
 */
const meta = {
  title: 'Elements/so-owner-info',
  component: 'so-owner-info',
  tags: ['autodocs'],
  args: { owner: 'SUPEROFFICE', 'api-base': '' },
  render: (args) => html`<so-owner-info owner=${args.owner} api-base=${args['api-base']}></so-owner-info>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A licence that is not time-limited. */
export const Default: Story = {};
/** A third-party add-on owner. */
export const ThirdPartyOwner: Story = { args: { owner: 'ACMEADDON' } };
/** The licence expires in 20 days: a status line warns. */
export const Expiring: Story = { parameters: { scenario: 'expiring' } };
/** The licence expired three days ago and is in its grace period: an alert. */
export const Expired: Story = { parameters: { scenario: 'expired' } };
/** The server has no licence information. */
export const Empty: Story = { parameters: { scenario: 'empty' } };
/** The server answers slowly: the loading state. */
export const Loading: Story = { parameters: { scenario: 'slow' } };
/** 500 from the server: an alert with *Try again*. */
export const ServerError: Story = { parameters: { scenario: 'server-error' } };
/** The answer is not JSON. */
export const Malformed: Story = { parameters: { scenario: 'malformed' } };
/** 403: the signed-in user may not see licence information. */
export const Forbidden: Story = { parameters: { scenario: 'forbidden' } };
/** Dark theme. */
export const Dark: Story = { parameters: { theme: 'dark', scenario: 'expiring' } };
/** Danish, with the expiry warning. */
export const Danish: Story = { parameters: { scenario: 'expiring', locale: 'da' } };
/** German, with the expiry warning. */
export const German: Story = { parameters: { scenario: 'expiring', locale: 'de' } };
/** Dutch, with the expiry warning. */
export const Dutch: Story = { parameters: { scenario: 'expiring', locale: 'nl' } };
/** Norwegian (bokmål), expired. */
export const Norwegian: Story = { parameters: { scenario: 'expired', locale: 'nb' } };
/** Swedish, expired. */
export const Swedish: Story = { parameters: { scenario: 'expired', locale: 'sv' } };
