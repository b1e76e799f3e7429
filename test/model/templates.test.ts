import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { pickText } from '../../src/model/text.js';
import {
  ALL_TEMPLATES,
  adjacentField,
  appliesTo,
  applyEdit,
  canSend,
  filterTemplates,
  foldText,
  isEditAllowed,
  isFieldFilled,
  loadTemplate,
  moveFields,
  parseTemplate,
  replaceNeedsConfirmation,
  systemValue,
  templateGroups,
  textChange,
  unfilledFields,
  type LoadedTemplate,
  type Template,
  type TemplateContext,
  type TemplateGroup,
} from '../../src/model/templates.js';

const context: TemplateContext = {
  customer: { name: 'Ana', accountNumber: '42', empty: '' },
  agent: { name: 'Léa' },
  queue: 'Sales',
  media: 'WhatsApp',
};

function template(body: string, over: Partial<Template> = {}): Template {
  return { id: 't1', name: 'T', group: 'g1', locked: false, body, ...over };
}

const load = (body: string, over: Partial<Template> = {}) => loadTemplate(template(body, over), context);

describe('model: template syntax', () => {
  it('COMP-7/COMP-8: parseTemplate splits text, system parameters and fields', () => {
    const table: [string, unknown][] = [
      ['', []],
      ['Hello', [{ kind: 'text', text: 'Hello' }]],
      ['Hi {{customer.name}}!', [
        { kind: 'text', text: 'Hi ' },
        { kind: 'system', name: 'customer.name', source: '{{customer.name}}' },
        { kind: 'text', text: '!' },
      ]],
      ['{{ queue }}', [{ kind: 'system', name: 'queue', source: '{{ queue }}' }]],
      ['[[Order]]', [{ kind: 'field', label: 'Order' }]],
      ['[[ Day | tomorrow]]', [{ kind: 'field', label: 'Day', default: ' tomorrow' }]],
      ['[[Day|]]', [{ kind: 'field', label: 'Day', default: '' }]],
      ['[[A|b|c]]', [{ kind: 'field', label: 'A', default: 'b|c' }]],
      ['a\\{{b}} \\[[c]]', [{ kind: 'text', text: 'a{{b}} [[c]]' }]],
      ['C:\\dir \\n', [{ kind: 'text', text: 'C:\\dir \\n' }]],
      ['}} and ]] alone', [{ kind: 'text', text: '}} and ]] alone' }]],
      ['{ {x} } [x]', [{ kind: 'text', text: '{ {x} } [x]' }]],
    ];
    for (const [body, segments] of table) {
      expect(parseTemplate(body), body).to.deep.equal({ ok: true, value: segments });
    }
  });

  it('COMP-7/COMP-8: malformed bodies are reported with the index of the opener, never thrown', () => {
    const table: [string, number, RegExp][] = [
      ['Hi {{customer.name', 3, /"\{\{" is not closed/],
      ['Hi [[Order', 3, /"\[\[" is not closed/],
      ['ok {{a}} then [[b', 14, /not closed/],
      ['{{}}', 0, /no name/],
      ['{{  }}', 0, /no name/],
      ['[[]]', 0, /no label/],
      ['[[|x]]', 0, /no label/],
      ['{{a {{b}}', 0, /contains "\{\{"/],
      ['[[a {{b]]', 0, /contains "\{\{"/],
    ];
    for (const [body, index, error] of table) {
      const parsed = parseTemplate(body);
      expect(parsed.ok, body).to.equal(false);
      if (parsed.ok) continue;
      expect(parsed.index, body).to.equal(index);
      expect(parsed.error, body).to.match(error);
    }
  });
});

