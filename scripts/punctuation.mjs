// The punctuation rules of the kit's languages, for its strings (checked by `npm run lint` and by
// test/elements/punctuation.test.ts). French sets a narrow no-break space (U+202F) before : ; ! ? and
// inside « », so that the mark never starts a line; English sets no space before them. A mark counts
// where it ends a phrase (a space, the end or a placeholder after it): "https://" and "10:30" do not.

export const NARROW_NBSP = '\u202f';

const PHRASE_MARK = /([\s\u00a0\u202f]*)([:;!?])(?=\s|$|\{|<)/gu;

/**
 * What is wrong with `text`'s punctuation in `locale` ("en", "fr"), one line per mark. Placeholders
 * may be written `{0}` or as xliff `<x …/>` elements.
 */
export function punctuationProblems(text, locale) {
  const problems = [];
  const at = (index) => JSON.stringify(text.slice(Math.max(0, index - 12), index + 3));
  for (const match of text.matchAll(PHRASE_MARK)) {
    const [, space, mark] = match;
    const index = match.index + space.length;
    if (index === 0) continue; // a mark that opens the text (a bare ": " after a placeholder's value)
    if (locale === 'fr' && space !== NARROW_NBSP) problems.push(`"${mark}" wants a narrow no-break space before it: ${at(index)}`);
    if (locale !== 'fr' && space !== '') problems.push(`"${mark}" wants no space before it: ${at(index)}`);
  }
  if (locale === 'fr') {
    for (const match of text.matchAll(/«(?!\u202f)|(?<!\u202f)»/gu)) {
      problems.push(`"${match[0]}" wants a narrow no-break space inside: ${at(match.index)}`);
    }
  }
  return problems;
}
