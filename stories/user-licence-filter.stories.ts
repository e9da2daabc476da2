import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { activateWhenShown, stallExportAt, whenShown } from './support/play.js';
import { http } from 'msw';
import '../src/components/user-licence-filter/define.js';
import { errorResponse } from '../src/mocks/handlers.js';

type Args = { value: string; 'api-base': string };

/**
 * Who holds which user licence: pick a licence type (plans first, with how many are in use) to filter the
 * *Associates* and *Other users* lists, search by name, user id, group, role or plan, sort by a column (both on the
 * server), and activate a user to see and change their licence assignments. *Download CSV* saves the list shown (every
 * matching user, in that order). Long lists are read 200 users at a time and virtualized. Every story runs against the kit's mock
 * backend; pick the language and theme in the toolbar.
 */
const meta = {
  title: 'Elements/so-user-licence-filter',
  component: 'so-user-licence-filter',
  tags: ['autodocs'],
  args: { value: '', 'api-base': '' },
  render: (args) =>
    html`<so-user-licence-filter value=${args.value} api-base=${args['api-base']}></so-user-licence-filter>`,
  parameters: { docs: { story: { height: '720px' } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Opens the licence assignments of the second user once the rows are there. */
const openSecondUser: Story['play'] = ({ canvasElement }) =>
  activateWhenShown(canvasElement, 'so-user-licence-filter', '.body > [aria-rowindex="3"]');

/** Forty associates and eleven other users; all users shown. */
export const Default: Story = {};
/** Started with `value="superoffice_ten-sales"`: only the holders of Sales Premium (narrowed on the server). */
export const Preselected: Story = { args: { value: 'superoffice_ten-sales' } };
/** A user's licence assignments, per owner, next to the list. */
export const LicenceAssignments: Story = { args: { value: 'acmeaddon_archive-user' }, play: openSecondUser };
/** 10,000 associates: read 200 at a time as the list scrolls; only the rows in view are in the DOM. */
export const Large: Story = { parameters: { scenario: 'large' } };
/** 403 on the user archives (common in SuperOffice Online): the lists say so, the licence picker still works. */
export const ArchivesForbidden: Story = {
  parameters: {
    msw: [http.get('*/api/v1/Archive/:list', () => errorResponse(403, 'Forbidden', 'Archive access is restricted.'))],
  },
};
/** 403 on the licences themselves: the whole element says so. */
export const Forbidden: Story = { parameters: { scenario: 'forbidden' } };
/** No licences and no users. */
export const Empty: Story = { parameters: { scenario: 'empty' } };
/** The server answers slowly: the loading state. */
export const Loading: Story = { parameters: { scenario: 'slow' } };
/** 500 from the server: an alert with *Try again*. */
export const ServerError: Story = { parameters: { scenario: 'server-error' } };
/** The answer is not JSON. */
export const Malformed: Story = { parameters: { scenario: 'malformed' } };
/** Dark theme, with a user's assignments open. */
export const Dark: Story = { args: { value: 'superoffice_ten-service' }, parameters: { theme: 'dark' }, play: openSecondUser };
/** Danish. */
export const Danish: Story = { args: { value: 'superoffice_crm-user' }, parameters: { locale: 'da' } };
/** German, with a user's assignments open. */
export const German: Story = { args: { value: 'superoffice_ten-sales' }, parameters: { locale: 'de' }, play: openSecondUser };
/** Dutch. */
export const Dutch: Story = { parameters: { locale: 'nl' } };
/** Norwegian (bokmål), with a user's assignments open. */
export const Norwegian: Story = { args: { value: 'acmeaddon_archive-user' }, parameters: { locale: 'nb' }, play: openSecondUser };
/** Swedish. */
export const Swedish: Story = { args: { value: 'superoffice_ten-marketing' }, parameters: { locale: 'sv' } };

/** `selector` inside `tag`'s shadow root once it is there (waits up to 5 s). */
async function find(canvas: HTMLElement, selector: string): Promise<HTMLElement | null> {
  const el = await whenShown(canvas, 'so-user-licence-filter', selector);
  return el?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** Opens the second user and switches on the first licence they lack. */
const switchOnFirstFree: Story['play'] = async ({ canvasElement }) => {
  (await find(canvasElement, '.body > [aria-rowindex="3"]'))?.click();
  (await find(canvasElement, '[role=switch][aria-checked=false][aria-disabled=false]'))?.click();
};

/**
 * The editable user panel: a switch per licence, the user plan as a choice among the plans (with *Change plan* and
 * the note that it takes effect at the next sign-in), each disabled control saying why. The play switches a licence
 * on: the switch is busy until the server answered, then *Undo* is offered for 10 seconds.
 */
export const EditablePanel: Story = { play: switchOnFirstFree };

/** Writes answer 403: the panel and the list say the signed-in user may only read; reading goes on. */
export const ReadOnly: Story = { parameters: { scenario: 'read-only' }, play: switchOnFirstFree };

/** The next PATCH answers 409: the user is reloaded and the panel says someone else changed it. */
export const Conflict: Story = { parameters: { scenario: 'conflict' }, play: switchOnFirstFree };

/**
 * A bulk run: four users selected (a click and a Shift-click), *Assign licence…*, the licence picked and confirmed;
 * the writes run two at a time and end in a summary (with slow writes: the progress shows first).
 */
export const BulkRun: Story = {
  parameters: { scenario: 'slow-writes' },
  play: async ({ canvasElement }) => {
    const boxes = async () => [...((await whenShown(canvasElement, 'so-user-licence-filter', '[part=checkbox]'))?.shadowRoot?.querySelectorAll<HTMLElement>('[part=checkbox]') ?? [])];
    const [first, , , fourth] = await boxes();
    first?.click();
    fourth?.dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, composed: true }));
    await assignSelected(canvasElement, 'acmeaddon_archive-ocr');
  },
};

/** *Assign licence…* for the selected users: picks `column`, waits until the confirmation says who changes, confirms. */
async function assignSelected(canvasElement: HTMLElement, column: string): Promise<void> {
  (await find(canvasElement, '[part=bulk-assign]'))?.click();
  const select = (await find(canvasElement, 'dialog.bulk select')) as HTMLSelectElement | null;
  if (select) {
    select.value = column;
    select.dispatchEvent(new Event('change'));
  }
  // Who already holds it is read first; then the dialog says exactly how many change.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await find(canvasElement, 'dialog.bulk .confirm-text');
  (await find(canvasElement, 'dialog.bulk [part=confirm]'))?.click();
}

/**
 * A bulk run over users of whom one already has the licence: Erik, Anders, Sigrid and Magnus are given *Archive
 * user*, which Erik holds. He gets no request and is listed apart (*Already had it*); the summary's numbers add up to
 * the four selected.
 */
export const BulkSummaryWithSkipped: Story = {
  play: async ({ canvasElement }) => {
    const boxes = async () => [...((await whenShown(canvasElement, 'so-user-licence-filter', '[part=checkbox]'))?.shadowRoot?.querySelectorAll<HTMLElement>('[part=checkbox]') ?? [])];
    const [, , , fourth, , , seventh] = await boxes();
    fourth?.click();
    seventh?.dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, composed: true }));
    await assignSelected(canvasElement, 'acmeaddon_archive-user');
  },
};

