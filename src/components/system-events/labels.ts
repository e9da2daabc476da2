/**
 * Translated labels for the values SuperOffice sends in system events (E6 `status`, `type`) and batch tasks (E7
 * `State`). Known values are recognised by value — case, spaces, `-` and `_` ignored — never by the text shown, so
 * styling works in every language; an unknown value is shown as sent, without a tone.
 */
import { msg } from '../../localization.js';

/** How a value is styled: `bad` (failed), `good` (done), `busy` (running or waiting), `muted` (stopped). */
export type Tone = 'bad' | 'good' | 'busy' | 'muted';

export interface ValueLabel {
  /** The translated label, or the value as sent when it is not a known one. */
  label: string;
  /** `undefined` for an unknown value. */
  tone?: Tone;
  /** The value is one the kit knows. */
  known: boolean;
}

/** The key a value is recognised by: lower case without spaces, `-` and `_`. */
const keyOf = (value: string) => value.trim().toLowerCase().replace(/[\s_-]+/g, '');

function lookup(value: string, table: Record<string, readonly [() => string, Tone?]>): ValueLabel {
  const hit = table[keyOf(value)];
  return hit ? { label: hit[0](), tone: hit[1], known: true } : { label: value, known: false };
}

const finished = () => msg('Finished', { id: 'formats.status-finished' });
const failed = () => msg('Failed', { id: 'formats.status-failed' });
const scheduled = () => msg('Scheduled', { id: 'formats.status-scheduled' });
const running = () => msg('Running', { id: 'formats.status-running' });
const cancelled = () => msg('Cancelled', { id: 'formats.status-cancelled' });

/** A system event's `status`. */
export function eventStatus(value: string): ValueLabel {
  return lookup(value, {
    finished: [finished, 'good'],
    completed: [finished, 'good'],
    succeeded: [finished, 'good'],
    done: [finished, 'good'],
    failed: [failed, 'bad'],
    error: [failed, 'bad'],
    scheduled: [scheduled, 'busy'],
    pending: [scheduled, 'busy'],
    running: [running, 'busy'],
    started: [running, 'busy'],
    inprogress: [running, 'busy'],
    active: [running, 'busy'],
    cancelled: [cancelled, 'muted'],
    canceled: [cancelled, 'muted'],
    stopped: [cancelled, 'muted'],
  });
}

/**
 * A system event's `type`: its scope (the SystemEvent table's 1 = system-wide, 2 = database, 3 = group, 4 = user) or
 * one of the event types SuperOffice documents for the Add event dialog.
 */
export function eventType(value: string): ValueLabel {
  const systemWide = () => msg('System-wide', { id: 'formats.type-system' });
  const database = () => msg('Database', { id: 'formats.type-database' });
  const group = () => msg('Group', { id: 'formats.type-group' });
  const user = () => msg('User', { id: 'formats.type-user' });
  const freetext = () => msg('Freetext index rebuild', { id: 'formats.type-freetext' });
  const prototype = () => msg('Travel prototype rebuild', { id: 'formats.type-prototype' });
  const udef = () => msg('User-defined fields update', { id: 'formats.type-udef' });
  const motd = () => msg('Message of the day', { id: 'formats.type-motd' });
  const label = lookup(value, {
    systemwide: [systemWide],
    system: [systemWide],
    '1': [systemWide],
    database: [database],
    '2': [database],
    group: [group],
    '3': [group],
    user: [user],
    '4': [user],
    freetextrebuild: [freetext],
    prototyperebuild: [prototype],
    messageoftheday: [motd],
  });
  // "UDefRebuild" comes in several kinds (e.g. UDefRebuildContact): one label for all of them.
  return label.known || !keyOf(value).startsWith('udefrebuild') ? label : { label: udef(), known: true };
}

/** A batch task's `State`, as SuperOffice spells it (`Aquired` sic). */
export function taskState(value: string): ValueLabel {
  return lookup(value, {
    unknown: [() => msg('Unknown state', { id: 'formats.state-unknown' })],
    new: [() => msg('Waiting to start', { id: 'formats.state-new' }), 'busy'],
    aquired: [() => msg('Starting', { id: 'formats.state-aquired' }), 'busy'],
    started: [running, 'busy'],
    succeeded: [finished, 'good'],
    failed: [failed, 'bad'],
    succeededmanualcleanup: [() => msg('Finished, cleaning up', { id: 'formats.state-cleanup' }), 'good'],
  });
}
