import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  applyStyle,
  fromChannelMarkup,
  messageLength,
  moveSpans,
  selectionStyle,
  textRuns,
  overLimit,
  sendBlock,
  smsSegments,
  styleAt,
  toChannelMarkup,
  type MarkupFlavour,
  type SmsSegments,
  type StyleSpan,
} from '../../src/model/compose.js';
import { applyEdit, loadTemplate } from '../../src/model/templates.js';

describe('model: message length', () => {
  it('COMP-3: length counts code points; a grapheme counts as its code points', () => {
    const table: [string, number][] = [
      ['', 0],
      ['hello', 5],
      ['café', 4],
      ['😀', 1], // one code point, two UTF-16 units
      ['🇫🇷', 2], // two regional indicators
      ['👍🏽', 2], // thumb plus skin tone
      ['👨‍👩‍👧', 5], // three people joined by two ZWJ
      ['a\nb', 3],
    ];
    expect(table.map(([text]) => [text, messageLength(text)])).to.deep.equal(table);
  });

  it('COMP-3: overLimit says by how much a message is over, 0 when within', () => {
    expect(overLimit('x'.repeat(1000), 1000)).to.equal(0);
    expect(overLimit('x'.repeat(1003), 1000)).to.equal(3);
    expect(overLimit('', 1000)).to.equal(0);
    expect(overLimit('😀😀😀', 2)).to.equal(1);
  });
});

describe('model: SMS segments', () => {
  const seg = (encoding: 'gsm-7' | 'ucs-2', segments: number, perSegment: number, remainingInSegment: number): SmsSegments => ({
    encoding,
    segments,
    perSegment,
    remainingInSegment,
  });

  it('COMP-3: GSM-7 and UCS-2 segments, table', () => {
    const table: [string, string, SmsSegments][] = [
      ['empty', '', seg('gsm-7', 0, 160, 160)],
      ['plain text', 'Hello, your order has shipped.', seg('gsm-7', 1, 160, 130)],
      ['GSM accents and symbols', 'Ça coûte 5€? ¿Sí! @£$¥', seg('ucs-2', 1, 70, 48)], // û and í are not GSM-7
      ['GSM basic accents', 'Réglé à 5 £ — non', seg('ucs-2', 1, 70, 53)], // the dash is not GSM-7
      ['GSM-only accents', 'Réglé à 5 £ ÄÖÑÜ', seg('gsm-7', 1, 160, 144)],
      ['160 characters', 'a'.repeat(160), seg('gsm-7', 1, 160, 0)],
      ['161 characters', 'a'.repeat(161), seg('gsm-7', 2, 153, 145)],
      ['306 characters', 'a'.repeat(306), seg('gsm-7', 2, 153, 0)],
      ['307 characters', 'a'.repeat(307), seg('gsm-7', 3, 153, 152)],
      ['extension characters count double', '{[~]}^|\\€', seg('gsm-7', 1, 160, 142)],
      ['80 euros fill one segment', '€'.repeat(80), seg('gsm-7', 1, 160, 0)],
      ['an escape pair is not split', 'a'.repeat(152) + '€' + 'a'.repeat(10), seg('gsm-7', 2, 153, 141)],
      ['an emoji switches to UCS-2', 'Thanks 😀', seg('ucs-2', 1, 70, 61)],
      ['70 UCS-2 units', 'é'.repeat(60) + 'ж'.repeat(10), seg('ucs-2', 1, 70, 0)],
      ['71 UCS-2 units', 'ж'.repeat(71), seg('ucs-2', 2, 67, 63)],
      ['a surrogate pair is not split', 'ж'.repeat(66) + '😀' + 'ж'.repeat(5), seg('ucs-2', 2, 67, 60)],
    ];
    for (const [name, text, expected] of table) {
      expect(smsSegments(text), name).to.deep.equal(expected);
    }
  });
});

