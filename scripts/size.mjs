/**
 * `npm run size`: what the kit costs a page.
 *  1. The script-tag bundle `dist/dc-widgets.min.js` (built first when `dist/` is missing or older than
 *     the sources; `--build` always builds): unminified, minified, gzip -9 and brotli sizes.
 *  2. Each element imported alone by an app: its entry bundled with everything it needs (lit included,
 *     production builds, terser) in memory, next to "lit alone" as a baseline.
 * Prints a Markdown table and writes it to docs/size.md, the figures to docs/size.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { bundlePlugins, elementEntries, scriptBundle } from '../rollup.config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleFile = join(root, 'dist', 'dc-widgets.min.js');
const started = performance.now();

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) =>
  brotliCompressSync(code, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(code),
    },
  }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

function newestSource() {
  const inputs = ['src', 'rollup.config.mjs', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
  const newest = (path) => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
  };
  return Math.max(...inputs.map((p) => join(root, p)).filter(existsSync).map(newest));
}

function ensureBuilt() {
  const force = process.argv.includes('--build');
  if (!force && existsSync(bundleFile) && statSync(bundleFile).mtimeMs >= newestSource()) return false;
  console.log(force ? 'Building (--build)…' : 'dist/ is missing or older than the sources: building first…');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
  return true;
}

const VIRTUAL = '\0size-entry:';
/** Lets an entry be a line of code (`export * from 'lit'`) instead of a file. */
const virtualEntries = {
  name: 'size-virtual-entries',
  resolveId: (id) => (id.startsWith(VIRTUAL) ? id : null),
  load: (id) => (id.startsWith(VIRTUAL) ? id.slice(VIRTUAL.length) : null),
};

const warnings = new Set();

/** Bundles one entry for the browser (production, minified) in memory; sizes its first load and its lazy chunks. */
async function measureEntry(label, input, importPath) {
  const bundle = await rollup({
    input,
    plugins: [virtualEntries, ...bundlePlugins({ minify: true, module: true })],
    onwarn: (w) => warnings.add(`${label}: ${w.message}`),
  });
  try {
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js', sourcemap: false });
    const chunks = output.filter((o) => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry);
    // Static imports of the entry load with it; dynamic ones (the French catalogue) only when asked for.
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const eager = new Set();
    const visit = (fileName) => {
      if (eager.has(fileName)) return;
      eager.add(fileName);
      byName.get(fileName).imports.forEach(visit);
    };
    visit(entry.fileName);
    const code = chunks.filter((c) => eager.has(c.fileName)).map((c) => c.code).join('\n');
    const lazy = chunks.filter((c) => !eager.has(c.fileName));
    return {
      label,
      import: importPath,
      minified: Buffer.byteLength(code),
      gzip: gzip(code),
      brotli: brotli(code),
      lazy: lazy.map((c) => ({ name: c.name, minified: Buffer.byteLength(c.code), gzip: gzip(c.code) })),
    };
  } finally {
    await bundle.close();
  }
}

async function measureScriptBundle() {
  const minifiedCode = readFileSync(bundleFile);
  // The same bundle without terser, to show what minification saves.
  const { output: outputOptions, ...input } = scriptBundle({ minify: false });
  const bundle = await rollup({ ...input, onwarn: (w) => warnings.add(`script bundle: ${w.message}`) });
  try {
    const { output } = await bundle.generate({ ...outputOptions, file: undefined, sourcemap: false });
    const raw = output.find((o) => o.type === 'chunk').code;
    return {
      file: relative(root, bundleFile).split(sep).join('/'),
      raw: Buffer.byteLength(raw),
      minified: minifiedCode.length,
      gzip: gzip(minifiedCode),
      brotli: brotli(minifiedCode),
    };
  } finally {
    await bundle.close();
  }
}

