/**
 * `npm run build`: a clean `dist/` with
 *  - the ES-module library and the self-contained script-tag bundle, with the files beside it that it
 *    loads on first use (rollup.config.mjs),
 *  - type declarations in `dist/types/` (tsc -p tsconfig.build.json),
 *  - and `custom-elements.json` at the package root (custom-elements-manifest.config.mjs).
 * rollup runs in this process while tsc and the manifest analyzer run alongside it. Then it checks
 * what it made: every `import()` has its target, and no production file carries simulator code.
 * Prints what it made and how long each step took; exits non-zero on any failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);
const started = performance.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const rel = (file) => relative(root, file).split(sep).join('/');

/** Runs a package's CLI with this Node (no shell, so it behaves the same on every OS); output is kept for errors. */
function runNode(label, script, args) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ ms: performance.now() - t0, output });
      else reject(new Error(`${label} failed (exit ${code}):\n${output.trim()}`));
    });
  });
}

const warnings = [];
const rollupConfig = import('../rollup.config.mjs');
const { BESIDE_SCRIPT, simulatorKitImports } = await rollupConfig;

async function runRollup() {
  const { default: configs } = await rollupConfig;
  const results = [];
  for (const { output, ...input } of configs) {
    const t0 = performance.now();
    const keep = (w) => warnings.push(typeof w === 'string' ? w : w.message);
    const onwarn = input.onwarn ? (w) => input.onwarn(w, keep) : keep;
    const bundle = await rollup({ ...input, onwarn });
    try {
      const outputs = Array.isArray(output) ? output : [output];
      const written = [];
      for (const o of outputs) written.push(...(await bundle.write(o)).output);
      results.push({ output: outputs[0], written, ms: performance.now() - t0 });
    } finally {
      await bundle.close();
    }
  }
  return results;
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/**
 * What loads on first use is loaded with `import()`: in the library build every relative `import('…')`
 * must point at a chunk that exists. The script-tag bundle inlines the rest; the only ones left must
 * load a file beside it (`import(new URL('<file>', <its address>).href)`), and that file must exist.
 */
function checkDynamicImports() {
  const problems = [];
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.js') && !f.includes(`${sep}types${sep}`))) {
    const code = readFileSync(file, 'utf8');
    // Quill's static `Quill.import(`modules/${name}`)` is a method, not a module load.
    if (/(?<![.\w$])import\(`/.test(code)) problems.push(`${rel(file)}: a dynamic import with a computed path is left`);
    if (file.endsWith('.min.js')) {
      const all = code.match(/(?<![.\w$])import\(/g)?.length ?? 0;
      const beside = [...code.matchAll(/\bimport\(new URL\((["'])([^"']+)\1,/g)].map((m) => m[2]);
      if (beside.length !== all) problems.push(`${rel(file)}: a dynamic import is left that loads no file beside the script`);
      for (const spec of beside) if (!existsSync(join(dirname(file), spec))) problems.push(`${rel(file)}: import of '${spec}' has no file`);
    }
    for (const [, spec] of code.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
      if (!existsSync(join(dirname(file), spec))) problems.push(`${rel(file)}: import('${spec}') has no target`);
    }
  }
  if (problems.length) throw new Error(`dynamic imports:\n  ${problems.join('\n  ')}`);
}

/**
 * Strings that only the simulated contact centre has (src/simulator/): sample customers, a sample
 * template and workflow, its own failure messages and storage key. None may reach a production file.
 */
const SIMULATOR_MARKERS = [
  'Claim for a damaged washing machine', // a customer's email (customers.ts)
  'Kowalski', // a customer's name (customers.ts)
  'my name is {{agent.name}}', // a sample template (catalogue.ts)
  'No supervisor available', // the sample workflow that always fails (catalogue.ts)
  'Sign-in refused by the server', // an injected failure (simulated.ts)
  'dc-widgets:simulated-server', // where it keeps the "server" (simulated.ts)
];

/**
 * The production files hold no simulator code. Production: `dc-widgets.min.js` and the files beside
 * it but the simulator's, and every ES entry but `simulator.js` with the chunks it imports statically
 * (what a page gets without asking for the simulator). The markers must be the simulator's own (in
 * src/simulator/, nowhere else in src/) and must be found in the simulator's built files, so that
 * the search is known to see what it looks for.
 */
function checkNoSimulator(bundles) {
  const problems = [];
  const sources = filesUnder(join(root, 'src')).filter((f) => f.endsWith('.ts'));
  const inSimulator = (f) => f.startsWith(join(root, 'src', 'simulator') + sep);
  const simulatorText = sources.filter(inSimulator).map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const marker of SIMULATOR_MARKERS) {
    if (!simulatorText.includes(marker)) problems.push(`"${marker}" is no longer in src/simulator/: choose another marker`);
    for (const f of sources.filter((f) => !inSimulator(f))) {
      if (readFileSync(f, 'utf8').includes(marker)) problems.push(`"${marker}" is also in ${rel(f)}: not a marker of the simulator`);
    }
  }

  const production = new Map(); // file → the entry that loads it
  const simulator = new Map();
  for (const { output, written } of bundles) {
    const chunks = written.filter((o) => o.type === 'chunk');
    if (output.dir) {
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (fileName, into, entry) => {
        if (!byName.has(fileName) || into.has(join(output.dir, fileName))) return; // not a chunk: an external
        into.set(join(output.dir, fileName), entry);
        byName.get(fileName).imports.forEach((i) => closure(i, into, entry));
      };
      for (const c of chunks.filter((c) => c.isEntry)) {
        closure(c.fileName, c.name === 'simulator' ? simulator : production, join(output.dir, c.fileName));
      }
    } else {
      (basename(output.file) === BESIDE_SCRIPT.simulator ? simulator : production).set(output.file, output.file);
    }
  }
  for (const file of simulator.keys()) if (production.has(file)) simulator.delete(file); // shared kit code
  for (const [file, entry] of production) {
    const code = readFileSync(file, 'utf8');
    const found = SIMULATOR_MARKERS.filter((marker) => code.includes(marker));
    const via = entry === file ? '' : ` (loaded with ${rel(entry)})`;
    if (found.length) problems.push(`${rel(file)}${via} carries simulator code: ${found.map((m) => `"${m}"`).join(', ')}`);
  }
  const simulatorCode = [...simulator.keys()].map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const marker of SIMULATOR_MARKERS) {
    if (!simulatorCode.includes(marker)) problems.push(`"${marker}" is not found in the simulator's built files: the search cannot see it`);
  }
  if (problems.length) throw new Error(`simulator code in the production kit:\n  ${problems.join('\n  ')}`);
  return { production: production.size, markers: SIMULATOR_MARKERS.length };
}

/** The script-side simulator takes kit code from `window.DcWidgets`: the bundle must export all it takes. */
function checkSimulatorGlobals(bundles) {
  const script = bundles.find((b) => b.output.file && basename(b.output.file) === 'dc-widgets.min.js');
  const exported = new Set(script.written.find((o) => o.type === 'chunk' && o.isEntry).exports);
  const missing = [...simulatorKitImports].filter((name) => !exported.has(name));
  if (missing.length) {
    throw new Error(`${BESIDE_SCRIPT.simulator} takes from window.DcWidgets what the bundle does not export: ${missing.join(', ')}`);
  }
  return simulatorKitImports.size;
}

function manifestSummary() {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
  if (tags.length === 0) throw new Error('custom-elements.json lists no custom element');
  return tags.sort();
}

try {
  rmSync(dist, { recursive: true, force: true });

  const tsc = runNode('tsc', require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.build.json']);
  const cem = runNode('cem analyze', require.resolve('@custom-elements-manifest/analyzer/cem.js'), ['analyze']);
  // Wait for all three before reporting, so that a failure never leaves a child process running.
  const [bundles, types, manifest] = await Promise.allSettled([runRollup(), tsc, cem]);
  const failures = [bundles, types, manifest].filter((r) => r.status === 'rejected').map((r) => r.reason);
  if (failures.length) throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'several steps failed');

  const checksStarted = performance.now();
  checkDynamicImports();
  const clean = checkNoSimulator(bundles.value);
  const globals = checkSimulatorGlobals(bundles.value);
  const checksMs = performance.now() - checksStarted;
  const tags = manifestSummary();

  const lines = [];
  for (const { output, written, ms } of bundles.value) {
    const chunks = written.filter((o) => o.type === 'chunk');
    if (output.dir) {
      const entries = chunks.filter((c) => c.isEntry).map((c) => c.fileName).sort();
      const lazy = chunks.filter((c) => c.isDynamicEntry && !c.isEntry).map((c) => c.fileName);
      const bytes = chunks.reduce((n, c) => n + Buffer.byteLength(c.code), 0);
      lines.push([
        'rollup',
        `${rel(output.dir)}/  ES modules, ${entries.length} entries (${entries.join(', ')}), ` +
          `${chunks.length - entries.length} shared/lazy chunks (lazy: ${lazy.join(', ') || 'none'}), ${kB(bytes)} + maps`,
        ms,
      ]);
    } else {
      const file = output.file;
      const global = output.name ? ` \`${output.name}\`` : '';
      lines.push(['rollup', `${rel(file)}  ${output.format.toUpperCase()}${global}, ${kB(statSync(file).size)} + map`, ms]);
    }
  }
  const dts = filesUnder(join(dist, 'types')).filter((f) => f.endsWith('.d.ts')).length;
  lines.push(['check', `no simulator code in ${clean.production} production files (${clean.markers} markers); the script-side simulator takes ${globals} names from window.DcWidgets, all exported`, checksMs]);
  lines.push(['tsc', `dist/types/  ${dts} declaration files`, types.value.ms]);
  lines.push(['cem', `custom-elements.json  ${tags.length} elements: ${tags.join(', ')}`, manifest.value.ms]);

  console.log('Built dc-widgets:');
  for (const [tool, what, ms] of lines) console.log(`  ${tool.padEnd(6)} ${seconds(ms).padStart(6)}  ${what}`);
  for (const w of new Set(warnings)) console.warn(`  (!) rollup: ${w}`);
  console.log(`Done in ${seconds(performance.now() - started)} (tsc and cem run alongside rollup).`);
} catch (error) {
  console.error('Build failed.');
  for (const e of error instanceof AggregateError ? error.errors : [error]) {
    console.error(`\n${e instanceof Error ? e.message : e}`);
    if (e?.frame) console.error(e.frame);
  }
  process.exitCode = 1;
}