/**
 * *Select all N matching* over 10,000 associates narrowed to the 2,686 holders of Sales Premium: the matches are read
 * from the server (1,000 a request, only the columns a bulk change needs), so all 2,686 are selected — not only the
 * 200 rows loaded — and *Remove licence…* says exactly "2,686 users will lose Sales Premium."
 */
export const SelectAllMatching: Story = {
  args: { value: 'superoffice_ten-sales' },
  parameters: { scenario: 'large' },
  play: async ({ canvasElement }) => {
    (await find(canvasElement, '[part=select-all]'))?.click();
    (await find(canvasElement, '[part=bulk-remove]'))?.click();
  },
};

/** All 10,000 associates match: a bulk change takes at most 5,000, so the button selects the first 5,000 and says so. */
export const SelectAllBeyondTheLimit: Story = {
  parameters: { scenario: 'large' },
  play: async ({ canvasElement }) => {
    (await find(canvasElement, '[part=select-all]'))?.click();
  },
};

/** The *User licences* tab: each user licence with in use / total; the holders of the one picked. */
export const UserLicencesTab: Story = {
  play: async ({ canvasElement }) => {
    (await find(canvasElement, '#tab-licences'))?.click();
    (await find(canvasElement, '.licence-pick'))?.click();
  },
};

/**
 * Sorted by group (the column header, `aria-sort`) and searched for "sales": the server orders and narrows the list
 * (`$orderBy`, `$filter` with `contains` over name, user id, group, role and plan) and the count says how many of all
 * users match.
 */
export const SortedAndSearched: Story = {
  play: async ({ canvasElement }) => {
    const header = [...((await whenShown(canvasElement, 'so-user-licence-filter', '.sort'))?.shadowRoot?.querySelectorAll<HTMLElement>('.sort') ?? [])];
    header[1]?.click();
    const search = (await find(canvasElement, 'input[type=search]')) as HTMLInputElement | null;
    if (search) {
      search.value = 'sales';
      search.dispatchEvent(new Event('input'));
    }
  },
};

/** The same over 10,000 associates: the server sorts and narrows them all ("2,542 of 10,000 users"-style counts). */
export const LargeSortedAndSearched: Story = { parameters: { scenario: 'large' }, play: SortedAndSearched.play };

/**
 * *Download CSV* over 10,000 associates: the export fetches the users 1,000 at a time with the list's query (here the
 * third page never answers, so the progress stays), with *Cancel*; it would stop at 5,000 users and say so.
 */
export const Exporting: Story = {
  parameters: {
    scenario: 'large',
    msw: [stallExportAt('Archive/InternalUsers', 2000)],
  },
  play: ({ canvasElement }) => activateWhenShown(canvasElement, 'so-user-licence-filter', '[part~=download]:not(:disabled)'),
};