function table(headers, align, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

function render(report) {
  const { bundle, baseline, entries, versions, date } = report;
  const bundleTable = table(
    ['file', 'raw', 'minified', 'gzip', 'brotli'],
    ['l', 'r', 'r', 'r', 'r'],
    [[`\`${bundle.file}\``, kB(bundle.raw), kB(bundle.minified), kB(bundle.gzip), kB(bundle.brotli)]],
  );
  const lazyCell = (e) => (e.lazy.length ? e.lazy.map((l) => `${l.name} ${kB(l.gzip)}`).join(', ') : '–');
  const over = (e) => (e === baseline ? 'baseline' : `+${kB(e.gzip - baseline.gzip)}`);
  const entryTable = table(
    ['import', 'minified', 'gzip', 'brotli', 'gzip over lit', 'loaded later (gzip)'],
    ['l', 'r', 'r', 'r', 'r', 'r'],
    entries.map((e) => [
      e.import ? `\`${e.import}\`${e.label === 'everything' ? ' (all elements)' : ''}` : e.label,
      kB(e.minified),
      kB(e.gzip),
      kB(e.brotli),
      over(e),
      lazyCell(e),
    ]),
  );
  return `# Size

Generated by \`npm run size\` on ${date} — dc-widgets ${versions['dc-widgets']}, lit ${versions.lit},
@lit/context ${versions['@lit/context']}, @lit/localize ${versions['@lit/localize']}, rollup ${versions.rollup},
terser ${versions.terser}, Node ${versions.node}. 1 kB = 1000 bytes.

## Script-tag bundle

The self-contained bundle for hosts that load one classic \`<script>\`: every element, lit and the French
catalogue included.

- **raw**: the same bundle before minification;
- **minified**: the file as shipped;
- **gzip**: the minified file compressed with gzip at level 9;
- **brotli**: the minified file compressed with brotli at quality 11.

${bundleTable}

## One element at a time

What an app downloads when it imports only that entry from the ES-module build: the entry bundled with
everything it needs (lit, @lit/context, @lit/localize, icons), production builds, minified with terser.

- **minified / gzip / brotli**: the code loaded with the import (gzip level 9, brotli quality 11);
- **gzip over lit**: gzip minus the "lit alone" line, roughly the element's own weight (compression
  makes this an estimate, not an exact split);
- **loaded later**: chunks fetched only when needed, such as the French catalogue on a switch to French.

Several elements on one page share lit and the kit's common code, so their costs do not add up.

${entryTable}
`;
}

try {
  const built = ensureBuilt();
  const elements = Object.entries(elementEntries()).sort(([a], [b]) => a.localeCompare(b));
  const [bundle, ...entries] = await Promise.all([
    measureScriptBundle(),
    measureEntry('lit alone', `${VIRTUAL}export * from 'lit';`, null),
    measureEntry(
      'lit + @lit/context + @lit/localize',
      `${VIRTUAL}export * from 'lit'; export * from '@lit/context'; export * from '@lit/localize';`,
      null,
    ),
    ...elements.map(([name, file]) => measureEntry(name, file, `dc-widgets/elements/${name}.js`)),
    measureEntry('everything', join(root, 'src', 'index.ts'), 'dc-widgets'),
  ]);
  const report = {
    date: new Date().toISOString().slice(0, 10),
    versions: {
      'dc-widgets': JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      lit: version('lit'),
      '@lit/context': version('@lit/context'),
      '@lit/localize': version('@lit/localize'),
      rollup: version('rollup'),
      terser: version('terser'),
      node: process.versions.node,
    },
    bundle,
    baseline: entries[0],
    entries,
  };
  const markdown = render(report);
  const json = { ...report, baseline: undefined };
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'size.md'), markdown);
  writeFileSync(join(root, 'docs', 'size.json'), `${JSON.stringify(json, null, 2)}\n`);

  console.log(markdown);
  for (const w of warnings) console.warn(`(!) rollup: ${w}`);
  console.log(
    `Wrote docs/size.md and docs/size.json in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (built ? ' (build included).' : ' (dist/ was up to date).'),
  );
} catch (error) {
  console.error(`\nSize report failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
