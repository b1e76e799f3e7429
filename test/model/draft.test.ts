/**
 * The draft rules the composer applies (COMP-5..9, COMP-11, COMP-13): edits that move template fields
 * and styles along, text put in at the caret, styles, templates in and out, and the `/` search.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  EMPTY_DRAFT,
  draftWithTemplate,
  draftWithoutTemplate,
  editDraft,
  insertIntoDraft,
  isBlankDraft,
  isDraftEditAllowed,
  isDraftEditable,
  styleDraft,
  type Draft,
} from '../../src/model/draft.js';
import { loadTemplate, opensSlashSearch, slashQuery, type Template } from '../../src/model/templates.js';

const ORDER: Template = { id: 'order', name: 'Order', group: 'g', locked: false, body: 'Order [[Number]] ships [[Day|tomorrow]].' };
const GOODBYE: Template = { id: 'bye', name: 'Bye', group: 'g', locked: true, body: 'Goodbye {{customer.name}}.' };
const context = { customer: { name: 'Alice' }, agent: { name: 'Camille' }, queue: 'Sales', media: 'Chat' };
const file = { id: 'f1', name: 'a.txt', type: 'text/plain', size: 3 };

describe('model: draft edits', () => {
  it('COMP-7, COMP-9: an edit moves the template’s fields and the styles along; emptying the box lets the template go', () => {
    const loaded = loadTemplate(ORDER, context);
    const draft = draftWithTemplate({ ...EMPTY_DRAFT, attachments: [file] }, loaded);
    expect(draft.text).to.equal('Order [Number] ships tomorrow.');
    expect(draft.attachments).to.deep.equal([file]);
    // "[Number]" (6..14) replaced by "A-12": the second field shifts left by four.
    const typed = editDraft(draft, 'Order A-12 ships tomorrow.', 10);
    expect(typed.template!.fields.map((f) => [f.start, f.end, f.value])).to.deep.equal([
      [6, 10, 'A-12'],
      [17, 25, 'tomorrow'],
    ]);
    const styled = styleDraft(typed, 17, 25, 'bold');
    expect(styled.spans).to.deep.equal([{ start: 17, end: 25, style: 'bold' }]);
    const prefixed = editDraft(styled, 'Hi! Order A-12 ships tomorrow.', 4);
    expect(prefixed.spans).to.deep.equal([{ start: 21, end: 29, style: 'bold' }]);
    expect(prefixed.template!.fields[1]!.start).to.equal(21);
    const emptied = editDraft(prefixed, '', 0);
    expect(emptied.template).to.equal(undefined);
    expect(emptied.attachments).to.deep.equal([file]);
  });

  it('COMP-6: a locked template refuses edits and styles; removing it takes its text, not the files', () => {
    const draft = draftWithTemplate({ ...EMPTY_DRAFT, attachments: [file] }, loadTemplate(GOODBYE, context));
    expect(draft.text).to.equal('Goodbye Alice.');
    expect(isDraftEditable(draft)).to.be.false;
    expect(isDraftEditAllowed(draft, 'Goodbye Alice!')).to.be.false;
    expect(isDraftEditAllowed(draft, 'Goodbye Alice.')).to.be.true;
    expect(isDraftEditable(EMPTY_DRAFT) && isDraftEditAllowed(EMPTY_DRAFT, 'anything')).to.be.true;
    const removed = draftWithoutTemplate(draft);
    expect(removed).to.deep.equal({ text: '', spans: [], attachments: [file] });
  });

  it('COMP-11: text goes in at the caret, replacing the selection, and the caret follows it', () => {
    const draft: Draft = { ...EMPTY_DRAFT, text: 'Thanks !' };
    expect(insertIntoDraft(draft, '😊', 7, 7)).to.deep.include({ caret: 9 });
    expect(insertIntoDraft(draft, '😊', 7, 7).draft.text).to.equal('Thanks 😊!');
    expect(insertIntoDraft(draft, 'you', 7, 8).draft.text).to.equal('Thanks you');
    // Offsets past the end (a stale selection) are clamped to it.
    expect(insertIntoDraft(draft, '!', 40, 50)).to.deep.include({ caret: 9 });
  });

  it('COMP-11: putting text in keeps the rest and every style inside the text (property)', () => {
    const styled = fc
      .record({ text: fc.string({ maxLength: 30 }), a: fc.nat(35), b: fc.nat(35), c: fc.nat(35), d: fc.nat(35), insert: fc.string({ maxLength: 5 }) })
      .map(({ text, a, b, c, d, insert }) => ({
        draft: styleDraft({ ...EMPTY_DRAFT, text }, Math.min(a, text.length), Math.min(b, text.length), 'italic'),
        start: c,
        end: d,
        insert,
      }));
    fc.assert(
      fc.property(styled, ({ draft, start, end, insert }) => {
        const { draft: after, caret } = insertIntoDraft(draft, insert, start, end);
        const from = Math.min(start, end, draft.text.length);
        const to = Math.min(Math.max(start, end), draft.text.length);
        return (
          after.text === draft.text.slice(0, from) + insert + draft.text.slice(to) &&
          caret === from + insert.length &&
          after.spans.every((s) => s.start >= 0 && s.end <= after.text.length && s.start < s.end)
        );
      }),
      { seed: 20261201, numRuns: 400 },
    );
  });
});

describe('model: the / search', () => {
  it('COMP-5: / typed in an empty box opens the search; the rest of the line is the query', () => {
    expect(slashQuery('/welc')).to.equal('welc');
    expect(slashQuery('/')).to.equal('');
    expect(slashQuery('/two\nlines')).to.equal(undefined);
    expect(slashQuery('hello /x')).to.equal(undefined);
    expect(opensSlashSearch('', '/')).to.be.true;
    expect(opensSlashSearch('', '/abc')).to.be.true; // a paste
    expect(opensSlashSearch('a', 'a/')).to.be.false;
    expect(opensSlashSearch('x', '/x')).to.be.false; // a slash typed in front of text
  });
});

describe('model: blank drafts', () => {
  const reply = { mode: 'reply', repliedId: 'm1', to: ['a@b.example'], cc: [], bcc: [], subject: 'Re: x', ccShown: false, bccShown: false, html: '' } as const;
  it('COMP-13: a draft with no text, file or template is blank; white space, a file or a template is kept', () => {
    expect(isBlankDraft(EMPTY_DRAFT)).to.be.true;
    expect(isBlankDraft({ ...EMPTY_DRAFT, text: ' ' })).to.be.false;
    expect(isBlankDraft({ ...EMPTY_DRAFT, attachments: [file] })).to.be.false;
    expect(isBlankDraft(draftWithTemplate(EMPTY_DRAFT, loadTemplate(ORDER, context)))).to.be.false;
  });
  it('MAIL-10: an email reply is kept with an empty body (the agent opened it; only Delete removes it)', () => {
    expect(isBlankDraft({ ...EMPTY_DRAFT, email: reply })).to.be.false;
    expect(isBlankDraft({ ...EMPTY_DRAFT, email: { ...reply, to: [], subject: '' } })).to.be.false;
    // Emptying the body leaves the reply open.
    expect(isBlankDraft(editDraft({ ...EMPTY_DRAFT, text: 'a', email: reply }, '', 0))).to.be.false;
  });
});
