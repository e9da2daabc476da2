import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { activateWhenShown, stallExportAt, whenShown } from './support/play.js';
import { http, HttpResponse } from 'msw';
import '../src/components/system-events/define.js';

type Args = { 'refresh-interval': number; 'api-base': string };

/**
 * System notifications, newest first, with the running jobs on top and a details panel for the selected row. The
 * list is virtualized and loads 50 events at a time as it is scrolled. Every story runs against the kit's mock
 * backend; pick the language and theme in the toolbar.
 */
const meta = {
  title: 'Elements/so-system-events',
  component: 'so-system-events',
  tags: ['autodocs'],
  args: { 'refresh-interval': 0, 'api-base': '' },
  render: (args) =>
    html`<so-system-events refresh-interval=${args['refresh-interval']} api-base=${args['api-base']}></so-system-events>`,
  parameters: { docs: { story: { height: '780px' } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Selects the second event (the one whose message holds markup, shown as text) once the rows are there. */
const selectSecondRow: Story['play'] = ({ canvasElement }) =>
  activateWhenShown(canvasElement, 'so-system-events', '[aria-rowindex="3"]');

/** The element, once its toolbar is shown. */
const toolbarOf = async (canvas: HTMLElement) => (await whenShown(canvas, 'so-system-events', '#search'))?.shadowRoot;

/** Picks `value` in the status or type choice. */
const choose = (id: string, value: string): Story['play'] => async ({ canvasElement }) => {
  const select = (await toolbarOf(canvasElement))?.querySelector<HTMLSelectElement>(`#${id}`);
  if (!select) return;
  select.value = value;
  select.dispatchEvent(new Event('change'));
};

/** Searches for `text` (as Enter in the field does). */
const searchFor = (text: string): Story['play'] => async ({ canvasElement }) => {
  const field = (await toolbarOf(canvasElement))?.querySelector<HTMLInputElement>('#search');
  if (!field) return;
  field.value = text;
  field.dispatchEvent(new Event('input'));
  field.form?.requestSubmit();
};

/** Thirty events over five months, three running jobs. */
export const Default: Story = {};
/** A row selected: its full message and details in the panel below. The message's markup shows as characters. */
export const Selected: Story = { play: selectSecondRow };
/** 10,000 events: scroll to load the next 50; only the rows in view are in the DOM. */
export const Large: Story = { parameters: { scenario: 'large' } };
/** Sorted by the event's name (the header's button; again reverses). The server sorts (`$orderBy=eventname asc`). */
export const Sorted: Story = { play: ({ canvasElement }) => activateWhenShown(canvasElement, 'so-system-events', '.head .c-event button') };
/** Only failed notifications (`$filter=status eq 'Failed'`): the count says how many of all match. */
export const Filtered: Story = { play: choose('status-filter', 'Failed') };
/** 10,000 events searched for "maintenance" in name and message, on the server, with a type filter. */
export const Searched: Story = {
  parameters: { scenario: 'large' },
  play: async (context) => {
    await choose('type-filter', 'System-wide')!(context);
    await searchFor('maintenance')!(context);
  },
};
/** A search that matches nothing: it says so and offers to clear the search and filters. */
export const NothingMatches: Story = { play: searchFor('no such notification') };
/**
 * *Download CSV* over 10,000 events: the export fetches the matching pages 1,000 at a time (here the third never
 * answers, so the progress stays), with *Cancel*; it stops at 5,000 rows and says so.
 */
export const Exporting: Story = {
  parameters: {
    scenario: 'large',
    msw: [stallExportAt('SystemEvent', 2000)],
  },
  play: ({ canvasElement }) => activateWhenShown(canvasElement, 'so-system-events', '[part~=download]'),
};
/** Polls every 5 seconds (paused while the page is hidden). */
export const Polling: Story = { args: { 'refresh-interval': 5 } };
/** The backend does not offer running jobs (E7 answers 404): the section is left out. */
export const WithoutRunningJobs: Story = {
  parameters: { msw: [http.get('*/api/v1/BatchTask/Started', () => HttpResponse.json({ Error: true }, { status: 404 }))] },
};
/** No events and no running jobs. */
export const Empty: Story = { parameters: { scenario: 'empty' } };
/** The server answers slowly: the loading state. */
export const Loading: Story = { parameters: { scenario: 'slow' } };
/** 500 from the server: an alert with *Try again*. */
export const ServerError: Story = { parameters: { scenario: 'server-error' } };
/** The answer is not JSON. */
export const Malformed: Story = { parameters: { scenario: 'malformed' } };
/** 403: the signed-in user may not see system notifications. */
export const Forbidden: Story = { parameters: { scenario: 'forbidden' } };
/** Dark theme, a row selected. */
export const Dark: Story = { parameters: { theme: 'dark' }, play: selectSecondRow };
/** Danish. */
export const Danish: Story = { parameters: { locale: 'da' } };
/** German, dark. */
export const German: Story = { parameters: { locale: 'de', theme: 'dark' } };
/** Dutch. */
export const Dutch: Story = { parameters: { locale: 'nl' } };
/** Norwegian (bokmål). */
export const Norwegian: Story = { parameters: { locale: 'nb' } };
/** Swedish, a row selected. */
export const Swedish: Story = { parameters: { locale: 'sv' }, play: selectSecondRow };
