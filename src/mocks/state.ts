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
/** `conflict`: the next PATCH finds the user changed by someone else. */
let conflictArmed = false;
let scenarioOfState: Scenario | undefined;

/** Forgets every write; `scenario` arms the ones that need it (`conflict`). */
export function resetMockState(scenario?: Scenario): void {
  changed.clear();
  version++;
  conflictArmed = scenario === 'conflict';
  scenarioOfState = scenario;
}

/** Resets the state when the scenario changed since the last reset (the Node mock API switches by query). */
export function followScenario(scenario: Scenario): void {
  if (scenario !== scenarioOfState) resetMockState(scenario);
}

/** Bumped on every change: caches of counts compare it. */
export const stateVersion = (): number => version;

/** What a write set for `column` of person `id`, or undefined when no write touched it. */
export function heldOverride(id: number, column: string): boolean | undefined {
  return changed.get(id)?.get(column);
}

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
}

/** True once: the `conflict` scenario's next PATCH meets someone else's change. */
export function takeConflict(): boolean {
  const armed = conflictArmed;
  conflictArmed = false;
  return armed;
}
