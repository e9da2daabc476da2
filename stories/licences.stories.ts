import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { licencesWith } from './support/handlers.js';
import '../src/components/licences/define.js';
import { manyOwners, withPendingLicence } from '../src/mocks/data.js';

type Args = { selected: string; 'api-base': string };


const screen = (args: Args) => html`<so-licences selected=${args.selected} api-base=${args['api-base']}>
  <section slot="addon" id="audit" label="Audit log">
    <p>This tab is a third-party add-on: any child with <code>slot="addon"</code> becomes a tab.</p>
  </section>
</so-licences>`;

/**
 * The whole Licences screen: *SuperOffice* (owner information and licences), *Status*, one tab per third-party
 * licence owner, and add-on tabs from `slot="addon"` children. ←/→, Home and End move between the tabs. One licence
 * request feeds the whole screen. Every story runs against the kit's mock backend; pick the language and theme in the
 * toolbar.
 */
const meta = {
  title: 'Screens/so-licences',
  component: 'so-licences',
  tags: ['autodocs'],
  args: { selected: 'superoffice', 'api-base': '' },
  render: (args) => screen(args),
  parameters: { docs: { story: { height: '900px' } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The SuperOffice tab. */
export const Default: Story = {};
/** The Status tab. */
export const StatusTab: Story = { args: { selected: 'status' } };
/** A third-party owner's tab, selected by `selected="ACMEADDON"`. */
export const ThirdPartyTab: Story = { args: { selected: 'ACMEADDON' } };
/** The add-on tab, selected by its child's id. */
export const AddOnTab: Story = { args: { selected: 'audit' } };
/** Eight more third-party owners: the tab list scrolls. */
export const ManyOwners: Story = {
  parameters: { msw: [licencesWith((owners) => manyOwners(8, owners))] },
};
/** A pending licence: what activation changes, and what must be fixed first. */
export const PendingLicence: Story = { parameters: { msw: [licencesWith(withPendingLicence)] } };
/** In a container 360 px wide. */
export const Narrow: Story = {
  render: (args) => html`<style>
      .narrow {
        max-width: 360px;
      }
    </style>
    <div class="narrow">${screen(args)}</div>`,
};
/** The SuperOffice licence expires in 20 days. */
export const Expiring: Story = { parameters: { scenario: 'expiring' } };
/** The SuperOffice licence expired three days ago. */
export const Expired: Story = { parameters: { scenario: 'expired' } };
/** The server has no licence information: one empty sentence, no owner tabs. */
export const Empty: Story = { parameters: { scenario: 'empty' } };
/** The server answers slowly: the loading state. */
export const Loading: Story = { parameters: { scenario: 'slow' } };
/** 500 from the server: one alert with *Try again*. */
export const ServerError: Story = { parameters: { scenario: 'server-error' } };
/** The answer is not JSON. */
export const Malformed: Story = { parameters: { scenario: 'malformed' } };
/** 403: the signed-in user may not see licence information. */
export const Forbidden: Story = { parameters: { scenario: 'forbidden' } };
/** The large tenant (10,000 users; the licences look the same). */
export const Large: Story = { parameters: { scenario: 'large' } };
/** An onsite installation without the PROPOSED endpoints. */
export const OnSite: Story = { parameters: { scenario: 'onsite' } };
/** Dark theme, with a pending licence. */
export const Dark: Story = { parameters: { theme: 'dark', msw: [licencesWith(withPendingLicence)] } };
/** Danish. */
export const Danish: Story = { parameters: { locale: 'da' } };
/** German, the licence expiring. */
export const German: Story = { parameters: { locale: 'de', scenario: 'expiring' } };
/** Dutch, the third-party tab. */
export const Dutch: Story = { args: { selected: 'ACMEADDON' }, parameters: { locale: 'nl' } };
/** Norwegian (bokmål). */
export const Norwegian: Story = { parameters: { locale: 'nb' } };
/** Swedish, expired. */
export const Swedish: Story = { parameters: { locale: 'sv', scenario: 'expired' } };