describe('model: loading a template', () => {
  it('COMP-8: systemValue knows the customer variables, the agent name, the queue and the media', () => {
    const table: [string, string | undefined][] = [
      ['customer.name', 'Ana'],
      ['customer.accountNumber', '42'],
      ['customer.empty', ''],
      ['customer.missing', undefined],
      ['customer.toString', undefined],
      ['agent.name', 'Léa'],
      ['queue', 'Sales'],
      ['media', 'WhatsApp'],
      ['agent.email', undefined],
      ['weather', undefined],
    ];
    expect(table.map(([name]) => [name, systemValue(name, context)])).to.deep.equal(table);
  });

  it('COMP-8: system parameters are substituted when the template loads', () => {
    const loaded = load('Hi {{customer.name}} ({{customer.accountNumber}}), {{agent.name}} from {{queue}} on {{media}}.');
    expect(loaded).to.deep.equal({
      templateId: 't1',
      locked: false,
      text: 'Hi Ana (42), Léa from Sales on WhatsApp.',
      fields: [],
      unknown: [],
    });
  });

  it('COMP-8: unknown system parameters stay visible as written and are reported once each', () => {
    const loaded = load('{{ weather }} {{customer.vip}} {{weather}} {{queue}}');
    expect(loaded.text).to.equal('{{ weather }} {{customer.vip}} {{weather}} Sales');
    expect(loaded.unknown).to.deep.equal(['weather', 'customer.vip']);
  });

  it('COMP-7: replaceable fields become ranges holding their default or their placeholder', () => {
    const loaded = load('Order [[Number]] ships [[Day|tomorrow]], {{customer.name}}[[Sign|]]');
    expect(loaded.text).to.equal('Order [Number] ships tomorrow, Ana');
    expect(loaded.fields).to.deep.equal([
      { label: 'Number', start: 6, end: 14, value: '[Number]', placeholder: '[Number]' },
      { label: 'Day', start: 21, end: 29, value: 'tomorrow', placeholder: '[Day]' },
      { label: 'Sign', start: 34, end: 34, value: '', placeholder: '[Sign]' },
    ]);
    for (const f of loaded.fields) expect(loaded.text.slice(f.start, f.end)).to.equal(f.value);
  });

  it('COMP-5: a malformed body loads verbatim, with no fields, and says what is wrong', () => {
    const loaded = load('Hi {{customer.name [[X]]', { locked: true });
    expect(loaded).to.deep.equal({
      templateId: 't1',
      locked: true,
      text: 'Hi {{customer.name [[X]]',
      fields: [],
      unknown: [],
      error: { error: '"{{" is not closed by "}}"', index: 3 },
    });
  });
});

