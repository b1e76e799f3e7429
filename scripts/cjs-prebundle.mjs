/**
 * A dev-server plugin (@web/dev-server, @web/test-runner) for the two CommonJS packages inside Quill:
 * `quill-delta` and `eventemitter3`. The dev server serves node_modules file by file as ES modules;
 * these two are CommonJS (eventemitter3's `index.mjs` only wraps the CommonJS file), so the browser
 * stops at `does not provide an export named 'default'`, and @rollup/plugin-commonjs through
 * `fromRollup` does not fix it. Here each is bundled once with esbuild into one ES module with its
 * named exports, and that module is served in its place. Rollup's build (rollup.config.mjs) needs
 * none of this: its node-resolve takes the packages' own ES builds. Storybook's Vite pre-bundles
 * CommonJS itself (optimizeDeps).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each prebundled specifier, and the ES module that re-exports what Quill imports from it. */
const ENTRIES = {
  'quill-delta': "export { default, AttributeMap, Op, OpIterator } from 'quill-delta';",
  eventemitter3: "export { default, EventEmitter } from 'eventemitter3';",
};

const PREFIX = '/__cjs-prebundle/';

export function cjsPrebundle() {
  /** @type {Map<string, Promise<string>>} */
  const bundles = new Map();
  const bundle = (name) => {
    let code = bundles.get(name);
    if (!code) {
      code = build({
        stdin: { contents: ENTRIES[name], resolveDir: root, loader: 'js' },
        bundle: true,
        format: 'esm',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      }).then((r) => r.outputFiles[0].text);
      bundles.set(name, code);
      code.catch(() => bundles.delete(name));
    }
    return code;
  };
  return {
    name: 'dc-cjs-prebundle',
    resolveImport({ source }) {
      return Object.hasOwn(ENTRIES, source) ? `${PREFIX}${source}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = context.path.slice(PREFIX.length).replace(/\.js$/, '');
      if (!Object.hasOwn(ENTRIES, name)) return undefined;
      return { body: await bundle(name), type: 'js' };
    },
  };
}
