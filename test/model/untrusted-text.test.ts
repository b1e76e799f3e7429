/**
 * HOSTILE-17: text from outside the kit as the kit shows it. Link hosts that could pass for others
 * show in ASCII, as browsers show them; bidirectional controls in names never reorder what is shown.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { deceptiveHost, shownLinkText } from '../../src/model/hosts.js';
import { isolated, shownText } from '../../src/model/text.js';
import { linkify } from '../../src/model/message-text.js';

const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const anyControl = /[\u202a-\u202e\u2066-\u2069]/u;

describe('HOSTILE-17: deceptive link hosts', () => {
  it('HOSTILE-17, PANE-2: https://аpple.com/login (a Cyrillic а) shows its host as the browser goes to it', () => {
    expect(linkify('Log in at https://аpple.com/login now')).to.deep.equal([
      { type: 'text', text: 'Log in at ' },
      { type: 'link', text: 'https://аpple.com/login', href: 'https://xn--pple-43d.com/login', shown: 'https://xn--pple-43d.com/login' },
      { type: 'text', text: ' now' },
    ]);
  });

  it('HOSTILE-17: mixed scripts and whole words of look-alikes are deceptive; one script, or CJK with Latin, is not', () => {
    const table: [string, boolean][] = [
      ['аpple.com', true],
      ['аррӏе.com', true],
      ['pаypal.fr', true],
      ['gοogle.com', true], // a Greek omicron
      ['paypal.com', false],
      ['café.fr', false],
      ['münchen.de', false],
      ['пример.рф', false],
      ['例え.jp', false],
      ['ドメイン名例.jp', false],
      ['한국.kr', false],
    ];
    expect(table.map(([host]) => [host, deceptiveHost(host)])).to.deep.equal(table);
  });

  it('HOSTILE-17: www. and mailto: links too; a host written in ASCII, or a legitimate one, shows as written', () => {
    expect(shownLinkText('www.аpple.com/id', 'https://www.xn--pple-43d.com/id')).to.equal('www.xn--pple-43d.com/id');
    expect(shownLinkText('mailto:help@аpple.com', 'mailto:help@%D0%B0pple.com')).to.equal('mailto:help@xn--pple-43d.com');
    expect(shownLinkText('https://xn--pple-43d.com/login', 'https://xn--pple-43d.com/login')).to.equal('https://xn--pple-43d.com/login');
    expect(shownLinkText('https://café.fr:8443/menu', 'https://xn--caf-dma.fr:8443/menu')).to.equal('https://café.fr:8443/menu');
    expect(linkify('https://café.fr/menu')).to.deep.equal([{ type: 'link', text: 'https://café.fr/menu', href: 'https://xn--caf-dma.fr/menu' }]);
  });

  it('HOSTILE-17: joining the segments still gives back the input, whatever the hosts (seeded)', () => {
    const letters = fc.constantFrom('a', 'p', 'l', 'e', 'а', 'р', 'е', 'ο', 'é', '例', '.', '/', '-');
    const host = fc.array(letters, { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(host, fc.constantFrom('https://', 'http://', 'www.', 'mailto:x@'), (h, scheme) => {
        const input = `see ${scheme}${h}.com/x ok`;
        expect(linkify(input).map((s) => s.text).join('')).to.equal(input);
        for (const s of linkify(input)) {
          if (s.type === 'link' && s.shown !== undefined) expect(new URL(s.href).href).to.equal(s.href);
        }
      }),
      { seed: 17, numRuns: 1000 },
    );
  });
});

describe('HOSTILE-17: bidirectional controls in names', () => {
  const withControls = fc
    .array(fc.oneof(fc.constantFrom(...CONTROLS), fc.constantFrom('a', 'b', '.', 'exe', 'jpg', ' ', 'ع', 'ש', '1')), { maxLength: 16 })
    .map((parts) => parts.join(''));

  it('HOSTILE-17: "photo\\u202Egpj.exe" shows as photogpj.exe; marks and right-to-left letters stay', () => {
    expect(shownText('photo\u202egpj.exe')).to.equal('photogpj.exe');
    expect(shownText('\u202bعمر\u202c \u200fOK')).to.equal('عمر \u200fOK');
    expect(isolated('Alice Martin')).to.equal('Alice Martin');
    expect(isolated('عمر\u202e')).to.equal('\u2068عمر\u2069');
  });

  it('HOSTILE-17: whatever controls a name holds, what is shown holds none but one isolate around right-to-left text (seeded)', () => {
    fc.assert(
      fc.property(withControls, (name) => {
        expect(anyControl.test(shownText(name))).to.equal(false);
        const inSentence = isolated(name);
        const inner = inSentence.startsWith('\u2068') ? inSentence.slice(1, -1) : inSentence;
        if (inner !== inSentence) expect(inSentence.endsWith('\u2069')).to.equal(true);
        expect(anyControl.test(inner)).to.equal(false);
        expect(inner).to.equal(shownText(name));
      }),
      { seed: 1717, numRuns: 2000 },
    );
  });
});
