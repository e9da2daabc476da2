import type { ApiErrorKind, WriteErrorKind } from './api/errors.js';

/** `detail` of `so-load`. */
export interface SoLoadDetail {
  /** What was loaded, e.g. `License`, `SystemEvent`. */
  source: string;
}

/** `detail` of `so-error`. Never holds a token or a stack trace. */
export interface SoErrorDetail {
  kind: ApiErrorKind;
  status?: number;
  message: string;
}

/** `detail` of `so-licence-select`. */
export interface SoLicenceSelectDetail {
  ownerName: string;
  moduleName: string;
}

/** `detail` of `so-event-select`. */
export interface SoEventSelectDetail {
  id: number;
}

/** `detail` of `so-tab-change`: `superoffice`, `status`, a third-party `OwnerName`, or an add-on's `id`/`label`. */
export interface SoTabChangeDetail {
  tab: string;
}

/** `detail` of `so-assignment-change`: one saved assignment of one user. */
export interface SoAssignmentChangeDetail {
  associateId: number;
  ownerName: string;
  moduleName: string;
  /** `true`: the user now holds the licence; `false`: it was taken away. */
  assigned: boolean;
}

/** `detail` of `so-licence-activated`: W4 succeeded for this owner. */
export interface SoLicenceActivatedDetail {
  ownerName: string;
}

/** `detail` of `so-write-error`. Never holds a token or a stack trace. */
export interface SoWriteErrorDetail {
  /** As `so-error`, plus `conflict` (409: nothing was overwritten) and `rejected` (`Succeeded: false`). */
  kind: WriteErrorKind;
  status?: number;
  /** Technical English for logs; for `rejected`, the server's `Reason`. */
  message: string;
  /** Which write failed, e.g. `assign`, `unassign`, `reassign`, `activate`, `validate`, `change-serial`, `stop-job`. */
  operation: string;
}

/**
 * `change` of `<so-user-licence-filter>`: a plain `Event` (no `detail`); read the element's `value`. `target` and
 * `currentTarget` are the element for a listener added on it.
 */
export type SoChangeEvent<T extends EventTarget> = Event & { readonly target: T; readonly currentTarget: T };

/** `detail` of `so-superfluous-removed`: with `must-remove`, enough holders of the licence were removed. */
export interface SoSuperfluousRemovedDetail {
  ownerName: string;
  moduleName: string;
  /** How many holders fewer than when the step started. */
  removed: number;
}

/** Every `so-*` event the kit dispatches (all bubble and are composed). */
export interface SoEventMap {
  'so-load': CustomEvent<SoLoadDetail>;
  'so-error': CustomEvent<SoErrorDetail>;
  'so-licence-select': CustomEvent<SoLicenceSelectDetail>;
  'so-event-select': CustomEvent<SoEventSelectDetail>;
  'so-tab-change': CustomEvent<SoTabChangeDetail>;
  'so-assignment-change': CustomEvent<SoAssignmentChangeDetail>;
  'so-licence-activated': CustomEvent<SoLicenceActivatedDetail>;
  'so-write-error': CustomEvent<SoWriteErrorDetail>;
  'so-superfluous-removed': CustomEvent<SoSuperfluousRemovedDetail>;
}

declare global {
  /* eslint-disable @typescript-eslint/no-empty-object-type -- merging the kit's events into the DOM's maps */
  interface HTMLElementEventMap extends SoEventMap {}
  // They bubble and are composed, so a host can listen on document or window too.
  interface DocumentEventMap extends SoEventMap {}
  interface WindowEventMap extends SoEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
