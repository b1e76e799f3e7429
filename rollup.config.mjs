/**
 * Two builds of the kit:
 *  - `dist/`: an ES-module library (one entry per element, plus the whole kit, the model, the
 *    backend and the simulator), with lit and its packages left to the host's bundler; not minified,
 *    with sourcemaps. What loads on first use (the French strings, the simulator, the emoji picker
 *    and its data) is a chunk of its own.
 *  - `dist/dc-widgets.min.js`: one self-contained, minified IIFE for script-tag hosts (global
 *    `DcWidgets`), lit and the French strings included. What it loads on first use are files beside
 *    it, found from the script's own address: the emoji picker and its data (`dc-widgets-emoji/`) and
 *    the simulator (`dc-widgets-simulator.js`), ES modules that a classic script loads with `import()`.
 * `scripts/size.mjs` reuses the pieces exported here to measure each element alone.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minifyCssLiterals } from './scripts/css-literals.mjs';
import { emojiPickerCsp } from './scripts/emoji-picker-csp.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const fromRoot = (...parts) => join(root, ...parts);
const posix = (path) => path.split(sep).join('/');
const simulatorDir = fromRoot('src', 'simulator');
const inSimulator = (file) => !relative(simulatorDir, file).startsWith('..');

/**
 * Bare specifiers the library build leaves to the host's bundler (its dependencies, resolved once even
 * when the host uses them too): lit, @lit/context, @lit/localize, @lit-labs/virtualizer,
 * emoji-picker-element, idb-keyval, dompurify and quill, with their subpaths. Lucide's icons and the emoji data stay
 * in: the kit takes a few icons from a large set, and the data needs the JSON handling above.
 */
export const LIBRARY_EXTERNALS =
  /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|@lit\/localize|@lit-labs\/virtualizer|emoji-picker-element|idb-keyval|dompurify|quill)(\/.*)?$/;

/** `{ name: 'src/elements/<name>/<name>.ts' }` for every public element folder (`internal` holds none). */
export function elementEntries() {
  const dir = fromRoot('src', 'elements');
  const entries = {};
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name === 'internal') continue;
    const file = join(dir, d.name, `${d.name}.ts`);
    if (!existsSync(file)) throw new Error(`src/elements/${d.name}/ has no ${d.name}.ts entry`);
    entries[d.name] = file;
  }
  return entries;
}

/**
 * TypeScript through esbuild, with the project's tsconfig (legacy decorators, `useDefineForClassFields:
 * false`), then the CSS of the kit's css`…` literals minified (scripts/css-literals.mjs): every build,
 * the unminified library included, since a host's bundler leaves template literals as they are.
 */
export function typescript() {
  return [
    esbuild({ tsconfig: fromRoot('tsconfig.json'), target: 'es2022', minify: false, sourceMap: true }),
    minifyCssLiterals({ include: (id) => !relative(fromRoot('src'), id).startsWith('..') }),
  ];
}

/**
 * JSON modules. The emoji panel's data (emoji-picker-element-data) only ever reaches the picker as
 * text (a `data:` URL, see src/ui/emoji-data.ts), so its modules export the minified JSON text itself:
 * nothing is parsed until the panel opens, even in the script-tag bundle, where every module runs at
 * load. Other JSON exports its value, as `JSON.parse('…')` (faster than an object literal). Single
 * quotes, so that the JSON's double quotes need no escaping.
 */
export function json({ emojiBesideScript = false } = {}) {
  return {
    name: 'dc-json',
    transform(code, id) {
      if (!id.endsWith('.json')) return null;
      const minified = JSON.stringify(JSON.parse(code));
      const emoji = /[\\/]emoji-picker-element-data[\\/](\w+)[\\/]/.exec(id);
      if (emoji && emojiBesideScript) {
        // The script-tag bundle cannot load a chunk later: the data is a file beside the script
        // (dc-widgets-emoji/<lang>.json), found from the script's own address, never from elsewhere.
        const file = `${EMOJI_DIR}/${emoji[1]}.json`;
        this.emitFile({ type: 'asset', fileName: file, source: minified });
        return {
          code: `export default { url: new URL(${JSON.stringify(file)}, document.currentScript && document.currentScript.src || location.href).href };`,
          map: { mappings: '' },
        };
      }
      const text = `'${minified.replace(/[\\']/g, '\\$&')}'`;
      return { code: `export default ${emoji ? text : `JSON.parse(${text})`};`, map: { mappings: '' } };
    },
  };
}

