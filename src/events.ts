import type { ApiErrorKind } from './api/errors.js';

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

declare global {
  interface HTMLElementEventMap {
    'so-load': CustomEvent<SoLoadDetail>;
    'so-error': CustomEvent<SoErrorDetail>;
    'so-licence-select': CustomEvent<SoLicenceSelectDetail>;
    'so-event-select': CustomEvent<SoEventSelectDetail>;
    'so-tab-change': CustomEvent<SoTabChangeDetail>;
  }
}
