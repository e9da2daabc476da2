import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { activateWhenShown, stallExportAt, whenShown } from './support/play.js';
import '../src/components/licence-holders/define.js';

type Args = { owner: string; module: string; 'must-remove': number; 'api-base': string };

/**
 * Who holds one licence, across *Associates* and *Other users*: remove it from a holder (after a confirmation),
 * reassign a holder to another plan with free seats, or assign it to users who lack it (in bulk, two at a time, with a
 * summary). *Download CSV* saves the holders of the tab shown (all of them, not only those loaded). Every story runs
 * against the kit's stateful mock backend: changes stay until the story is opened again. Pick the language and theme
 * in the toolbar.
 */
const meta = {
  title: 'Elements/so-licence-holders',
  component: 'so-licence-holders',
  tags: ['autodocs'],
  args: { owner: 'SUPEROFFICE', module: 'ten-sales', 'must-remove': 0, 'api-base': '' },
  render: (args) =>
    html`<so-licence-holders owner=${args.owner} module=${args.module} must-remove=${args['must-remove']} api-base=${args['api-base']}></so-licence-holders>`,
  parameters: { docs: { story: { height: '720px' } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Asks to remove the licence from the third holder: the confirmation dialog. */
const askToRemove: Story['play'] = ({ canvasElement }) =>
  activateWhenShown(canvasElement, 'so-licence-holders', '.body > [aria-rowindex="4"] [part=remove]');

/** Picks two users without the licence and assigns it: one is refused (one free seat), the summary lists why. */
const bulkAssign: Story['play'] = async ({ canvasElement }) => {
  await activateWhenShown(canvasElement, 'so-licence-holders', '[part=assign]');
  const el = await whenShown(canvasElement, 'so-licence-holders', '[part=picker] input[type=checkbox]');
  const boxes = [...(el?.shadowRoot?.querySelectorAll<HTMLInputElement>('.pick-list input[type=checkbox]') ?? [])];
  for (const box of boxes.slice(0, 2)) box.click();
  await new Promise((r) => setTimeout(r, 50));
  el?.shadowRoot?.querySelector<HTMLButtonElement>('[part=picker-assign]')?.click();
};

/** Sales Premium: 15 of 15 in use. */
export const Default: Story = {};
/** A plan with free seats: *Reassign* offers the plans that have room. */
export const Plan: Story = { args: { module: 'ten-sales-essentials' } };
/** A third-party licence: written with `PUT`/`DELETE /License/{owner}/{id}`. */
export const ThirdParty: Story = { args: { owner: 'ACMEADDON', module: 'archive-user' } };
/** *Remove* asks first, naming who loses what. */
export const ConfirmRemoval: Story = { play: askToRemove };
/** *Assign to users…* with more users than free seats: a summary with one failure and *Retry failed*. */
export const BulkSummary: Story = { args: { module: 'ten-service' }, play: bulkAssign };
/** The *Remove superfluous licences* step of an activation: 2 must go. */
export const MustRemove: Story = { args: { 'must-remove': 2 } };
/** `read-only`: writes answer 403; after the first attempt the write controls become a sentence. */
export const ReadOnly: Story = { parameters: { scenario: 'read-only' }, play: askToRemove };
/** `conflict`: the next change meets someone else's change (409); the current state is shown. */
export const Conflict: Story = { parameters: { scenario: 'conflict' }, play: askToRemove };
/** `write-fails`: writes answer 500. */
export const WriteFails: Story = { parameters: { scenario: 'write-fails' }, play: askToRemove };
/** `slow-writes`: writes take 1.5 s; the control is disabled and busy meanwhile. */
export const SlowWrites: Story = { parameters: { scenario: 'slow-writes' }, args: { module: 'ten-service' }, play: bulkAssign };
/** A licence that does not exist: the empty state. */
export const Empty: Story = { args: { module: 'no-such-licence' } };
/** The server answers slowly: the loading state. */
export const Loading: Story = { parameters: { scenario: 'slow' } };
/** 403 on the licences: the forbidden state. */
export const Forbidden: Story = { parameters: { scenario: 'forbidden' } };
/** 500 from the server: an alert with *Try again*. */
export const ServerError: Story = { parameters: { scenario: 'server-error' } };
/** The answer is not JSON. */
export const Malformed: Story = { parameters: { scenario: 'malformed' } };
/** 10,000 associates: holders read 200 users at a time; only the rows in view are in the DOM. */
export const Large: Story = { parameters: { scenario: 'large' } };
/** Dark theme. */
export const Dark: Story = { parameters: { theme: 'dark' } };
/** Danish. */
export const Danish: Story = { parameters: { locale: 'da' } };
/** German, with the confirmation open. */
export const German: Story = { parameters: { locale: 'de' }, play: askToRemove };
/** Dutch. */
export const Dutch: Story = { parameters: { locale: 'nl' } };
/** Norwegian (bokmål). */
export const Norwegian: Story = { parameters: { locale: 'nb' }, args: { owner: 'ACMEADDON', module: 'archive-user' } };
/** Swedish. */
export const Swedish: Story = { parameters: { locale: 'sv' }, args: { module: 'ten-service' } };

/**
 * *Download CSV* of the holders among 10,000 associates: the export asks the server for the holders only, 1,000 at a
 * time (here the second page never answers, so the progress stays), with *Cancel*.
 */
export const Exporting: Story = {
  parameters: {
    scenario: 'large',
    msw: [stallExportAt('Archive/InternalUsers', 1000)],
  },
  play: ({ canvasElement }) => activateWhenShown(canvasElement, 'so-licence-holders', '[part~=download]:not(:disabled)'),
};