/** The folder, beside `dc-widgets.min.js`, that holds the emoji panel's data for the script-tag bundle. */
export const EMOJI_DIR = 'dc-widgets-emoji';

/** The files beside `dc-widgets.min.js` that the script-tag bundle loads on first use. */
/** The folder, beside `dc-widgets.min.js`, that holds what only email needs: the sanitiser and the editor. */
export const EMAIL_DIR = 'dc-widgets-email';
export const BESIDE_SCRIPT = { emojiDir: EMOJI_DIR, emailDir: EMAIL_DIR, simulator: 'dc-widgets-simulator.js' };

/**
 * The plugins of a self-contained browser bundle: dependencies resolved with their production builds
 * (no Lit dev-mode warnings), minified with terser unless `minify` is false.
 */
export function bundlePlugins({ minify = true, module = false, emojiBesideScript = false } = {}) {
  return [
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    // Quill's own dependencies quill-delta and eventemitter3 are CommonJS.
    commonjs(),
    json({ emojiBesideScript }),
    ...typescript(),
    ...(minify ? [terser({ ecma: 2022, module, format: { comments: false } })] : []),
  ];
}

/** The script bundle's own address, taken while it runs (`document.currentScript` is gone later). */
const SCRIPT_ADDRESS = '__dcScriptAddress';

/**
 * The modules the script-tag bundle loads from beside itself instead of carrying them: the
 * simulator (src/backend/load-simulator.ts), the emoji picker's code (src/elements/internal/emoji-panel.ts),
 * and the two libraries only email uses, DOMPurify and Quill (a page with no email task never fetches them).
 */
const LOADED_BESIDE = [
  { test: (specifier, importer) => posix(importer).endsWith('/src/backend/load-simulator.ts') && /\/simulator\/index\.js$/.test(specifier), file: BESIDE_SCRIPT.simulator },
  { test: (specifier) => specifier === 'emoji-picker-element/picker.js', file: `${EMOJI_DIR}/picker.js` },
  { test: (specifier) => specifier === 'dompurify', file: `${EMAIL_DIR}/purify.js` },
  { test: (specifier) => specifier === 'quill', file: `${EMAIL_DIR}/quill.js` },
];

/**
 * In the script bundle, `import()` of a module in LOADED_BESIDE becomes
 * `import(new URL('<file>', <the script's address>).href)`: a classic script may `import()` an ES
 * module, and the address makes it the file beside the script wherever the page is.
 */
function loadBesideScript() {
  return {
    name: 'dc-load-beside-script',
    resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string') return null;
      const beside = LOADED_BESIDE.find((b) => b.test(specifier, importer));
      return beside ? { id: beside.file, external: true } : null;
    },
    renderDynamicImport({ targetModuleId }) {
      if (!LOADED_BESIDE.some((b) => b.file === targetModuleId)) return null;
      return { left: 'import(new URL(', right: `, ${SCRIPT_ADDRESS}).href)` };
    },
  };
}

/** The IIFE for script-tag hosts. `minify: false` gives the same bundle unminified (size report). */
export function scriptBundle({ minify = true } = {}) {
  return {
    input: fromRoot('src', 'index.ts'),
    plugins: [loadBesideScript(), ...bundlePlugins({ minify, emojiBesideScript: true })],
    output: {
      file: fromRoot('dist', 'dc-widgets.min.js'),
      format: 'iife',
      name: 'DcWidgets',
      intro: `const ${SCRIPT_ADDRESS} = document.currentScript && document.currentScript.src || location.href;`,
      inlineDynamicImports: true,
      sourcemap: true,
    },
  };
}

/**
 * The names the script-side simulator takes from `window.DcWidgets`, filled while it is built;
 * scripts/build.mjs then checks that the script bundle exports every one of them.
 */
export const simulatorKitImports = new Set();

