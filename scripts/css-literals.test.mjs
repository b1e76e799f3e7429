// The css`…` minifier of the build (scripts/css-literals.mjs), run through rollup as the build runs it.
// `npm run test:node`.
import assert from 'node:assert/strict';
import { SourceMap } from 'node:module';
import { test } from 'node:test';
import { rollup } from 'rollup';
import { minifyCssLiterals, minifyCssParts, templateEscape } from './css-literals.mjs';

/** Bundles `code` as a module with the plugin; returns the output code and its source map. */
async function build(code) {
  const id = '/virtual/styles.js';
  const bundle = await rollup({
    input: id,
    external: ['lit'],
    plugins: [
      { name: 'virtual', resolveId: (s) => (s === id ? s : null), load: (s) => (s === id ? code : null) },
      minifyCssLiterals({ include: (m) => m === id }),
    ],
    onwarn: (w) => {
      throw new Error(w.message);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es', sourcemap: true });
    return output[0];
  } finally {
    await bundle.close();
  }
}

/** Evaluates a module's code with a stand-in for lit's `css` that returns the text it would hold. */
async function cssTextOf(code) {
  const url = `data:text/javascript,${encodeURIComponent(
    code.replace(/import \{[^}]*\} from 'lit';/, 'const css = (s, ...v) => s.reduce((a, p, i) => a + v[i - 1] + p);\nconst unsafeCSS = (x) => x;'),
  )}`;
  return import(url);
}

test('a literal without expressions loses its whitespace and comments, and means the same', async () => {
  const source = `import { css } from 'lit';
export const styles = css\`
  /* the host */
  :host {
    display: block;
    color: #ffffff;
  }
  .a > .b:hover:not(:disabled) {
    margin: 0px 0 0 0;
  }
\`;
`;
  const { code } = await build(source);
  assert.match(code, /css`:host\{display:block;color:#fff\}\.a>\.b:hover:not\(:disabled\)\{margin:0\}`/);
  assert.equal((await cssTextOf(code)).styles, ':host{display:block;color:#fff}.a>.b:hover:not(:disabled){margin:0}');
});

test('expressions in selectors and values stay in place and in order', async () => {
  const source = `import { css, unsafeCSS } from 'lit';
const b = unsafeCSS('.button');
const size = unsafeCSS('2rem');
export const styles = css\`
  \${b} {
    inline-size: \${size};
  }
  \${b}:hover:not(:disabled) {
    background: red;
  }
  \${b}.primary { padding: \${size} \${size}; }
\`;
`;
  const { code } = await build(source);
  assert.match(code, /css`\$\{b\}\{inline-size:\$\{size\}\}\$\{b\}:hover:not\(:disabled\)\{background:red\}\$\{b\}\.primary\{padding:\$\{size\} \$\{size\}\}`/);
  assert.equal(
    (await cssTextOf(code)).styles,
    '.button{inline-size:2rem}.button:hover:not(:disabled){background:red}.button.primary{padding:2rem 2rem}',
  );
});

test('backslashes, backticks and "${" in the CSS survive as the same text', async () => {
  const source = String.raw`import { css } from 'lit';
export const styles = css${'`'}
  .quote::before { content: '\\2014  \` \${'; }
${'`'};
`;
  const { code } = await build(source);
  const text = (await cssTextOf(code)).styles;
  assert.equal(text, String.raw`.quote:before{content:"\2014  ` + '` ${"}');
});

test('code around the literals does not move: the source map still points at it', async () => {
  const source = `import { css } from 'lit';
export const a = css\`
  :host {
    display: block;
  }
\`;
export function marker() {
  return 'after the css';
}
`;
  const { code, map } = await build(source);
  const lines = code.split('\n');
  const line = lines.findIndex((l) => l.includes("'after the css'"));
  assert.ok(lines[line - 2].includes('css`:host{display:block}`'), 'the css is on one line now');
  const entry = new SourceMap(map).findEntry(line, lines[line].indexOf("'after the css'"));
  assert.equal(entry.originalLine, 7); // zero-based: line 8 of the source
});

test('other tags and other modules are left alone', async () => {
  const source = `import { html } from 'lit';
export const t = html\`<p>  a   b  </p>\`;
const tagged = (s) => s.raw.join('');
export const other = tagged\`  x { color: red; }  \`;
`;
  const { code } = await build(source);
  assert.match(code, /html`<p> {2}a {3}b {2}<\/p>`/);
  assert.match(code, /tagged`  x \{ color: red; \}  `/);
});

test('a minifier that drops an expression fails the build instead of changing the code', async () => {
  // An empty rule is dropped by the minifier, and its selector's expression with it.
  await assert.rejects(minifyCssParts(['', ' {} a { color: red; }']), /order/);
  const source = `import { css, unsafeCSS } from 'lit';
const b = unsafeCSS('.b');
export const styles = css\`\${b} {} a { color: red; }\`;
`;
  await assert.rejects(build(source), /order/);
});

test('templateEscape gives the raw text of a template literal', () => {
  assert.equal(templateEscape('a\\b`c${d}$e'), 'a\\\\b\\`c\\${d}$e');
});
