/**
 * Host names that could pass for others (HOSTILE-17). A link written `https://аpple.com/login` with a
 * Cyrillic "а" goes to `xn--pple-43d.com`, not to apple.com; browsers show such a host in its ASCII
 * (punycode) form rather than as written, and so does the thread. The rules are a small part of the
 * ones browsers apply (Unicode TS #39, "highly restrictive"):
 *
 * - a label whose letters mix scripts is deceptive, except Latin with the scripts written beside it in
 *   Chinese, Japanese or Korean (Han with Hiragana and Katakana, with Bopomofo, or with Hangul);
 * - a label made only of Cyrillic or Greek letters that look like Latin ones ("аррӏе") is deceptive
 *   beside a Latin label (`.com`): a whole word spelt in look-alikes.
 *
 * `café.fr`, `münchen.de`, `пример.рф` or `例え.jp` are shown as written.
 */

const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

/** The sets of scripts a label may mix (besides one script alone). */
const ALLOWED_MIXES: readonly (readonly string[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

/** Cyrillic and Greek letters that look like Latin ones, in lower case (host names are). */
const LOOK_ALIKES = /^[асԁеһіјӏорԛѕԝхуъьҽпгѵѡαικνορτυχ]+$/u;

/** The scripts of a label's letters (digits, hyphens and marks belong to none). */
function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const ch of label) {
    if (!/\p{L}/u.test(ch)) continue;
    found.add(SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? `other:${ch}`);
  }
  return found;
}

/** Whether a host, as written, could pass for another. */
export function deceptiveHost(host: string): boolean {
  if (/^[\x00-\x7f]*$/.test(host)) return false;
  const labels = host.toLowerCase().split(/[.\u3002\uff0e\uff61]/u).filter(Boolean);
  const scripts = labels.map(scriptsOf);
  for (const s of scripts) {
    if (s.size > 1 && !ALLOWED_MIXES.some((mix) => [...s].every((x) => mix.includes(x)))) return true;
  }
  const latinBeside = scripts.some((s) => s.size === 1 && s.has('Latin'));
  return latinBeside && labels.some((label, i) => (scripts[i]!.has('Cyrillic') || scripts[i]!.has('Greek')) && LOOK_ALIKES.test(label.replace(/[-\d]/g, '')));
}

/**
 * The text of a link as the thread shows it: as written, or, when its host is deceptive, with the host
 * in the ASCII form the browser will go to (`https://xn--pple-43d.com/login`). `href` is the link's
 * address (from `new URL`, so its host is already in ASCII).
 */
export function shownLinkText(text: string, href: string): string {
  const email = /^(?:mailto:)?[^@/?#]+@([^?#]+)/i.exec(text);
  const web = email ? undefined : /^(?:https?:\/\/)?([^/?#]+)/i.exec(text);
  const found = email ?? web;
  if (!found) return text;
  const written = found[1]!.replace(/:\d*$/, '');
  if (!deceptiveHost(written)) return text;
  let ascii: string;
  try {
    ascii = email ? new URL(`http://${written}`).hostname : new URL(href).hostname;
  } catch {
    return text;
  }
  const at = found.index + found[0].length - found[1]!.length;
  return text.slice(0, at) + ascii + text.slice(at + written.length);
}