describe('model: replaceable fields', () => {
  it('COMP-7: a field is filled once it holds something other than blanks or its placeholder', () => {
    const field = { label: 'X', start: 0, end: 0, placeholder: '[X]' };
    const table: [string, boolean][] = [['', false], ['  ', false], ['[X]', false], ['a', true], ['[X] ', true], ['0', true]];
    expect(table.map(([value]) => [value, isFieldFilled({ ...field, value })])).to.deep.equal(table);
  });

  it('COMP-7: Send is blocked while a field is unfilled; defaults count as filled', () => {
    const table: [string, string[], boolean][] = [
      ['No fields', [], true],
      ['[[A]] and [[B|b]]', ['A'], false],
      ['[[A|a]] and [[B|b]]', [], true],
      ['[[A|]]', ['A'], false],
    ];
    for (const [body, unfilled, send] of table) {
      const loaded = load(body);
      expect(unfilledFields(loaded).map((f) => f.label), body).to.deep.equal(unfilled);
      expect(canSend(loaded), body).to.equal(send);
    }
  });

  it('COMP-7: typing over a selected field fills it and unblocks Send', () => {
    let loaded = load('Order [[Number]] ships.');
    expect(canSend(loaded)).to.equal(false);
    loaded = applyEdit(loaded, 'Order 1 ships.');
    loaded = applyEdit(loaded, 'Order 12 ships.');
    expect(loaded.fields).to.deep.equal([{ label: 'Number', start: 6, end: 8, value: '12', placeholder: '[Number]' }]);
    expect(canSend(loaded)).to.equal(true);
    loaded = applyEdit(loaded, 'Order  ships.');
    expect(loaded.fields[0]).to.include({ start: 6, end: 6, value: '' });
    expect(canSend(loaded)).to.equal(false);
  });

  it('COMP-7: textChange finds the one contiguous change', () => {
    const table: [string, string, { start: number; end: number; inserted: string }][] = [
      ['abc', 'abc', { start: 3, end: 3, inserted: '' }],
      ['abc', 'abXc', { start: 2, end: 2, inserted: 'X' }],
      ['abc', 'ac', { start: 1, end: 2, inserted: '' }],
      ['abc', 'aXYc', { start: 1, end: 2, inserted: 'XY' }],
      ['', 'new', { start: 0, end: 0, inserted: 'new' }],
      ['aa', 'aaa', { start: 2, end: 2, inserted: 'a' }],
    ];
    for (const [a, b, change] of table) expect(textChange(a, b), `${a} → ${b}`).to.deep.equal(change);
  });

  it('COMP-7: the caret after the edit places a change the texts leave open', () => {
    // "a" typed at the start of "aa": the texts alone say it was typed at the end.
    expect(textChange('aa', 'aaa', 1)).to.deep.equal({ start: 0, end: 0, inserted: 'a' });
    // "h" typed after "Oh" in "Ohello": at 2 by the texts, at 1 by the caret.
    expect(textChange('Ohello', 'Ohhello', 2)).to.deep.equal({ start: 1, end: 1, inserted: 'h' });
    // Backspace on the first "l" of "hello" leaves the caret at 2.
    expect(textChange('hello', 'helo', 2)).to.deep.equal({ start: 2, end: 3, inserted: '' });
    // A caret that contradicts nothing changes nothing.
    expect(textChange('abc', 'abXc', 3)).to.deep.equal({ start: 2, end: 2, inserted: 'X' });
    // Typing at the end of a field, before the same letter: the field gets it.
    const loaded = load('[[A|a]]a');
    expect(applyEdit(loaded, 'aaa', 2).fields[0]).to.include({ start: 0, end: 2, value: 'aa' });
    expect(applyEdit(loaded, 'aaa').fields[0]).to.include({ start: 0, end: 1, value: 'a' });
  });

  it('COMP-7: field ranges follow edits before, inside, at the edges of, across and around them', () => {
    // "ab[X]cd[Y]ef": X = [2,5), Y = [7,10).
    const loaded = load('ab[[X]]cd[[Y]]ef');
    expect(loaded.text).to.equal('ab[X]cd[Y]ef');
    const table: [string, string, [number, number][]][] = [
      ['insert before both', 'zab[X]cd[Y]ef', [[3, 6], [8, 11]]],
      ['insert between', 'ab[X]cZd[Y]ef', [[2, 5], [8, 11]]],
      ['insert after both', 'ab[X]cd[Y]efZ', [[2, 5], [7, 10]]],
      ['replace X exactly', 'ab1cd[Y]ef', [[2, 3], [5, 8]]],
      ['insert at the end of X', 'ab[X]Zcd[Y]ef', [[2, 6], [8, 11]]],
      ['delete inside Y', 'ab[X]cd[]ef', [[2, 5], [7, 9]]],
      ['edit from before into X', 'aZX]cd[Y]ef', [[2, 4], [6, 9]]],
      ['edit from inside X past it', 'ab[Zd[Y]ef', [[2, 4], [5, 8]]],
      ['delete around X', 'aZd[Y]ef', [[3, 6]]],
      ['replace everything', 'hello', []],
    ];
    for (const [what, text, ranges] of table) {
      const fields = moveFields(loaded.fields, loaded.text, text);
      expect(fields.map((f) => [f.start, f.end]), what).to.deep.equal(ranges);
      for (const f of fields) expect(f.value, what).to.equal(text.slice(f.start, f.end));
    }
  });

  it('COMP-7: when two fields touch, an edit at the seam goes to the first', () => {
    const loaded = load('[[A|]][[B|b]]');
    expect(loaded.fields.map((f) => [f.start, f.end])).to.deep.equal([[0, 0], [0, 1]]);
    const edited = applyEdit(loaded, 'xb');
    expect(edited.fields.map((f) => [f.label, f.value])).to.deep.equal([['A', 'x'], ['B', 'b']]);
  });

  it('COMP-7: Tab and Shift+Tab move between fields, and out of the box after the last', () => {
    // "[A] and [B] and [C]": A = [0,3), B = [8,11), C = [16,19).
    const loaded = load('[[A]] and [[B]] and [[C]]');
    const label = (f: { label: string } | null) => f?.label ?? null;
    const table: [number, number, boolean, string | null][] = [
      [0, 0, false, 'A'],
      [0, 3, false, 'B'],
      [5, 5, false, 'B'],
      [8, 11, false, 'C'],
      [16, 19, false, null],
      [19, 19, false, null],
      [16, 19, true, 'B'],
      [8, 11, true, 'A'],
      [0, 3, true, null],
      [19, 19, true, 'C'],
    ];
    for (const [start, end, backwards, expected] of table) {
      expect(label(adjacentField(loaded, { start, end }, backwards)), `${start}-${end} ${backwards}`).to.equal(expected);
    }
    expect(adjacentField(load('no fields'), { start: 0, end: 0 })).to.equal(null);
  });

  it('COMP-7: Tab and Shift+Tab move between touching fields, an empty one included', () => {
    // "a" then an empty field: A = [0,1), B = [1,1).
    const loaded = load('[[A|a]][[B|]]');
    const table: [number, number, boolean, string | null][] = [
      [0, 1, false, 'B'],
      [1, 1, false, null],
      [1, 1, true, 'A'],
      [0, 1, true, null],
    ];
    for (const [start, end, backwards, expected] of table) {
      expect(adjacentField(loaded, { start, end }, backwards)?.label ?? null, `${start}-${end} ${backwards}`).to.equal(expected);
    }
  });
});

