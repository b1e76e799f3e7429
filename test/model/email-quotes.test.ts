import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { HTML_QUOTE_SELECTORS, splitQuotedText } from '../../src/model/email-quotes.js';

// MAIL-2: the quoted history is found the way real clients write it, and nothing is ever lost.
describe('email quoted history (MAIL-2)', () => {
  const cases: [string, string, string][] = [
    [
      'Gmail in English',
      'Thanks, that works.\n\nAna\n',
      'On Mon, 3 Jun 2024 at 10:02, Shop Support <support@shop.example> wrote:\n> Could you try again?\n>\n> Shop',
    ],
    [
      'Gmail, the "wrote:" line wrapped',
      'Yes please.\n',
      'On Mon, 3 Jun 2024 at 10:02, A Very Long Sender Name From Somewhere <support@shop.example>\nwrote:\n> Shall we?',
    ],
    ['Gmail in French', 'Merci beaucoup.\n', 'Le lun. 3 juin 2024 à 10:02, Service client <support@shop.example> a écrit :\n> Bonjour,'],
    [
      'Outlook desktop',
      'See attached.\n\n',
      '-----Original Message-----\nFrom: Shop Support <support@shop.example>\nSent: Monday, June 3, 2024 10:02 AM\nTo: Ana\nSubject: Your order',
    ],
    [
      'Office 365 (rule then header block)',
      'Done.\n',
      '________________________________\nFrom: Shop Support <support@shop.example>\nSent: 03 June 2024 10:02\nTo: Ana Lima <ana@example.com>\nSubject: RE: Your order',
    ],
    ['Outlook in French', 'Bien reçu.\n', 'De : Service client <support@shop.example>\nEnvoyé : lundi 3 juin 2024 10:02\nÀ : Ana\nObjet : Votre commande'],
    ['Apple Mail forward', 'FYI\n', 'Begin forwarded message:\n\nFrom: Bob <bob@example.org>\nSubject: Hello'],
    ['a trailing run of > lines', 'Agreed.\n\n', '> earlier text\n> more\n\n> and more'],
  ];
  for (const [client, body, quoted] of cases) {
    it(`folds ${client}`, () => {
      const split = splitQuotedText(body + quoted);
      expect(split.quoted).to.equal(quoted);
      expect(split.body).to.equal(body);
    });
  }

  it('leaves an email without history, and a quote with nothing before it, unfolded', () => {
    expect(splitQuotedText('Hello,\nfrom: the warehouse we sent it\nThanks')).to.deep.equal({
      body: 'Hello,\nfrom: the warehouse we sent it\nThanks',
      quoted: '',
    });
    const onlyQuote = '-----Original Message-----\nFrom: a@b.example\nSent: today\nTo: c@d.example';
    expect(splitQuotedText(onlyQuote)).to.deep.equal({ body: onlyQuote, quoted: '' });
    // A "> " line inside the text, followed by more writing, is not a history.
    expect(splitQuotedText('You said:\n> is it broken\nIt is not.').quoted).to.equal('');
  });

  it('never loses text: body and quoted put together give the email back (seeded property)', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('> quoted', 'On Tue, Ana <a@b.example> wrote:', '-----Original Message-----', 'From: x', 'Sent: y', 'To: z', '____________', ''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const text = lines.join('\n');
        const split = splitQuotedText(text);
        const rebuilt = split.quoted === '' ? split.body : split.body + split.quoted;
        expect(rebuilt).to.equal(text);
        if (split.quoted !== '') expect(split.body.trim()).not.to.equal('');
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  it('names the HTML marks of Gmail, Outlook, Apple Mail, Thunderbird and Yahoo as valid selectors', () => {
    for (const s of HTML_QUOTE_SELECTORS) expect(() => document.querySelector(s), s).not.to.throw();
    const doc = new DOMParser().parseFromString(
      '<p>New</p><div class="gmail_quote"><blockquote>old</blockquote></div>',
      'text/html',
    );
    expect(HTML_QUOTE_SELECTORS.map((s) => doc.querySelector(s)).find(Boolean)?.className).to.equal('gmail_quote');
  });
});
