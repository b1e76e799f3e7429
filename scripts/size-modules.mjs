/**
 * `npm run size:modules [-- <import> …]`: what each module weighs in what a page loads up front, to see
 * where the bytes of a line of docs/size.md come from. Bundles the entries as `npm run size` does
 * (production builds, everything a page needs), keeps what loads with the entry (not the dynamic
 * imports), and minifies each module's rendered code alone with esbuild: the figures are estimates
 * (gzip of a module alone is larger than its share of the whole), good to rank, not to add up.
 * With no argument, the chat-only desktop (provider + desktop).
 */
import { gzipSync } from 'node:zlib';
import { relative, resolve } from 'node:path';
import { rollup } from 'rollup';
import { transform } from 'esbuild';
import { bundlePlugins } from '../rollup.config.mjs';

const args = process.argv.slice(2);
const entries = args.length ? args : ['dc-widgets/elements/provider.js', 'dc-widgets/elements/desktop.js'];
const VIRTUAL = '\0size-modules-entry';
/** `dc-widgets/elements/desktop.js` → src/elements/desktop/desktop.ts; `dc-widgets` → src/index.ts. */
const file = (e) => {
  const element = /^dc-widgets\/elements\/([\w-]+)\.js$/.exec(e);
  if (element) return resolve('src', 'elements', element[1], `${element[1]}.ts`);
  if (e === 'dc-widgets') return resolve('src', 'index.ts');
  const other = /^dc-widgets\/(\w+)\.js$/.exec(e);
  return other ? resolve('src', other[1], 'index.ts') : resolve(e);
};
const source = entries.map((e) => `import ${JSON.stringify(file(e))};`).join('\n');

const bundle = await rollup({
  input: VIRTUAL,
  plugins: [
    { name: 'entry', resolveId: (id) => (id === VIRTUAL ? id : null), load: (id) => (id === VIRTUAL ? source : null) },
    ...bundlePlugins({ minify: false, module: true }),
  ],
  onwarn: () => {},
});
const { output } = await bundle.generate({ format: 'es' });
await bundle.close();
const chunks = output.filter((o) => o.type === 'chunk');
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const eager = new Set();
const visit = (name) => {
  if (eager.has(name)) return;
  eager.add(name);
  byName.get(name).imports.forEach(visit);
};
visit(chunks.find((c) => c.isEntry).fileName);

const rows = [];
for (const chunk of chunks.filter((c) => eager.has(c.fileName))) {
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.code) continue;
    const { code } = await transform(m.code, { minify: true, format: 'esm', target: 'es2022' });
    rows.push({ id: relative(process.cwd(), id.replace(/^\0/, '')), min: code.length, gzip: gzipSync(code, { level: 9 }).length });
  }
}
rows.sort((a, b) => b.min - a.min);
const group = new Map();
for (const r of rows) {
  const key = r.id.startsWith('node_modules/')
    ? r.id.split('/').slice(1, r.id.split('/')[1].startsWith('@') ? 3 : 2).join('/')
    : r.id.split('/').slice(0, 3).join('/');
  const g = group.get(key) ?? { min: 0, gzip: 0, n: 0 };
  g.min += r.min;
  g.gzip += r.gzip;
  g.n += 1;
  group.set(key, g);
}
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`Up front for ${entries.join(' + ')}: ${rows.length} modules, ${kb(rows.reduce((s, r) => s + r.min, 0))} minified (modules alone)\n`);
console.log('By folder or package (minified, gzip of each module alone summed):');
for (const [k, g] of [...group].sort((a, b) => b[1].min - a[1].min)) console.log(`  ${kb(g.min).padStart(9)} ${kb(g.gzip).padStart(9)}  ${k} (${g.n})`);
console.log('\nLargest modules:');
for (const r of rows.slice(0, 40)) console.log(`  ${kb(r.min).padStart(9)} ${kb(r.gzip).padStart(9)}  ${r.id}`);
