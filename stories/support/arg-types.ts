// The docs tables of every element, from custom-elements.json. Storybook's own extractor keys every row by its name,
// so a CSS part named like an attribute (`selected`, `badge`) replaced the attribute's row, and it leaves methods out.
// Here rows of one element never collide (non-arg rows get a category prefix in their key, the table shows the
// name), and methods are listed with their signatures.
import type { ArgTypes } from '@storybook/web-components-vite';

interface Typed {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Typed {
  kind: string;
  attribute?: string;
  parameters?: Typed[];
  return?: { type?: { text: string } };
}
interface Element {
  tagName?: string;
  members?: Member[];
  attributes?: (Typed & { fieldName?: string })[];
  events?: Typed[];
  slots?: Typed[];
  cssParts?: Typed[];
  cssProperties?: Typed[];
}
interface Manifest {
  modules: { declarations?: Element[] }[];
}

const row = (name: string, category: string, item: Typed, type = item.type?.text) => ({
  name,
  description: item.description ?? '',
  control: false as const,
  table: { category, type: type ? { summary: type } : undefined, defaultValue: item.default ? { summary: item.default } : undefined },
});

/** Storybook's `parameters.docs.extractArgTypes` for the kit's manifest. */
export function argTypesFrom(json: object): (tagName: string) => ArgTypes | null {
  const manifest = json as Manifest;
  return (tagName) => {
    const el = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tagName);
    if (!el) return null;
    const out: ArgTypes = {};
    // Attributes are the stories' args (keyed as written in HTML); their property name is in the description.
    for (const a of el.attributes ?? []) {
      const property = a.fieldName && a.fieldName !== a.name ? ` Property: \`${a.fieldName}\`.` : '';
      out[a.name] = { ...row(a.name, 'attributes', a), control: undefined, description: `${a.description ?? ''}${property}` };
    }
    for (const m of el.members ?? []) {
      if (m.kind === 'field' && !m.attribute) out[m.name] = row(m.name, 'properties', m);
      if (m.kind === 'method') {
        const params = (m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ');
        out[`method:${m.name}`] = row(`${m.name}()`, 'methods', m, `(${params}) => ${m.return?.type?.text ?? 'void'}`);
      }
    }
    for (const e of el.events ?? []) {
      out[`event:${e.name}`] = row(e.name, 'events', e);
      // Storybook's actions panel logs the event (as its own extractor does).
      const handler = `on${e.name.replace(/(^|-)(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`;
      out[handler] = { name: handler, action: e.name, table: { disable: true } };
    }
    for (const s of el.slots ?? []) out[`slot:${s.name}`] = row(s.name || '(default)', 'slots', s);
    for (const p of el.cssProperties ?? []) out[`css:${p.name}`] = row(p.name, 'css custom properties', p);
    for (const p of el.cssParts ?? []) out[`part:${p.name}`] = row(p.name, 'css shadow parts', p);
    return out;
  };
}
