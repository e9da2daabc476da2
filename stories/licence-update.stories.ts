import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { activateWhenShown, whenShown } from './support/play.js';
import '../src/components/licence-update/define.js';

type Args = { owner: string; 'allow-file': boolean; 'allow-serial-change': boolean; 'api-base': string };

/**
 * The update bar of a licence owner: *Check for new licence*, *Review and activate* (the *Activate new licence*
 * dialog lists only what changes; licences with fewer seats than holders offer *Remove superfluous licences*),
 * *Purchase new licences*, *Load licence from file* and *Change company name and serial number*. Every story runs
 * against the kit's stateful mock backend (scenarios `pending`, `pending-blocked`, `auto-activated`,
 * `licence-server-down`, `activation-rejected`, `shop-not-https`, `read-only`).
 */
const meta = {
  title: 'Elements/so-licence-update',
  component: 'so-licence-update',
  tags: ['autodocs'],
  args: { owner: 'SUPEROFFICE', 'allow-file': false, 'allow-serial-change': false, 'api-base': '' },
  render: (args) =>
    html`<so-licence-update
      owner=${args.owner}
      ?allow-file=${args['allow-file']}
      ?allow-serial-change=${args['allow-serial-change']}
      api-base=${args['api-base']}
    ></so-licence-update>`,
  parameters: { docs: { story: { height: '720px' } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const check: Story['play'] = ({ canvasElement }) => activateWhenShown(canvasElement, 'so-licence-update', '[part=check]');
const openReview: Story['play'] = ({ canvasElement }) => activateWhenShown(canvasElement, 'so-licence-update', '[part=review]');
/** Opens the review, then presses **Activate** (the confirmation). */
const activate: Story['play'] = async ({ canvasElement }) => {
  const el = await whenShown(canvasElement, 'so-licence-update', '[part=review]');
  el?.shadowRoot?.querySelector<HTMLElement>('[part=review]')?.click();
  for (let i = 0; i < 100; i++) {
    const button = el?.shadowRoot?.querySelector('so-licence-review')?.shadowRoot?.querySelector<HTMLButtonElement>('[part=activate]:not([disabled])');
    if (button) return button.click();
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Nothing checked yet: *Check for new licence*. */
export const Default: Story = {};
/** Checked: the licence is up to date, with when it was checked. */
export const UpToDate: Story = { play: check };
/** `pending`: the licence information carries a new licence; the bar says so without asking. */
export const Pending: Story = { parameters: { scenario: 'pending' } };
/** `pending`: the review dialog, ready to activate. */
export const ReviewReady: Story = { parameters: { scenario: 'pending' }, play: openReview };
/** `pending`: **Activate** asks first. */
export const ConfirmActivation: Story = { parameters: { scenario: 'pending' }, play: activate };
/** `pending-blocked`: Service Premium has two seats fewer than holders; **Activate** waits for *Remove 2 users*. */
export const ReviewBlocked: Story = { parameters: { scenario: 'pending-blocked' }, play: openReview };
/** `activation-rejected`: the server refuses the activation with a reason. */
export const ActivationRejected: Story = { parameters: { scenario: 'activation-rejected' }, play: activate };
/** `auto-activated`: the server activated the new licence itself. */
export const AutoActivated: Story = { parameters: { scenario: 'auto-activated' }, play: check };
/** `licence-server-down`: the licence server cannot be reached: an alert with *Try again*. */
export const LicenceServerDown: Story = { parameters: { scenario: 'licence-server-down' }, play: check };
/** `shop-not-https`: *Purchase new licences* refuses an address that is not https. */
export const ShopNotHttps: Story = {
  parameters: { scenario: 'shop-not-https' },
  play: ({ canvasElement }) => activateWhenShown(canvasElement, 'so-licence-update', '[part=shop]'),
};
/** `read-only`: activating answers 403; the write controls become a sentence. */
export const ReadOnly: Story = { parameters: { scenario: 'read-only' }, play: activate };
/** Onsite: *Load licence from file* (picker and drop target). */
export const LicenceFile: Story = { args: { 'allow-file': true } };
/** Demo installation: *Change company name and serial number*. */
export const SerialChange: Story = {
  args: { 'allow-serial-change': true },
  play: ({ canvasElement }) => activateWhenShown(canvasElement, 'so-licence-update', '[part=serial]'),
};
/** The server answers slowly: the loading state. */
export const Loading: Story = { parameters: { scenario: 'slow' } };
/** 403 on the licences: the forbidden state. */
export const Forbidden: Story = { parameters: { scenario: 'forbidden' } };
/** 500 from the server: an alert with *Try again*. */
export const ServerError: Story = { parameters: { scenario: 'server-error' } };
/** Dark theme, with the review open. */
export const Dark: Story = { parameters: { theme: 'dark', scenario: 'pending-blocked' }, play: openReview };
/** German, with the review open. */
export const German: Story = { parameters: { locale: 'de', scenario: 'pending' }, play: openReview };
/** Norwegian. */
export const Norwegian: Story = { parameters: { locale: 'nb', scenario: 'pending' } };
