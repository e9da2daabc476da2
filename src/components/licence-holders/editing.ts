/**
 * The editing parts of `<so-licence-holders>`, loaded on first use (dynamic `import()`): the confirmation dialog,
 * the bulk queue with its view, and the *Assign to users…* picker.
 */
import { html, nothing } from 'lit';
import { isolate } from '../../core/bidi.js';
import { msg, str } from '../../localization.js';
import { formatNumber } from '../../core/format.js';
import { heading } from '../../core/heading.js';
import type { UserEntry } from '../user-licence-filter/users.js';

export { confirmChange } from '../../core/confirm-dialog.js';
export { BulkQueue, bulkTemplate } from '../../core/bulk-queue.js';

/** What the picker shows and whom it tells. */
export interface PickerOptions {
  /** Level of the picker's heading. */
  level: number;
  licenceName: string;
  /** Free seats, or undefined when unlimited. */
  free?: number;
  query: string;
  /** The users offered (who lack the licence, matching the search). */
  users: readonly UserEntry[];
  /** How many more match but are not shown. */
  more: number;
  picked: ReadonlySet<number>;
  nameOf: (e: UserEntry) => string;
  onQuery: (query: string) => void;
  onToggle: (associateId: number, on: boolean) => void;
  onAll: (on: boolean) => void;
  onCancel: () => void;
  onAssign: () => void;
}

/**
 * *Assign to users…*: a search, a list of checkboxes (Tab, Space; "Select all shown"), how many are picked against
 * the free seats, and *Assign* / *Cancel*. Escape cancels.
 */
export function pickerTemplate(o: PickerOptions) {
  const name = o.licenceName;
  const count = o.picked.size;
  const allShown = o.users.length > 0 && o.users.every((e) => o.picked.has(e.row.associateDbId));
  const tooMany = o.free !== undefined && count > o.free;
  // No free seat: every assignment would be refused, so none is offered (the reason stands by the button).
  const none = o.free === 0;
  return html`<section
    class="panel picker"
    part="picker"
    aria-labelledby="picker-title"
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && o.onCancel()}
  >
    ${heading(o.level, msg(str`Assign ${name} to users`, { id: 'holders.picker-title' }), { id: 'picker-title' })}
    <div class="field">
      <label for="pick-search">${msg('Find users who do not have it', { id: 'holders.picker-search' })}</label>
      <input
        id="pick-search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${msg('Name or user id', { id: 'users.search-hint' })}
        .value=${o.query}
        @input=${(e: Event) => o.onQuery((e.target as HTMLInputElement).value)}
      />
    </div>
    ${o.users.length
      ? html`<label class="choice all">
            <input type="checkbox" .checked=${allShown} @change=${(e: Event) => o.onAll((e.target as HTMLInputElement).checked)} />
            <span>${msg('Select all shown', { id: 'holders.picker-all' })}</span>
          </label>
          <ul class="pick-list" aria-label=${msg('Users without this licence', { id: 'holders.picker-list' })}>
            ${o.users.map(
              (e) => html`<li>
                <label class="choice">
                  <input
                    type="checkbox"
                    .checked=${o.picked.has(e.row.associateDbId)}
                    @change=${(ev: Event) => o.onToggle(e.row.associateDbId, (ev.target as HTMLInputElement).checked)}
                  />
                  <span class="name">${o.nameOf(e)}</span>
                  <span class="muted">${e.row.assocName}${e.row.usergroup ? ` · ${e.row.usergroup}` : ''}</span>
                </label>
              </li>`,
            )}
          </ul>
          ${o.more > 0
            ? html`<p class="muted">${msg(str`${formatNumber(o.more)} more match; narrow the search to see them.`, { id: 'holders.picker-more' })}</p>`
            : nothing}`
      : html`<p class="muted">${msg('Every user shown here already has it, or nobody matches the search.', { id: 'holders.picker-none' })}</p>`}
    <p class="pick-count ${tooMany ? 'warning' : ''}" id="pick-count" role="status">
      ${none
        ? msg(str`No free licences: nobody can be given ${isolate(name)}. Free some first, or buy more.`, { id: 'bulk-select.no-free' })
        : o.free === undefined
          ? msg(str`${formatNumber(count)} picked.`, { id: 'holders.picked-unlimited' })
          : msg(str`${formatNumber(count)} picked, ${formatNumber(o.free)} free.`, { id: 'holders.picked' })}
      ${tooMany && !none ? msg('Some will be refused: there are not enough free seats.', { id: 'holders.picked-too-many' }) : nothing}
    </p>
    <div class="actions">
      <button class="button" type="button" @click=${o.onCancel}>${msg('Cancel', { id: 'write.cancel' })}</button>
      <button
        class="button primary"
        part="picker-assign"
        type="button"
        ?disabled=${count === 0 || none}
        aria-describedby=${none ? 'pick-count' : nothing}
        @click=${o.onAssign}
      >
        ${count === 1
          ? msg('Assign to 1 user', { id: 'holders.picker-assign-one' })
          : msg(str`Assign to ${formatNumber(count)} users`, { id: 'holders.picker-assign' })}
      </button>
    </div>
  </section>`;
}
