/** What went wrong with a request, in terms a component can render. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'unauthorized' | 'forbidden' | 'invalid-response';

/**
 * What went wrong with a write: the kinds of a read, plus `conflict` (409: someone changed the data meanwhile; nothing
 * was overwritten) and `rejected` (the server answered `Succeeded: false`; its `Reason` is in `reason`).
 */
export type WriteErrorKind = ApiErrorKind | 'conflict' | 'rejected';

/**
 * The one error type the kit's requests fail with: `kind` (`network`, `timeout`, `http`, `unauthorized`,
 * `forbidden`, `invalid-response`; for writes also `conflict` and `rejected`), `status` (the HTTP status, when there
 * was an answer), `reason` (for `rejected`: the server's `Reason`) and `message`, technical English for logs and
 * `so-error`/`so-write-error` listeners (never a token, never a stack). Elements show their own localized text per
 * `kind`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The origin that got no credentials (named only by an `api-base` attribute, or not the page's for a session). */
  withheldFrom?: string;
  /** How long the server asked to wait (`Retry-After`, 429/503), in milliseconds. */
  retryAfter?: number;

  constructor(
    readonly kind: WriteErrorKind,
    message: string,
    readonly status?: number,
    /**
     * For `rejected`: the server's own `Reason`; for a write answered 4xx/5xx with SuperOffice's error body: its
     * `ErrorMessage` (e.g. "There is no free Sales Premium licence."). Shown to the administrator as text.
     */
    readonly reason?: string,
  ) {
    super(message);
  }

  /** The `detail` of the `so-error` event (reads never fail with `conflict` or `rejected`). */
  toDetail(): { kind: ApiErrorKind; status?: number; message: string } {
    const kind = this.kind === 'conflict' || this.kind === 'rejected' ? 'http' : this.kind;
    return this.status === undefined
      ? { kind, message: this.message }
      : { kind, status: this.status, message: this.message };
  }
}

/** Maps anything thrown while loading to an ApiError (a component bug becomes `invalid-response`, not a crash). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('invalid-response', 'The answer could not be read.');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
