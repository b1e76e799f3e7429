/**
 * `npm run size`: what the kit costs a page, up front and on first use.
 *  1. The chat-only desktop (`<dc-provider>` and `<dc-desktop>`, every media but email), each element
 *     imported alone, the whole kit, and the simulated contact centre: each entry bundled as an app's
 *     bundler would (everything it needs, lit included, production builds, terser), in memory. "Up
 *     front" is the entry and what it imports statically; "later" is every chunk it loads with
 *     `import()` (the French strings, the emoji picker and its data, the simulator…).
 *  2. The script-tag bundle `dist/dc-widgets.min.js` (built first when `dist/` is missing or older than
 *     the sources; `--build` always builds), and the files beside it that it loads on first use.
 * Sizes are gzip -9 and brotli 11 of the minified code. Prints Markdown, writes docs/size.md and the
 * figures to docs/size.json, then checks the budgets in docs/size-budget.json: the exit code is 1
 * when a figure is over its budget (or a budget names a line that is no longer measured).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { BESIDE_SCRIPT, bundlePlugins, elementEntries, scriptBundle } from '../rollup.config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bundleFile = join(dist, 'dc-widgets.min.js');
const budgetFile = join(root, 'docs', 'size-budget.json');
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
const posix = (path) => path.split(sep).join('/');
const sizes = (code) => ({ minified: Buffer.byteLength(code), gzip: gzip(code), brotli: brotli(code) });

function newestSource() {
  const inputs = ['src', 'rollup.config.mjs', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];
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

/** A reader's name for a chunk loaded later, from the module it stands for. */
function lazyName(chunk) {
  const id = posix(chunk.facadeModuleId ?? '');
  const emojiData = /emoji-picker-element-data\/(\w+)\//.exec(id);
  if (emojiData) return `emoji data (${emojiData[1]})`;
  if (/emoji-picker-element\/picker\.js$/.test(id)) return 'emoji picker';
  const emojiWords = /emoji-picker-element\/i18n\/(\w+)\.js$/.exec(id);
  if (emojiWords) return `emoji picker words (${emojiWords[1]})`;
  const strings = /src\/i18n\/locales\/(\w+)\.ts$/.exec(id);
  if (strings) return `${strings[1]} strings`;
  if (/src\/simulator\//.test(id) || /src\/backend\/simulated\.ts$/.test(id)) return 'simulator';
  if (/@lit-labs\/virtualizer\/layouts\/flow/.test(id)) return 'virtualizer layout';
  const internal = /src\/elements\/internal\/([\w-]+)\.ts$/.exec(id);
  if (internal) return internal[1];
  return chunk.name;
}

const warnings = new Set();

/** Bundles one entry for the browser (production, minified) in memory; sizes what loads up front and later. */
async function measureEntry(label, input, importPath) {
  const bundle = await rollup({
    input,
    plugins: [virtualEntries, ...bundlePlugins({ minify: true, module: true })],
    onwarn: (w) => warnings.add(`${label}: ${w.message}`),
  });
  try {
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name]-[hash].js', sourcemap: false });
    const chunks = output.filter((o) => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry);
    // Static imports of the entry load with it; dynamic ones only when asked for.
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const eager = new Set();
    const visit = (fileName) => {
      if (eager.has(fileName)) return;
      eager.add(fileName);
      byName.get(fileName).imports.forEach(visit);
    };
    visit(entry.fileName);
    const code = chunks.filter((c) => eager.has(c.fileName)).map((c) => c.code).join('\n');
    const lazy = chunks
      .filter((c) => !eager.has(c.fileName))
      .map((c) => ({ name: lazyName(c), ...sizes(c.code) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { label, import: importPath, upFront: sizes(code), later: lazy };
  } finally {
    await bundle.close();
  }
}

/** The script-tag bundle as built, and the files beside it that it loads on first use. */
async function measureScriptBundle() {
  const minifiedCode = readFileSync(bundleFile);
  // The same bundle without terser, to show what minification saves.
  const { output: outputOptions, ...input } = scriptBundle({ minify: false });
  const bundle = await rollup({ ...input, onwarn: (w) => warnings.add(`script bundle: ${w.message}`) });
  let raw;
  try {
    const { output } = await bundle.generate({ ...outputOptions, file: undefined, sourcemap: false });
    raw = Buffer.byteLength(output.find((o) => o.type === 'chunk' && o.isEntry).code);
  } finally {
    await bundle.close();
  }
  const beside = [];
  const besideFile = (file, name) => {
    const full = join(dist, file);
    if (existsSync(full)) beside.push({ name, file: `dist/${file}`, ...sizes(readFileSync(full)) });
  };
  const emojiDir = join(dist, BESIDE_SCRIPT.emojiDir);
  for (const name of existsSync(emojiDir) ? readdirSync(emojiDir).filter((n) => !n.endsWith('.map')).sort() : []) {
    const language = /^(\w+)\.json$/.exec(name);
    besideFile(`${BESIDE_SCRIPT.emojiDir}/${name}`, language ? `emoji data (${language[1]})` : 'emoji picker');
  }
  besideFile(`${BESIDE_SCRIPT.emailDir}/purify.js`, 'email sanitiser (DOMPurify)');
  besideFile(`${BESIDE_SCRIPT.emailDir}/quill.js`, 'email editor (Quill)');
  besideFile(BESIDE_SCRIPT.simulator, 'simulator');
  return {
    label: 'script bundle',
    import: posix(relative(root, bundleFile)),
    raw,
    upFront: sizes(minifiedCode),
    later: beside,
  };
}

function table(headers, align, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

const sum = (list, key) => list.reduce((n, x) => n + x[key], 0);

function render(report, verdicts) {
  const { lines, versions, date } = report;
  const baseline = lines.find((l) => l.label === 'lit alone');
  const laterCell = (l) => (l.later.length ? l.later.map((x) => `${x.name} ${kB(x.gzip)}`).join(', ') : '–');
  const budgetCell = (l) => {
    const v = verdicts.find((x) => x.key === (l.import ?? l.label));
    if (!v) return '–';
    return `${kB(v.budget)}${v.over ? ' **over**' : ''}`;
  };
  const name = (l) => (l.import ? `\`${l.import}\`` : l.label);
  const rows = lines.map((l) => [
    l.label === l.import || !l.import ? name(l) : `${l.label}: ${name(l)}`,
    kB(l.upFront.minified),
    kB(l.upFront.gzip),
    kB(l.upFront.brotli),
    l === baseline ? 'baseline' : l.withLit === false ? '–' : `+${kB(l.upFront.gzip - baseline.upFront.gzip)}`,
    l.later.length ? kB(sum(l.later, 'gzip')) : '–',
    l.later.length ? kB(sum(l.later, 'brotli')) : '–',
    budgetCell(l),
    laterCell(l),
  ]);
  const mainTable = table(
    ['what', 'up front: minified', 'gzip', 'brotli', 'gzip over lit', 'later: gzip', 'brotli', 'budget (gzip up front)', 'loaded later, each (gzip)'],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    rows,
  );
  const bundle = lines.find((l) => l.label === 'script bundle');
  const goals = verdicts.filter((v) => v.goal !== undefined);
  return `# Size

Generated by \`npm run size\` on ${date} — dc-widgets ${versions['dc-widgets']}, lit ${versions.lit},
@lit/context ${versions['@lit/context']}, @lit/localize ${versions['@lit/localize']}, rollup ${versions.rollup},
terser ${versions.terser}, esbuild ${versions.esbuild}, Node ${versions.node}. 1 kB = 1000 bytes.

What a page downloads for each way of using the kit:

- **up front**: the code loaded with the import or the script tag, minified, then compressed with gzip
  at level 9 and with brotli at quality 11;
- **gzip over lit**: up-front gzip minus the "lit alone" line, roughly the kit's own weight
  (compression makes this an estimate, not an exact split);
- **later**: what loads only on first use (a switch to French, the first opening of the emoji panel,
  \`backend="simulated"\`), in all and file by file;
- **budget**: the most the up-front gzip may weigh (\`docs/size-budget.json\`); \`npm run size\` fails
  above it.

The chat-only desktop is a page that imports \`dc-widgets/elements/provider.js\` and
\`dc-widgets/elements/desktop.js\`: every channel but email. Each element line is that element
imported alone, bundled with everything it needs (lit, @lit/context, @lit/localize, icons), production
builds, minified with terser. Several elements on one page share lit and the kit's common code, so
their costs do not add up. The script bundle is \`dist/dc-widgets.min.js\` as built (${kB(bundle.raw)}
before minification); what it loads later are the files beside it.
${goals.length ? `\nGoals: ${goals.map((g) => `${g.key} ≤ ${kB(g.goal)} gzip up front (now ${kB(g.value)})`).join('; ')}.\n` : ''}
${mainTable}
`;
}

/** Compares the figures with docs/size-budget.json: one verdict per budget. */
function checkBudgets(lines) {
  if (!existsSync(budgetFile)) return { verdicts: [], problems: [] };
  const { budgets } = JSON.parse(readFileSync(budgetFile, 'utf8'));
  const verdicts = [];
  const problems = [];
  for (const [key, budget] of Object.entries(budgets ?? {})) {
    const line = lines.find((l) => (l.import ?? l.label) === key);
    if (!line) {
      problems.push(`${key}: has a budget but is no longer measured`);
      continue;
    }
    for (const [measure, limit] of Object.entries(budget)) {
      if (measure === 'goal' || measure === 'note') continue;
      const value =
        measure === 'gzip' || measure === 'brotli'
          ? line.upFront[measure]
          : measure === 'laterGzip'
            ? sum(line.later, 'gzip')
            : undefined;
      if (value === undefined) {
        problems.push(`${key}: unknown measure "${measure}" (gzip, brotli or laterGzip)`);
        continue;
      }
      const over = value > limit;
      if (measure === 'gzip') verdicts.push({ key, budget: limit, value, over, goal: budget.goal });
      if (over) problems.push(`${key}: ${measure} ${kB(value)} is over its budget of ${kB(limit)}`);
    }
  }
  return { verdicts, problems };
}

try {
  const built = ensureBuilt();
  const elements = Object.entries(elementEntries()).sort(([a], [b]) => a.localeCompare(b));
  const src = (...parts) => posix(join(root, 'src', ...parts));
  const element = (name) => src('elements', name, `${name}.ts`);
  const simulator = existsSync(join(root, 'src', 'simulator', 'index.ts'))
    ? src('simulator', 'index.ts')
    : src('backend', 'simulated.ts');
  const lines = await Promise.all([
    measureEntry(
      'chat-only desktop',
      `${VIRTUAL}import ${JSON.stringify(element('provider'))}; import ${JSON.stringify(element('desktop'))};`,
      null,
    ),
    measureScriptBundle(),
    measureEntry('lit alone', `${VIRTUAL}export * from 'lit';`, null),
    measureEntry(
      'lit + @lit/context + @lit/localize',
      `${VIRTUAL}export * from 'lit'; export * from '@lit/context'; export * from '@lit/localize';`,
      null,
    ),
    ...elements.map(([name, file]) => measureEntry(name, file, `dc-widgets/elements/${name}.js`)),
    measureEntry('all elements', join(root, 'src', 'index.ts'), 'dc-widgets'),
    // Plain TypeScript, no lit: "gzip over lit" means nothing for it.
    measureEntry('the simulated contact centre', simulator, 'dc-widgets/simulator.js').then((l) => ({ ...l, withLit: false })),
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
      esbuild: version('esbuild'),
      node: process.versions.node,
    },
    lines,
  };
  const { verdicts, problems } = checkBudgets(lines);
  const markdown = render(report, verdicts);
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'size.md'), markdown);
  writeFileSync(join(root, 'docs', 'size.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log(markdown);
  for (const w of warnings) console.warn(`(!) rollup: ${w}`);
  console.log(
    `Wrote docs/size.md and docs/size.json in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (built ? ' (build included).' : ' (dist/ was up to date).'),
  );
  if (problems.length) {
    console.error(`\nOver budget (docs/size-budget.json):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else if (verdicts.length) {
    console.log(`Every figure is within its budget (${verdicts.length} budgets).`);
  }
} catch (error) {
  console.error(`\nSize report failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