describe('model: locked templates', () => {
  it('COMP-6: a locked template refuses any change of its text; an unlocked one allows it', () => {
    const locked = load('Hi {{customer.name}}', { locked: true });
    const open = load('Hi {{customer.name}}');
    const table: [LoadedTemplate, string, boolean][] = [
      [locked, 'Hi Ana', true],
      [locked, 'Hi Ana!', false],
      [locked, '', false],
      [open, 'Hi Ana!', true],
      [open, '', true],
    ];
    expect(table.map(([l, text]) => isEditAllowed(l, text))).to.deep.equal(table.map(([, , ok]) => ok));
  });

  it('COMP-6: applyEdit on a locked template changes nothing (the same object)', () => {
    const locked = load('Order [[Number]]', { locked: true });
    expect(applyEdit(locked, 'Order 12')).to.equal(locked);
    const open = load('Order [[Number]]');
    expect(applyEdit(open, open.text)).to.equal(open);
    expect(applyEdit(open, 'Order 12').text).to.equal('Order 12');
  });
});

describe('model: template picker', () => {
  const groups: TemplateGroup[] = [
    { id: 'greet', name: { en: 'Greetings', fr: 'Salutations' } },
    { id: 'ship', name: 'Shipping' },
    { id: 'mail', name: 'Email only' },
    { id: 'empty', name: 'Empty' },
  ];
  const templates: Template[] = [
    template('Hello', { id: 'hello', name: { en: 'Hello again', fr: 'Déjà vu' }, group: 'greet' }),
    template('Bye', { id: 'bye', name: 'Goodbye', group: 'greet', media: ['chat', 'sms'] }),
    template('Late', { id: 'late', name: 'Délai de LIVRAISON', group: 'ship', media: ['social', 'email'] }),
    template('Sig', { id: 'sig', name: 'Signature', group: 'mail', media: ['email'] }),
  ];
  const ids = (list: readonly { id: string }[]) => list.map((t) => t.id);

  it('COMP-5: foldText ignores case and accents', () => {
    const table: [string, string][] = [['Déjà', 'deja'], ['ÉLÈVE', 'eleve'], ['Ça', 'ca'], ['naïve', 'naive'], ['abc', 'abc']];
    expect(table.map(([a]) => [a, foldText(a)])).to.deep.equal(table);
  });

  it('COMP-5: a template applies to the media it names, or to all when it names none', () => {
    expect(appliesTo(templates[0]!, 'email')).to.equal(true);
    expect(appliesTo(templates[1]!, 'sms')).to.equal(true);
    expect(appliesTo(templates[1]!, 'email')).to.equal(false);
  });

  it('COMP-5: the All templates tab, the group filter, the media filter and the name search', () => {
    const table: [string, Parameters<typeof filterTemplates>[1], string[]][] = [
      ['all (default tab)', { locale: 'en' }, ['hello', 'bye', 'late', 'sig']],
      ['all (explicit tab)', { group: ALL_TEMPLATES, locale: 'en' }, ['hello', 'bye', 'late', 'sig']],
      ['group', { group: 'greet', locale: 'en' }, ['hello', 'bye']],
      ['unknown group', { group: 'nope', locale: 'en' }, []],
      ['media sms', { media: 'sms', locale: 'en' }, ['hello', 'bye']],
      ['media email', { media: 'email', locale: 'en' }, ['hello', 'late', 'sig']],
      ['group and media', { group: 'greet', media: 'email', locale: 'en' }, ['hello']],
      ['query, case-insensitive', { query: 'GOOD', locale: 'en' }, ['bye']],
      ['query without accents finds accents', { query: 'deja', locale: 'fr' }, ['hello']],
      ['query with accents finds accents', { query: 'DÉJÀ', locale: 'fr-CA' }, ['hello']],
      ['query searches the locale name', { query: 'deja', locale: 'en' }, []],
      ['query mid-word', { query: 'livr', locale: 'en' }, ['late']],
      ['blank query', { query: '   ', locale: 'en' }, ['hello', 'bye', 'late', 'sig']],
      ['query, group and media', { query: 'a', group: 'greet', media: 'sms', locale: 'en' }, ['hello']],
    ];
    for (const [what, filter, expected] of table) expect(ids(filterTemplates(templates, filter)), what).to.deep.equal(expected);
  });

  it('COMP-5: templateGroups lists groups that have templates, first ones as tabs, the full list behind More', () => {
    const table: [Parameters<typeof templateGroups>[2], string[], string[]][] = [
      [{ max: 2 }, ['greet', 'ship'], ['greet', 'ship', 'mail']],
      [{ max: 3 }, ['greet', 'ship', 'mail'], []],
      [{ max: 10 }, ['greet', 'ship', 'mail'], []],
      [{ max: 0 }, [], ['greet', 'ship', 'mail']],
      [{ max: 1, media: 'sms' }, ['greet'], []],
      [{ max: 1, media: 'email' }, ['greet'], ['greet', 'ship', 'mail']],
    ];
    for (const [options, tabs, more] of table) {
      const result = templateGroups(groups, templates, options);
      expect([ids(result.tabs), ids(result.more)], JSON.stringify(options)).to.deep.equal([tabs, more]);
    }
  });

  it('HOSTILE-16: search keys folded once per catalogue and locale list what folding every name would', () => {
    // The reference: every name folded on every call, as the filter did before its keys were kept.
    const reference = (list: readonly Template[], filter: Parameters<typeof filterTemplates>[1]) => {
      const query = foldText(filter.query?.trim() ?? '');
      return list.filter(
        (t) =>
          (filter.group === undefined || filter.group === ALL_TEMPLATES || t.group === filter.group) &&
          (filter.media === undefined || appliesTo(t, filter.media)) &&
          foldText(pickText(t.name, filter.locale)).includes(query),
      );
    };
    const letters = fc.constantFrom('a', 'e', 'é', 'E', 'É', 'ç', 'C', ' ', 'ï', 'o', 'Œ', '1');
    const word = fc.array(letters, { maxLength: 8 }).map((xs) => xs.join(''));
    const catalogue = fc.array(
      fc.record({
        name: fc.oneof(word, fc.record({ en: word, fr: word })),
        group: fc.constantFrom('g1', 'g2', 'g3'),
        media: fc.option(fc.subarray(['chat', 'sms', 'email'] as const, { minLength: 1 }), { nil: undefined }),
      }),
      { maxLength: 40 },
    );
    const filter = fc.record({
      query: word,
      group: fc.constantFrom(undefined, ALL_TEMPLATES, 'g1', 'g2'),
      media: fc.constantFrom(undefined, 'chat', 'sms', 'email'),
      locale: fc.constantFrom('en', 'fr', 'fr-CA'),
    });
    fc.assert(
      fc.property(catalogue, fc.array(filter, { minLength: 1, maxLength: 6 }), (entries, filters) => {
        const list = entries.map((e, i) => template(`Body ${i}`, { id: `t${i}`, name: e.name, group: e.group, ...(e.media ? { media: e.media } : {}) }));
        // Several searches over one catalogue, in several locales: the kept keys serve each of them.
        for (const f of filters) {
          const options = { query: f.query, locale: f.locale, ...(f.group ? { group: f.group } : {}), ...(f.media ? { media: f.media } : {}) };
          expect(ids(filterTemplates(list, options))).to.deep.equal(ids(reference(list, options)));
        }
      }),
      { seed: 16, numRuns: 400 },
    );
  });

  it('HOSTILE-16: a new catalogue gets keys of its own; the groups with templates come from one pass', () => {
    const first = [template('A', { id: 'a', name: 'Alpha', group: 'greet' })];
    expect(ids(filterTemplates(first, { query: 'alp', locale: 'en' }))).to.deep.equal(['a']);
    const second = [template('A', { id: 'b', name: 'Beta', group: 'ship' })];
    expect(ids(filterTemplates(second, { query: 'alp', locale: 'en' }))).to.deep.equal([]);
    expect(ids(filterTemplates(second, { query: 'bet', locale: 'en' }))).to.deep.equal(['b']);
    expect(ids(templateGroups(groups, second, { max: 3 }).tabs)).to.deep.equal(['ship']);
  });

  it('MAIL-9: replacing the body asks first only when the body has text', () => {
    const table: [string, boolean][] = [['', false], [' \n ', false], ['Hi', true]];
    expect(table.map(([body]) => [body, replaceNeedsConfirmation(body)])).to.deep.equal(table);
  });
});
