import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '../localization.js';
import type { ApiError } from '../api/errors.js';
import type { Resource } from './resource.js';
import { isolate } from './bidi.js';

/** Texts an element gives the shared state templates (already localized: call `msg()` in `render()`). */
export interface StateTexts {
  /** What failed, e.g. "Could not load the licence information." */
  failed: string;
  /** The empty state's sentence. */
  empty?: string;
  /** The forbidden state's sentence; a generic one otherwise. */
  forbidden?: string;
}

/** Visible "Loading…" with an accessible busy region. */
export function loadingTemplate(label?: string): TemplateResult {
  return html`<div class="state loading" part="state" role="status" aria-live="polite" aria-busy="true">
    <span class="spinner" aria-hidden="true"></span>
    <p>${label ?? msg('Loading…', { id: 'state.loading' })}</p>
  </div>`;
}

/** Why a request failed, in the user's language. */
export function reasonOf(error: ApiError | undefined): string {
  switch (error?.kind) {
    case 'network':
      return msg('The server could not be reached. Check the connection and try again.', { id: 'error.network' });
    case 'timeout':
      return msg('The server took too long to answer.', { id: 'error.timeout' });
    case 'unauthorized':
      return msg('You are not signed in, or your session has expired.', { id: 'error.unauthorized' });
    case 'forbidden':
      return msg('You do not have access to this information.', { id: 'error.forbidden' });
    case 'http':
      return msg(str`The server reported an error (HTTP ${error.status ?? ''}).`, { id: 'error.http' });
    default:
      return msg('The server sent an answer that could not be read.', { id: 'error.invalid' });
  }
}

/** Why no credentials went with the request (an origin named only in markup, or a session to another origin). */
export function withheldTemplate(origin: string): TemplateResult {
  return html`<span class="withheld" part="withheld">
    ${msg(
      str`Sign-in details were not sent to ${isolate(origin)}: the page names this server only in markup, or it is another site than the page. The page's code must configure it.`,
      { id: 'error.withheld' },
    )}
  </span>`;
}

/** `role="alert"` with what failed and why, and a *Try again* button. */
export function errorTemplate(failed: string, error: ApiError | undefined, retry: () => unknown): TemplateResult {
  return html`<div class="state error" part="state error" role="alert">
    <p>
      <strong>${failed}</strong> ${reasonOf(error)}${error?.withheldFrom ? html`<br />${withheldTemplate(error.withheldFrom)}` : nothing}
    </p>
    <button class="button" part="retry" type="button" @click=${retry}>${msg('Try again', { id: 'state.retry' })}</button>
  </div>`;
}

/** 403: the signed-in user may not see this; no automatic retry. */
export function forbiddenTemplate(text?: string): TemplateResult {
  return html`<div class="state forbidden" part="state forbidden" role="status">
    <p>${text ?? msg('You do not have access to this information.', { id: 'error.forbidden' })}</p>
  </div>`;
}

/** A sentence instead of a blank element. */
export function emptyTemplate(text: string): TemplateResult {
  return html`<div class="state empty" part="state empty" role="status"><p>${text}</p></div>`;
}

/**
 * Loading in the loaded layout's room: `shape` (the loaded markup without its data) is laid out invisible and inert
 * under the loading message, so the element is as tall while loading as once loaded — at every width, in every
 * language — and nothing below it moves when the data arrives (cumulative layout shift). The shape's elements lose
 * their `part` names: a part on the page still means the loaded element (a host's test may wait for one).
 */
export function loadingShapeTemplate(shape: unknown, label?: string): TemplateResult {
  return html`<div class="loading-shape">
    ${loadingTemplate(label)}
    <div class="shape" inert aria-hidden="true" ${ref((el) => unnameParts(el))}>${shape}</div>
  </div>`;
}

/**
 * Removes the `part` names inside `shape` once its content is rendered (after this update's commit). A new callback
 * each render, so Lit calls it after every render of the shape, not only the first: what a later render adds is
 * unnamed too.
 */
function unnameParts(shape?: Element): void {
  if (shape) queueMicrotask(() => shape.querySelectorAll('[part]').forEach((el) => el.removeAttribute('part')));
}

/**
 * Renders a resource: the loaded template, or the shared template of its other states. With `shape`, loading keeps
 * the room of that markup (see `loadingShapeTemplate`).
 */
export function renderResource<T, A extends readonly unknown[]>(
  resource: Resource<T, A>,
  texts: StateTexts,
  loaded: (value: T) => unknown,
  shape?: () => unknown,
): unknown {
  switch (resource.state) {
    case 'idle':
      return nothing;
    case 'loading':
      return shape ? loadingShapeTemplate(shape()) : loadingTemplate();
    case 'error':
      return errorTemplate(texts.failed, resource.error, () => resource.refresh());
    case 'forbidden':
      return forbiddenTemplate(texts.forbidden);
    case 'empty':
      return emptyTemplate(texts.empty ?? msg('There is nothing to show.', { id: 'state.empty' }));
    default:
      return loaded(resource.value as T);
  }
}
