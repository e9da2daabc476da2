/**
 * Headings at a level the host chooses (`heading-level`), so a page's outline stays correct wherever an element
 * stands: an element's top headings are at its level, the ones inside them one below, and so on (clamped to 1–6).
 */
import { nothing } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';

const TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** A level 1–6 from a host's attribute value (anything else reads as 2). */
export function clampLevel(level: unknown): number {
  const n = Math.floor(Number(level));
  return Number.isFinite(n) ? Math.min(6, Math.max(1, n)) : 2;
}

/** An `h1`…`h6` element (its text rendered as text), with optional id, part and class. */
export function heading(level: number, content: unknown, attrs: { id?: string; part?: string; class?: string } = {}) {
  const tag = TAGS[clampLevel(level) - 1];
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html -- static-html: the tag is a literal, not a binding
  return html`<${tag} id=${attrs.id ?? nothing} part=${attrs.part ?? nothing} class=${attrs.class ?? nothing}>${content}</${tag}>`;
}
