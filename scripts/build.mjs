/**
 * `npm run build`: a clean `dist/` with
 *  - the ES-module library and the self-contained script-tag bundle (rollup.config.mjs),
 *  - type declarations in `dist/types/` (tsc -p tsconfig.build.json),
 *  - and `custom-elements.json` at the package root (custom-elements-manifest.config.mjs).
 * rollup runs in this process while tsc and the manifest analyzer run alongside it.
 * Prints what it made and how long each step took; exits non-zero on any failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
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

async function runRollup() {
  const { default: configs } = await import('../rollup.config.mjs');
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
 * The French catalogue is loaded with `import()`: in the library build every relative `import('…')`
 * must point at a chunk that exists; the script-tag bundle must have none left (it inlines them).
 */
function checkDynamicImports() {
  const problems = [];
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.js') && !f.includes(`${sep}types${sep}`))) {
    const code = readFileSync(file, 'utf8');
    if (/import\(`/.test(code)) problems.push(`${rel(file)}: a dynamic import with a computed path is left`);
    if (file.endsWith('.min.js') && /\bimport\(/.test(code)) problems.push(`${rel(file)}: a dynamic import is left`);
    for (const [, spec] of code.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
      if (!existsSync(join(dirname(file), spec))) problems.push(`${rel(file)}: import('${spec}') has no target`);
    }
  }
  if (problems.length) throw new Error(`dynamic imports:\n  ${problems.join('\n  ')}`);
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

  checkDynamicImports();
  const tags = manifestSummary();

  const lines = [];
  for (const { output, written, ms } of bundles.value) {
    const chunks = written.filter((o) => o.type === 'chunk');
    if (output.format === 'es') {
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
      lines.push(['rollup', `${rel(file)}  ${output.format.toUpperCase()} \`${output.name}\`, ${kB(statSync(file).size)} + map`, ms]);
    }
  }
  const dts = filesUnder(join(dist, 'types')).filter((f) => f.endsWith('.d.ts')).length;
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