describe('model: social formatting', () => {
  const b = (start: number, end: number): StyleSpan => ({ start, end, style: 'bold' });
  const i = (start: number, end: number): StyleSpan => ({ start, end, style: 'italic' });
  const s = (start: number, end: number): StyleSpan => ({ start, end, style: 'strike' });

  it('COMP-9: applyStyle, one style per selection, table', () => {
    const table: [string, StyleSpan[], [number, number, StyleSpan['style']], StyleSpan[]][] = [
      ['styles plain text', [], [2, 5, 'bold'], [b(2, 5)]],
      ['an empty selection changes nothing', [b(0, 3)], [4, 4, 'italic'], [b(0, 3)]],
      ['a reversed selection works', [], [5, 2, 'italic'], [i(2, 5)]],
      ['a new style replaces the old', [b(0, 10)], [0, 10, 'italic'], [i(0, 10)]],
      ['replacing the middle splits the span', [b(0, 10)], [3, 6, 'strike'], [b(0, 3), s(3, 6), b(6, 10)]],
      ['replacing across two spans', [b(0, 4), i(4, 8)], [2, 6, 'strike'], [b(0, 2), s(2, 6), i(6, 8)]],
      ['the same style again removes it', [b(0, 10)], [0, 10, 'bold'], []],
      ['removing from the middle of a span', [b(0, 10)], [3, 6, 'bold'], [b(0, 3), b(6, 10)]],
      ['partly styled: the style spreads', [b(0, 4)], [2, 8, 'bold'], [b(0, 8)]],
      ['touching spans of a style merge', [b(0, 3)], [3, 6, 'bold'], [b(0, 6)]],
      ['other spans are kept', [i(0, 2), s(8, 10)], [3, 5, 'bold'], [i(0, 2), b(3, 5), s(8, 10)]],
    ];
    for (const [name, spans, [start, end, style], expected] of table) {
      expect(applyStyle(spans, start, end, style), name).to.deep.equal(expected);
    }
  });

  it('COMP-9: applyStyle does not change the list it is given; styleAt reads the style', () => {
    const spans = [b(0, 10)];
    const next = applyStyle(spans, 3, 6, 'italic');
    expect(spans).to.deep.equal([b(0, 10)]);
    expect([styleAt(next, 0), styleAt(next, 3), styleAt(next, 6), styleAt(next, 10)]).to.deep.equal([
      'bold',
      'italic',
      'bold',
      undefined,
    ]);
  });

  it('COMP-9: toChannelMarkup per flavour, table', () => {
    const text = 'Hello dear customer';
    const spans = [b(0, 5), i(6, 10), s(11, 19)];
    const table: [MarkupFlavour, string][] = [
      ['whatsapp', '*Hello* _dear_ ~customer~'],
      ['markdown', '**Hello** *dear* ~~customer~~'],
      ['messenger', text],
      ['plain', text],
    ];
    expect(table.map(([flavour]) => [flavour, toChannelMarkup(text, spans, flavour)])).to.deep.equal(table);
  });

  it('COMP-9: markers touch non-space characters; lines are marked one by one', () => {
    const table: [string, string, StyleSpan[], string, string][] = [
      ['whitespace at the edges moves out', 'say  hello  now', [b(3, 12)], 'say  *hello*  now', 'say  **hello**  now'],
      ['a span of spaces only is dropped', 'a   b', [b(1, 4)], 'a   b', 'a   b'],
      ['a span over a line break', 'one\ntwo', [i(0, 7)], '_one_\n_two_', '*one*\n*two*'],
      ['a trailing newline stays outside', 'hi\n', [b(0, 3)], '*hi*\n', '**hi**\n'],
      ['adjacent spans of two styles', 'ab', [b(0, 1), s(1, 2)], '*a*~b~', '**a**~~b~~'],
      ['spans beyond the text are clamped', 'abc', [b(1, 99)], 'a*bc*', 'a**bc**'],
      ['no spans', 'plain', [], 'plain', 'plain'],
    ];
    for (const [name, text, spans, whatsapp, markdown] of table) {
      expect(toChannelMarkup(text, spans, 'whatsapp'), `${name} (whatsapp)`).to.equal(whatsapp);
      expect(toChannelMarkup(text, spans, 'markdown'), `${name} (markdown)`).to.equal(markdown);
    }
  });

  it('COMP-9: marker characters already in the text are escaped for Markdown, sent as typed to WhatsApp', () => {
    const text = '2*3 = 6 and snake_case ~x~';
    expect(toChannelMarkup(text, [], 'whatsapp')).to.equal(text);
    expect(toChannelMarkup(text, [], 'markdown')).to.equal('2\\*3 = 6 and snake\\_case \\~x\\~');
    expect(toChannelMarkup('a*b', [b(0, 3)], 'markdown')).to.equal('**a\\*b**');
    expect(toChannelMarkup('a*b', [b(0, 3)], 'whatsapp')).to.equal('*a*b*');
    expect(toChannelMarkup('C:\\temp', [], 'markdown')).to.equal('C:\\\\temp');
  });
});

