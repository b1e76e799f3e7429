import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import fc from 'fast-check';
import { linkHost, loadEmailSanitiser, sanitiseEmail } from '../../src/elements/internal/email-sanitise.js';

/** A list of XSS vectors from the shared corpora beside the repository (shared/corpora/xss). */
async function corpus(name: string): Promise<{ payload: string }[]> {
  const raw = await readFile({ path: `../../../shared/corpora/xss/${name}` });
  expect(raw, `shared/corpora/xss/${name} beside the repository`).to.be.a('string');
  return JSON.parse(raw!) as { payload: string }[];
}

const DANGEROUS_URL = /^\s*(?:javascript|vbscript|data:text\/html|data:image\/svg)/i;
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'srcset'];

/** What is wrong with sanitised HTML, parsed inertly: scripts, handlers, forms, script URLs, remote fetches. */
function problems(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const found: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    if (['script', 'form', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'input', 'button'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (URL_ATTRS.includes(attr.name.toLowerCase()) && DANGEROUS_URL.test(attr.value)) found.push(`${tag}[${attr.name}=${attr.value.slice(0, 30)}]`);
      if (['src', 'background', 'poster'].includes(attr.name) && /^\s*(?:https?:)?\/\//i.test(attr.value)) found.push(`remote ${tag}[${attr.name}]`);
    }
    if (tag === 'style' && /@import|url\(\s*['"]?\s*(?:https?:)?\/\//i.test(el.textContent ?? '')) found.push('remote CSS in <style>');
    const style = el.getAttribute('style') ?? '';
    if (/url\(\s*['"]?\s*(?:https?:)?\/\//i.test(style)) found.push(`remote CSS in ${tag}[style]`);
  }
  return found;
}

// MAIL-3: the first wall of the email frame. What comes out of the sanitiser has no script, no handler,
// no form, no script URL and, until the agent loads images, nothing that fetches from elsewhere.
describe('email sanitiser (MAIL-3)', () => {
  before(() => loadEmailSanitiser());

  it('leaves nothing executable or fetching in any of the 372 corpus payloads (DOMPurify fixtures and html5sec)', async () => {
    const payloads = [...(await corpus('dompurify-fixtures.json')), ...(await corpus('h5sc-vectors.json'))];
    expect(payloads.length).to.equal(372);
    const failures: string[] = [];
    for (const [i, { payload }] of payloads.entries()) {
      const found = problems(sanitiseEmail(payload, { loadImages: false }).html);
      if (found.length > 0) failures.push(`#${i}: ${found.join(', ')}`);
    }
    expect(failures).to.deep.equal([]);
  });

  it('keeps the email’s own layout: tables, inline styles and style sheets, without @import', () => {
    const { html } = sanitiseEmail(
      '<style>@import url(https://evil.example/x.css); td { color: #036; }</style><table style="width:100%"><tr><td bgcolor="#eee">Order 12</td></tr></table>',
      { loadImages: false },
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('td')?.textContent).to.equal('Order 12');
    expect(doc.querySelector('table')?.getAttribute('style')).to.equal('width:100%');
    expect(doc.querySelector('style')?.textContent).to.contain('td { color: #036; }');
    expect(doc.querySelector('style')?.textContent).not.to.contain('@import');
  });

  it('holds remote images and CSS url() back until the agent loads them, and counts them', () => {
    const email = '<p style="background:url(https://t.example/bg.png)">Hi</p><img src="https://t.example/pixel.gif" width="1"><img src="data:image/png;base64,iVBORw0KGgo=">';
    const blocked = sanitiseEmail(email, { loadImages: false });
    expect(blocked.blocked).to.equal(2);
    expect(problems(blocked.html)).to.deep.equal([]);
    const doc = new DOMParser().parseFromString(blocked.html, 'text/html');
    expect(doc.querySelectorAll('img')[0]!.getAttribute('data-dc-blocked-src')).to.equal('https://t.example/pixel.gif');
    expect(doc.querySelectorAll('img')[1]!.getAttribute('src')).to.match(/^data:image\/png/);
    const loaded = sanitiseEmail(email, { loadImages: true });
    expect(loaded.blocked).to.equal(0);
    expect(loaded.html).to.contain('src="https://t.example/pixel.gif"');
    expect(loaded.html).to.contain('url(https://t.example/bg.png)');
  });

  it('resolves cid: images from the email’s attachments and drops unknown ones', () => {
    const { html } = sanitiseEmail('<img src="cid:Logo@shop"><img src="cid:missing">', {
      loadImages: false,
      inline: new Map([['logo@shop', 'blob:http://localhost/abc']]),
    });
    const imgs = new DOMParser().parseFromString(html, 'text/html').querySelectorAll('img');
    expect(imgs[0]!.getAttribute('src')).to.equal('blob:http://localhost/abc');
    expect(imgs[1]!.hasAttribute('src')).to.equal(false);
  });

  it('opens links in a new tab without opener or referrer, titled with their real (punycode) host', () => {
    const { html } = sanitiseEmail('<a href="https://exаmple.com/login">example.com</a><a href="javascript:alert(1)">x</a><a href="mailto:ana@example.com">mail</a>', { loadImages: false });
    const links = new DOMParser().parseFromString(html, 'text/html').querySelectorAll('a');
    expect(links[0]!.getAttribute('target')).to.equal('_blank');
    expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[0]!.getAttribute('title')).to.equal('xn--exmple-4nf.com');
    expect(links[1]!.hasAttribute('href')).to.equal(false);
    expect(links[2]!.getAttribute('title')).to.equal('ana@example.com');
    expect(linkHost('not a url')).to.equal('');
  });

  it('never yields a script, a handler or a fetch from random HTML (seeded property)', () => {
    const tag = fc.constantFrom('div', 'img', 'a', 'svg', 'math', 'style', 'script', 'form', 'table', 'td', 'iframe', 'object', 'p', 'xmp', 'noscript', 'template');
    const attr = fc.constantFrom('onerror=alert(1)', 'onload="x()"', 'src=https://t.example/a', 'href=javascript:alert(1)', 'style="background:url(//t.example/b)"', 'srcset="https://t.example/c 2x"', 'action=/x', 'formaction=javascript:1', 'xlink:href=javascript:1', 'class=a', '');
    const text = fc.constantFrom('x', '<!--', '-->', '<![CDATA[', ']]>', '"', "'", '>', '</', '&lt;', '@import url(//t.example/d);');
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 })).map(
          ([t, attrs, kids]) => `<${t} ${attrs.join(' ')}>${kids.join('')}</${t}>`,
        ),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (parts) => {
        expect(problems(sanitiseEmail(parts.join(''), { loadImages: false }).html)).to.deep.equal([]);
      }),
      { seed: 1202, numRuns: 300 },
    );
  });
});
