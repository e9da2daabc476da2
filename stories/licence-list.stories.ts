import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { licencesWith } from './support/handlers.js';
import { whenShown } from './support/play.js';
import { http } from 'msw';
import '../src/components/licence-list/define.js';
import { errorResponse } from '../src/mocks/handlers.js';
import { withPendingLicence } from '../src/mocks/data.js';

type Args = { owner: string; kind: 'all' | 'system' | 'user'; 'api-base': string };


/** Runs `act` on the list once its licences are shown. */
const once =
  (act: (list: HTMLElement) => void): Story['play'] =>
  async ({ canvasElement }) => {
    const list = await whenShown(canvasElement, 'so-licence-list', 'button.name');
    if (list) act(list);
  };
const click = (selector: string, times = 1) =>
  once((list) => {
    for (let i = 0; i < times; i++) list.shadowRoot!.querySelector<HTMLElement>(selector)?.click();
  });
const openSalesPremium = once((list) =>
  [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.name')].find((b) => b.textContent?.trim() === 'Sales Premium')?.click(),
);

const list = (args: Args) =>
  html`<so-licence-list owner=${args.owner} kind=${args.kind} api-base=${args['api-base']}></so-licence-list>`;

/**
 * The licences of one owner: system and user licences with how many are in use, available and purchased, and a usage
 * bar. Sort by a column header, search by name, download the rows shown as CSV, open a licence's details by its name.
 * Every story runs against the kit's mock backend; pick the language and theme in the toolbar.
 */
const meta = {
  title: 'Elements/so-licence-list',
  component: 'so-licence-list',
  tags: ['autodocs'],
  args: { owner: 'SUPEROFFICE', kind: 'all', 'api-base': '' },
  argTypes: { kind: { control: 'inline-radio', options: ['all', 'system', 'user'] } },
  render: (args) => list(args),
  parameters: { docs: { story: { height: '720px' } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** SuperOffice's licences: Sales Premium is used up, Service Premium nearly. */
export const Default: Story = {};
/** `kind="system"`: site and satellite licences only. */
export const SystemLicences: Story = { args: { kind: 'system' } };
/** `kind="user"`: user licences and plans only. */
export const UserLicences: Story = { args: { kind: 'user' } };
/** A third-party add-on owner's licences. */
export const ThirdPartyOwner: Story = { args: { owner: 'ACMEADDON' } };
/** A pending licence: what activation adds, and Service Premium left one short — an error to fix first. */
export const PendingLicence: Story = { parameters: { msw: [licencesWith(withPendingLicence)] } };
/** A pending licence that cannot be activated, with the server's reason. */
export const PendingLicenceBlocked: Story = {
  parameters: {
    msw: [
      licencesWith((owners) =>
        withPendingLicence(owners).map((o, i) =>
          i ? o : { ...o, CanBeActivated: false, Reason: 'The licence file belongs to another serial number.' },
        ),
      ),
    ],
  },
};
/** Sales Premium's details, opened by its name. */
export const Details: Story = { play: openSalesPremium };
/** The details could not be loaded: the error stays inside the details. */
export const DetailsError: Story = {
  parameters: { msw: [http.get('*/api/v1/License/:owner/:module', () => errorResponse(500, 'Exception', 'Boom'))] },
  play: openSalesPremium,
};
/** Sorted by usage, highest first. */
export const SortedByUsage: Story = { play: click('th.usage button', 2) };
/** Searching for "premium". */
export const Searched: Story = {
  play: once((list) => {
    const input = list.shadowRoot!.querySelector('input')!;
    input.value = 'premium';
    input.dispatchEvent(new Event('input'));
  }),
};
/** In a container 360 px wide (a portal sidebar): each licence is a card, the headers sort buttons. */
export const Narrow: Story = {
  render: (args) => html`<style>
      .narrow {
        max-width: 360px;
      }
    </style>
    <div class="narrow">${list(args)}</div>`,
  play: openSalesPremium,
};
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
/** Dark theme, with a pending licence. */
export const Dark: Story = { parameters: { theme: 'dark', msw: [licencesWith(withPendingLicence)] } };
/** Danish, details open. */
export const Danish: Story = { parameters: { locale: 'da' }, play: click('button.name') };
/** German, with a pending licence. */
export const German: Story = { parameters: { locale: 'de', msw: [licencesWith(withPendingLicence)] } };
/** Dutch, sorted by available licences. */
export const Dutch: Story = { parameters: { locale: 'nl' }, play: click('th.free button') };
/** Norwegian (bokmål). */
export const Norwegian: Story = { parameters: { locale: 'nb' } };
/** Swedish, user licences only. */
export const Swedish: Story = { args: { kind: 'user' }, parameters: { locale: 'sv' } };