describe('model: styles through edits and runs', () => {
  const span = (start: number, end: number, style: StyleSpan['style'] = 'bold'): StyleSpan => ({ start, end, style });

  it('COMP-9: moveSpans keeps styles on their characters through typing, deleting and pasting', () => {
    // "say hello now", "hello" bold at [4, 9).
    const text = 'say hello now';
    const table: [string, string, StyleSpan[]][] = [
      ['typing before the span moves it', 'I say hello now', [span(6, 11)]],
      ['typing where the span starts does not style the new text', 'say Xhello now', [span(5, 10)]],
      ['typing inside the span styles the new text', 'say helXlo now', [span(4, 10)]],
      ['typing at the end of the span goes on in its style', 'say helloX now', [span(4, 10)]],
      ['typing after the span leaves it', 'say hello nowX', [span(4, 9)]],
      ['deleting inside the span shrinks it', 'say hlo now', [span(4, 7)]],
      ['deleting the whole span drops it', 'say  now', []],
      ['deleting across its start keeps the rest', 'sallo now', [span(2, 5)]],
      ['deleting across its end keeps the rest', 'say helw', [span(4, 7)]],
      ['replacing across its start: the new text is not styled', 'saXXllo now', [span(4, 7)]],
      ['unchanged text keeps the spans', text, [span(4, 9)]],
    ];
    for (const [name, next, expected] of table) {
      expect(moveSpans([span(4, 9)], text, next), name).to.deep.equal(expected);
    }
  });

  it('COMP-9: moveSpans places typing by the caret where the texts leave it open', () => {
    // "Oh" typed before an italic "hello": the "h" could be read as typed inside the span.
    const italic = [span(2, 7, 'italic')];
    expect(moveSpans(italic, 'O hello', 'Oh hello', 2)).to.deep.equal([span(3, 8, 'italic')]);
    expect(moveSpans([span(1, 6, 'italic')], 'Ohello', 'Ohhello', 2)).to.deep.equal([span(2, 7, 'italic')]);
    expect(moveSpans([span(1, 6, 'italic')], 'Ohello', 'Ohhello')).to.deep.equal([span(1, 7, 'italic')]);
  });

  it('COMP-9: moveSpans keeps two styles apart and merges nothing across styles', () => {
    const spans = [span(0, 2, 'bold'), span(2, 4, 'italic')];
    expect(moveSpans(spans, 'abcd', 'abXcd')).to.deep.equal([span(0, 3, 'bold'), span(3, 5, 'italic')]);
    expect(moveSpans(spans, 'abcd', 'ad')).to.deep.equal([span(0, 1, 'bold'), span(1, 2, 'italic')]);
  });

  it('COMP-9: selectionStyle is the style over the whole selection, or before the caret', () => {
    const spans = [span(0, 3, 'bold'), span(3, 6, 'italic')];
    expect(selectionStyle(spans, 0, 3)).to.equal('bold');
    expect(selectionStyle(spans, 1, 2)).to.equal('bold');
    expect(selectionStyle(spans, 2, 4)).to.equal(undefined);
    expect(selectionStyle(spans, 3, 3)).to.equal('bold');
    expect(selectionStyle(spans, 4, 4)).to.equal('italic');
    expect(selectionStyle(spans, 0, 0)).to.equal(undefined);
    expect(selectionStyle(spans, 6, 3)).to.equal('italic');
  });

  it('COMP-7, COMP-9: textRuns cuts the text where styles and fields start and end', () => {
    expect(textRuns(0, [])).to.deep.equal([]);
    expect(textRuns(5, [])).to.deep.equal([{ start: 0, end: 5 }]);
    expect(textRuns(10, [span(2, 6)], [{ start: 4, end: 8 }])).to.deep.equal([
      { start: 0, end: 2 },
      { start: 2, end: 4, style: 'bold' },
      { start: 4, end: 6, style: 'bold', field: 0 },
      { start: 6, end: 8, field: 0 },
      { start: 8, end: 10 },
    ]);
    // An emptied field still has its place.
    expect(textRuns(4, [], [{ start: 2, end: 2 }])).to.deep.equal([
      { start: 0, end: 2 },
      { start: 2, end: 2, field: 0 },
      { start: 2, end: 4 },
    ]);
  });
});

describe('model: when a message can be sent', () => {
  const template = loadTemplate(
    { id: 't', name: 'T', group: 'g', locked: false, body: 'Order [[Number]] leaves [[Day|tomorrow]].' },
    { customer: {}, agent: { name: 'Alex' }, queue: 'Q', media: 'Chat' },
  );

  it('COMP-1: a message needs text or a file', () => {
    expect(sendBlock('', 0, 10)).to.equal('empty');
    expect(sendBlock('  \n ', 0, 10)).to.equal('empty');
    expect(sendBlock('', 1, 10)).to.equal(undefined);
    expect(sendBlock('Hi', 0, 10)).to.equal(undefined);
  });

  it('COMP-3: over the limit it is blocked; at the limit it is not (emoji count once)', () => {
    expect(sendBlock('😀'.repeat(10), 0, 10)).to.equal(undefined);
    expect(sendBlock('😀'.repeat(11), 0, 10)).to.equal('over-limit');
  });

  it('COMP-7: a loaded template waits until every field is filled', () => {
    expect(sendBlock(template.text, 0, 1000, template)).to.equal('unfilled-fields');
    const filled = applyEdit(template, template.text.replace('[Number]', '42'));
    expect(sendBlock(filled.text, 0, 1000, filled)).to.equal(undefined);
  });
});

