// After `lit-localize build`: the generated locale modules import `str` from the kit's own runtime
// (src/localize-runtime.ts), not from '@lit/localize', which the kit does not use at run time.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../src/generated/locales/', import.meta.url).pathname;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
  const path = join(dir, file);
  const code = readFileSync(path, 'utf8');
  const out = code.replace(/from\s*'@lit\/localize';/g, "from '../../localize-runtime.js';");
  if (out.includes('@lit/localize')) throw new Error(`${file}: unexpected @lit/localize import left`);
  if (out !== code) writeFileSync(path, out);
}
