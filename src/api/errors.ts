/** What went wrong with a request, in terms a component can render. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'unauthorized' | 'forbidden' | 'invalid-response';

/**
 * The one error type that leaves `src/api/`. Its `message` is technical English for logs and
 * `so-error` listeners (never a token, never a stack); components show their own localized text per `kind`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** The `detail` of the `so-error` event. */
  toDetail(): { kind: ApiErrorKind; status?: number; message: string } {
    return this.status === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, status: this.status, message: this.message };
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