describe('model: reading channel markup back', () => {
  it('COMP-9: WhatsApp markers become styles, and round-trip with toChannelMarkup', () => {
    const read = fromChannelMarkup('Your order leaves on *Friday*, _maybe_ ~Monday~.', 'whatsapp');
    expect(read.text).to.equal('Your order leaves on Friday, maybe Monday.');
    expect(read.spans).to.deep.equal([
      { start: 21, end: 27, style: 'bold' },
      { start: 29, end: 34, style: 'italic' },
      { start: 35, end: 41, style: 'strike' },
    ]);
    expect(toChannelMarkup(read.text, read.spans, 'whatsapp')).to.equal('Your order leaves on *Friday*, _maybe_ ~Monday~.');
  });

  it('COMP-9: what is not a well-formed pair stays as typed', () => {
    for (const text of ['2 * 3 * 4', 'snake_case_name', '* not bold*', '*not\nbold*', 'a*b*c', '**', 'price ~5 € ~']) {
      expect(fromChannelMarkup(text, 'whatsapp'), text).to.deep.equal({ text, spans: [] });
    }
  });

  it('COMP-9: Markdown reads **bold**, *italic* and ~~strike~~; plain and Messenger text is left alone', () => {
    expect(fromChannelMarkup('**Now** or *later* ~~never~~', 'markdown')).to.deep.equal({
      text: 'Now or later never',
      spans: [
        { start: 0, end: 3, style: 'bold' },
        { start: 7, end: 12, style: 'italic' },
        { start: 13, end: 18, style: 'strike' },
      ],
    });
    expect(fromChannelMarkup('*as typed*', 'plain')).to.deep.equal({ text: '*as typed*', spans: [] });
  });
});

describe('model: Markdown escapes read back (HOSTILE-32)', () => {
  // HOSTILE-32: the agent's own Markdown bubbles showed the escapes the channel needs (`file\_name_v2`).
  const b = (start: number, end: number): StyleSpan => ({ start, end, style: 'bold' });
  const specials = fc.constantFrom('\\', '*', '_', '~', '`', '.', '!', '(', ')', '[', ']', '#', ' ', 'a', 'é', '\n');
  const anyText = fc.array(fc.oneof(specials, fc.string({ maxLength: 3 })), { maxLength: 20 }).map((parts) => parts.join(''));

  it('HOSTILE-32, COMP-9: text the agent typed comes back exactly as typed, with no style, whatever it holds (seeded)', () => {
    expect(fromChannelMarkup(toChannelMarkup('file_name_v2.txt', [], 'markdown'), 'markdown')).to.deep.equal({ text: 'file_name_v2.txt', spans: [] });
    expect(fromChannelMarkup('C:\\\\temp\\_1 \\*not italic\\*', 'markdown')).to.deep.equal({ text: 'C:\\temp_1 *not italic*', spans: [] });
    fc.assert(
      fc.property(anyText, (typed) => {
        expect(fromChannelMarkup(toChannelMarkup(typed, [], 'markdown'), 'markdown')).to.deep.equal({ text: typed, spans: [] });
      }),
      { seed: 32, numRuns: 2000 },
    );
  });

  it('HOSTILE-32, COMP-9: a styled word between spaces comes back with its style, escapes read inside it too (seeded)', () => {
    expect(fromChannelMarkup(toChannelMarkup('see my_file now', [b(4, 11)], 'markdown'), 'markdown')).to.deep.equal({
      text: 'see my_file now',
      spans: [b(4, 11)],
    });
    const word = fc
      .array(fc.constantFrom('\\', '*', '_', '~', '`', '.', 'a', 'z', '1', 'é'), { minLength: 1, maxLength: 8 })
      .map((cs) => cs.join(''));
    const style = fc.constantFrom<'bold' | 'italic' | 'strike'>('bold', 'italic', 'strike');
    fc.assert(
      fc.property(anyText, word, style, anyText, (before, styled, how, after) => {
        const head = before ? `${before} ` : '';
        const tail = after ? ` ${after}` : '';
        const typed = head + styled + tail;
        const span = { start: head.length, end: head.length + styled.length, style: how };
        const read = fromChannelMarkup(toChannelMarkup(typed, [span], 'markdown'), 'markdown');
        expect(read.text).to.equal(typed);
        expect(read.spans).to.deep.include(span);
      }),
      { seed: 3232, numRuns: 2000 },
    );
  });
});
