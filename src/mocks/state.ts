/**
 * The mock backend's memory: the assignments that writes (W8 PATCH, W9 PUT/DELETE) changed since the last reset.
 * `data.ts` reads it, so E1 (in use / free), E8 rows (licence columns, `userplan`), E9 and `GET /User/{id}` all answer
 * from the same state. It resets whenever a scenario is set (`setScenario`, `?scenario=` of `npm run mock-api`), so
 * tests stay independent.
 */
import type { Scenario } from './scenarios.js';

/** person id → licence column (`owner_module`, lower case) → held after the writes. */
const changed = new Map<number, Map<string, boolean>>();
let version = 0;
/** person id → the `version` of their last write since the last reset (a user row built before it is stale). */
const written = new Map<number, number>();
/** `conflict`: the next PATCH finds the user changed by someone else. */
let conflictArmed = false;
let scenarioOfState: Scenario | undefined;

/** Forgets every write; `scenario` arms the ones that need it (`conflict`). */
export function resetMockState(scenario?: Scenario): void {
  changed.clear();
  written.clear();
  licence = {};
  version++;
  conflictArmed = scenario === 'conflict';
  scenarioOfState = scenario;
}

/** Resets the state when the scenario changed since the last reset (the Node mock API switches by query). */
export function followScenario(scenario: Scenario): void {
  if (scenario !== scenarioOfState) resetMockState(scenario);
}

/** The scenario of the last reset. */
export const stateScenario = (): Scenario | undefined => scenarioOfState;

/** Bumped on every change: caches of counts compare it. */
export const stateVersion = (): number => version;

/** What a write set for `column` of person `id`, or undefined when no write touched it. */
export function heldOverride(id: number, column: string): boolean | undefined {
  return changed.get(id)?.get(column);
}

/**
 * When a write last changed person `id`: 0 when none did since the last reset (their row is the seed's), else a number
 * no earlier write or reset had. A cached user row stays right for as long as this stays the same.
 */
export const personStamp = (id: number): number => written.get(id) ?? 0;

/** The columns a write touched for person `id`. */
export function overriddenColumns(id: number): ReadonlyMap<string, boolean> {
  return changed.get(id) ?? new Map();
}

/** Records that person `id` now holds (or no longer holds) `column`. */
export function setHeld(id: number, column: string, held: boolean): void {
  let person = changed.get(id);
  if (!person) changed.set(id, (person = new Map()));
  person.set(column, held);
  version++;
  written.set(id, version);
}

/** True once: the `conflict` scenario's next PATCH meets someone else's change. */
export function takeConflict(): boolean {
  const armed = conflictArmed;
  conflictArmed = false;
  return armed;
}

/**
 * What the licence writes (W4 activation, W7 serial change) changed since the last reset: E1 answers from it.
 * `totals`: module (`owner_module`, lower case) → NumberOfLicenses of the activated licence; `expiryDays`: days the
 * activated licence moved the expiry date on; `issued`: the JSON text of the last licence W2/W5 answered (W3/W4 accept
 * only that licence, unchanged: it is "signed").
 */
export interface LicenceState {
  activated?: { owner: string; totals: ReadonlyMap<string, number>; expiryDays: number };
  company?: { CompanyName: string; SerialNr: string };
  issued?: string;
}
let licence: LicenceState = {};

/** The licence writes since the last reset. */
export const licenceState = (): Readonly<LicenceState> => licence;

/** Records a licence write (activation, serial change, a licence handed out by W2/W5). */
export function setLicenceState(change: Partial<LicenceState>): void {
  licence = { ...licence, ...change };
  version++;
}