const KIT_GLOBAL = '\0dc-kit-global';

/**
 * The script-side simulator (`dc-widgets-simulator.js`) carries only the simulator's own code: every
 * import of the kit's code (the model, the backend interface) is taken from the script bundle's
 * global, `window.DcWidgets`. So the simulator and the kit share one copy of each rule and class (the
 * store recognises a `DcBackendError` with `instanceof`), and the file stays small.
 */
function kitFromGlobal() {
  const outside = (source, importer) =>
    !!importer && inSimulator(importer) && source.startsWith('.') && !inSimulator(resolve(dirname(importer), source));
  return {
    name: 'dc-kit-from-global',
    resolveId(source, importer) {
      return outside(source, importer) ? KIT_GLOBAL : null;
    },
    load(id) {
      if (id !== KIT_GLOBAL) return null;
      return {
        code:
          'const kit = globalThis.DcWidgets;\n' +
          "if (!kit) throw new Error('dc-widgets-simulator.js needs dc-widgets.min.js, loaded first');\n" +
          'export default kit;\n',
        syntheticNamedExports: true,
      };
    },
    moduleParsed(info) {
      if (!inSimulator(info.id) || !info.ast) return;
      for (const node of info.ast.body) {
        if (!node.source || !outside(node.source.value, info.id)) continue;
        if (node.type !== 'ImportDeclaration') {
          this.error(`${posix(relative(root, info.id))}: re-exports kit code (${node.source.value}); import it instead`);
        }
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportNamespaceSpecifier') {
            this.error(`${posix(relative(root, info.id))}: \`import * as\` of kit code (${node.source.value}); name the imports`);
          }
          simulatorKitImports.add(spec.type === 'ImportDefaultSpecifier' ? 'default' : spec.imported.name);
        }
      }
    },
  };
}

/** `dist/dc-widgets-simulator.js`: the simulator for script-tag pages, an ES module beside the bundle. */
const simulatorBesideScript = {
  input: fromRoot('src', 'simulator', 'index.ts'),
  plugins: [kitFromGlobal(), ...bundlePlugins({ minify: true, module: true })],
  // One file: the emails the simulator loads on first use (src/simulator/emails.ts) are inlined here.
  output: { file: fromRoot('dist', BESIDE_SCRIPT.simulator), format: 'es', sourcemap: true, inlineDynamicImports: true },
};

/** `dist/dc-widgets-emoji/picker.js`: emoji-picker-element for script-tag pages, loaded when the panel first opens. */
const emojiPickerBesideScript = {
  input: 'emoji-picker-element/picker.js',
  // Made to work under a strict Content-Security-Policy (scripts/emoji-picker-csp.mjs).
  plugins: [emojiPickerCsp(), ...bundlePlugins({ minify: true, module: true })],
  output: { file: fromRoot('dist', EMOJI_DIR, 'picker.js'), format: 'es', sourcemap: true },
};

/** `dist/dc-widgets-email/{purify,quill}.js`: DOMPurify and Quill for script-tag pages, loaded on the first email. */
const emailBesideScript = {
  input: { purify: 'dompurify', quill: 'quill' },
  plugins: bundlePlugins({ minify: true, module: true }),
  output: { dir: fromRoot('dist', EMAIL_DIR), format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true },
};

const library = {
  input: {
    index: fromRoot('src', 'index.ts'),
    ...Object.fromEntries(Object.entries(elementEntries()).map(([name, file]) => [`elements/${name}`, file])),
    model: fromRoot('src', 'model', 'index.ts'),
    backend: fromRoot('src', 'backend', 'index.ts'),
    simulator: fromRoot('src', 'simulator', 'index.ts'),
  },
  external: (id) => LIBRARY_EXTERNALS.test(id),
  plugins: [nodeResolve({ browser: true }), json(), ...typescript()],
  output: {
    dir: fromRoot('dist'),
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // No bare imports of side-effect-free chunks: bundlers that honour `sideEffects` warn about them.
    hoistTransitiveImports: false,
    sourcemap: true,
    generatedCode: 'es2015',
  },
};

export default [library, scriptBundle(), simulatorBesideScript, emojiPickerBesideScript, emailBesideScript];
