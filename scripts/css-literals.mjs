/**
 * A rollup plugin that minifies the CSS of Lit's css`…` literals in the kit's own modules, with
 * esbuild's CSS minifier (the project's esbuild, already its TypeScript compiler). Lit ships a
 * literal's text as written, indentation and all, so every build carries it unless something
 * minifies it; host bundlers do not look inside template literals.
 *
 * How: each literal's static parts (their cooked text) are joined with a placeholder in place of each
 * `${…}`, minified as one style sheet, split again on the placeholders, and written back escaped for a
 * template literal. The placeholder is an identifier, valid wherever the kit interpolates (a
 * selector, a value). If the minifier drops, repeats or reorders a placeholder, the build fails rather
 * than change what the expressions do. The code around the literals does not move (magic-string
 * keeps the source map exact).
 */
import MagicString from 'magic-string';
import { transform } from 'esbuild';

const PLACEHOLDER = (i) => `__dc_css_${i}__`;
const PLACEHOLDERS = /__dc_css_(\d+)__/;

/** Text as the raw content of a template literal whose cooked value is `text`. */
export function templateEscape(text) {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/**
 * Minifies the static parts of one css`…` literal, given as their cooked text; returns the minified
 * parts, as many, in order. Throws when that cannot be done faithfully.
 */
export async function minifyCssParts(parts) {
  if (parts.some((p) => p.includes('__dc_css_'))) throw new Error('the CSS already holds a placeholder');
  const sheet = parts.map((p, i) => (i === 0 ? p : PLACEHOLDER(i - 1) + p)).join('');
  const { code, warnings } = await transform(sheet, { loader: 'css', minify: true, logLevel: 'silent' });
  const pieces = code.trim().split(PLACEHOLDERS);
  // split() with a capture group: text, index, text, index, …, text
  const order = pieces.filter((_, i) => i % 2 === 1).map(Number);
  if (order.length !== parts.length - 1 || order.some((n, i) => n !== i)) {
    throw new Error(
      `the minified CSS has its \${…} in the order [${order.join(', ')}], not ${parts.length - 1} in order: left as written`,
    );
  }
  return { parts: pieces.filter((_, i) => i % 2 === 0), warnings: warnings.map((w) => w.text) };
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/**
 * The plugin. `include(id)` picks the modules (the kit's sources); it runs after TypeScript has become
 * JavaScript, on the `css` tag by that name (Lit's, as the kit imports it).
 */
export function minifyCssLiterals({ include }) {
  return {
    name: 'dc-minify-css-literals',
    async transform(code, id) {
      if (!include(id) || !code.includes('css`')) return null;
      const literals = [];
      walk(this.parse(code), (node) => {
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'css') {
          literals.push(node.quasi);
        }
      });
      if (!literals.length) return null;
      const out = new MagicString(code);
      for (const quasi of literals) {
        const cooked = quasi.quasis.map((q) => q.value.cooked);
        if (cooked.some((c) => c === null || c === undefined)) continue; // an invalid escape: leave it
        let result;
        try {
          result = await minifyCssParts(cooked);
        } catch (error) {
          this.error(`css\`…\` at offset ${quasi.start}: ${error.message}`);
        }
        for (const w of result.warnings) this.warn(`css\`…\` at offset ${quasi.start}: ${w}`);
        quasi.quasis.forEach((q, i) => {
          const text = templateEscape(result.parts[i]);
          if (q.end > q.start) out.update(q.start, q.end, text);
          else if (text) out.appendLeft(q.start, text);
        });
      }
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id, includeContent: false }) };
    },
  };
}
