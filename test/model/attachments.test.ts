import { expect } from '@open-wc/testing';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  checkAttachments,
  findCardNumber,
  formatBytes,
  isAcceptedType,
  isReadableText,
  luhnValid,
  pciCheck,
  type AttachmentFile,
  type AttachmentLimits,
} from '../../src/model/attachments.js';

const MB = 1024 * 1024;
const file = (name: string, size: number, type = ''): AttachmentFile => ({ name, size, type });

describe('model: attachment limits', () => {
  const limits: AttachmentLimits = { maxBytes: 2 * MB, maxCount: 3, accept: ['image/*', '.pdf'] };

  it('COMP-4/MAIL-8: each rejected file gets one reason, table', () => {
    const existing = [file('a.pdf', 1000, 'application/pdf')];
    const table: [string, AttachmentFile, string | undefined][] = [
      ['an image', file('photo.jpg', MB, 'image/jpeg'), undefined],
      ['a pdf by extension, type unknown', file('Invoice.PDF', 10, ''), undefined],
      ['empty', file('blank.pdf', 0, 'application/pdf'), 'empty'],
      ['duplicate of an attached file', file('a.pdf', 1000, 'application/pdf'), 'duplicate'],
      ['forbidden type', file('run.exe', 10, 'application/x-msdownload'), 'forbidden-type'],
      ['too large', file('big.png', 2 * MB + 1, 'image/png'), 'too-large'],
      ['exactly the limit', file('edge.png', 2 * MB, 'image/png'), undefined],
    ];
    for (const [name, f, reason] of table) {
      const result = checkAttachments(existing, [f], limits);
      expect(result.rejected.map((r) => r.reason)[0], name).to.equal(reason);
      expect(result.accepted.length, name).to.equal(reason ? 0 : 1);
    }
  });

  it('COMP-4: files are taken in order until the count is full; rejected ones take no place', () => {
    const existing = [file('a.pdf', 1, 'application/pdf')];
    const added = [
      file('b.exe', 1, 'application/octet-stream'),
      file('c.png', 1, 'image/png'),
      file('c.png', 1, 'image/png'),
      file('d.png', 1, 'image/png'),
      file('e.png', 1, 'image/png'),
    ];
    const result = checkAttachments(existing, added, limits);
    expect(result.accepted.map((f) => f.name)).to.deep.equal(['c.png', 'd.png']);
    expect(result.rejected.map((r) => [r.file.name, r.reason])).to.deep.equal([
      ['b.exe', 'forbidden-type'],
      ['c.png', 'duplicate'],
      ['e.png', 'too-many'],
    ]);
    expect(result.attachments.map((f) => f.name)).to.deep.equal(['a.pdf', 'c.png', 'd.png']);
  });

  it('COMP-4: nothing already attached is lost, even over stricter limits', () => {
    const existing = [file('huge.zip', 50 * MB, 'application/zip'), file('x.pdf', 5, ''), file('y.pdf', 5, ''), file('z.pdf', 5, '')];
    const result = checkAttachments(existing, [file('w.pdf', 5, '')], limits);
    expect(result.attachments).to.deep.equal(existing);
    expect(result.rejected.map((r) => r.reason)).to.deep.equal(['too-many']);
  });

  it('COMP-4: the objects given are returned as they are (a File stays a File)', () => {
    const f = new File(['hello'], 'note.txt', { type: 'text/plain' });
    const result = checkAttachments<File>([], [f]);
    expect(result.accepted[0]).to.equal(f);
  });

  it('MAIL-8: accept matches MIME types, families and extensions; an empty list accepts all', () => {
    expect(isAcceptedType(file('a.PNG', 1, ''), ['.png'])).to.be.true;
    expect(isAcceptedType(file('a', 1, 'IMAGE/PNG'), ['image/*'])).to.be.true;
    expect(isAcceptedType(file('a', 1, 'application/pdf'), ['application/pdf'])).to.be.true;
    expect(isAcceptedType(file('a', 1, ''), ['image/*'])).to.be.false;
    expect(isAcceptedType(file('a.pdf.exe', 1, ''), ['.pdf'])).to.be.false;
    expect(isAcceptedType(file('anything.bin', 1, ''), [])).to.be.true;
  });

  it('COMP-4/MAIL-8: defaults are 10 MB, 5 files, office, PDF, text and raster images, no SVG', () => {
    expect(DEFAULT_ATTACHMENT_LIMITS.maxBytes).to.equal(10 * MB);
    expect(DEFAULT_ATTACHMENT_LIMITS.maxCount).to.equal(5);
    const ok = ['report.docx', 'sheet.xlsx', 'slides.pptx', 'scan.pdf', 'photo.jpg', 'notes.txt'];
    for (const name of ok) expect(isAcceptedType(file(name, 1), DEFAULT_ATTACHMENT_LIMITS.accept), name).to.be.true;
    expect(isAcceptedType(file('logo.svg', 1, 'image/svg+xml'), DEFAULT_ATTACHMENT_LIMITS.accept)).to.be.false;
    expect(isAcceptedType(file('setup.exe', 1, 'application/x-msdownload'), DEFAULT_ATTACHMENT_LIMITS.accept)).to.be.false;
  });

  it('COMP-4: formatBytes in English and French, table', () => {
    const table: [number, string, string][] = [
      [0, 'en', '0 B'],
      [512, 'en', '512 B'],
      [1536, 'en', '1.5 KB'],
      [1.5 * MB, 'en', '1.5 MB'],
      [1.5 * MB, 'fr', '1,5 Mo'],
      [10 * MB, 'fr-CA', '10 Mo'],
      [3 * 1024 * MB, 'en-GB', '3 GB'],
      [2.25 * MB, 'en', '2.3 MB'],
      [900, 'fr', '900 o'],
    ];
    const actual = table.map(([bytes, locale]) => [bytes, locale, formatBytes(bytes, locale).replace(/\u00a0/g, ' ')]);
    expect(actual).to.deep.equal(table);
    expect(formatBytes(1536, 'en')).to.equal('1.5\u00a0KB');
  });
});

describe('model: PCI rule', () => {
  it('MAIL-8: Luhn check', () => {
    expect(luhnValid('4111111111111111')).to.be.true;
    expect(luhnValid('4111111111111112')).to.be.false;
    expect(luhnValid('378282246310005')).to.be.true;
    expect(luhnValid('')).to.be.false;
  });

  it('MAIL-8: card numbers are found with spaces or dashes, 13 to 19 digits, table', () => {
    const table: [string, string | undefined][] = [
      ['card 4111111111111111 thanks', '4111111111111111'],
      ['4111 1111 1111 1111', '4111111111111111'],
      ['4111-1111-1111-1111', '4111111111111111'],
      ['amex 3782 822463 10005', '378282246310005'],
      ['visa 13: 4222222222222', '4222222222222'],
      ['ref 12 4111 1111 1111 1111 exp 12/27', '4111111111111111'],
      ['4111 1111 1111 1112', undefined], // fails Luhn
      ['0000 0000 0000 0000', undefined], // one digit repeated
      ['411111111111', undefined], // 12 digits
      ['order 20261124101530123456789', undefined], // a long reference is not cut up
      ['call +33 6 12 34 56 78 on 2026-11-24', undefined],
      ['', undefined],
    ];
    expect(table.map(([text]) => [text, findCardNumber(text)])).to.deep.equal(table);
  });

  it('MAIL-8: pciCheck names the reason, for a file name or its text content', () => {
    expect(pciCheck({ name: 'card_4111111111111111.txt' })).to.deep.equal({ reason: 'card-number-in-name', last4: '1111' });
    expect(pciCheck({ name: 'notes.txt', text: 'Customer card: 5555 5555 5555 4444, exp 09/28' })).to.deep.equal({
      reason: 'card-number-in-content',
      last4: '4444',
    });
    expect(pciCheck({ name: 'notes.txt', text: 'Order 12345, nothing sensitive' })).to.be.undefined;
    expect(pciCheck({ name: 'scan.pdf' })).to.be.undefined;
  });

  it('MAIL-8: the content check applies to outbound files the kit can read as text', () => {
    expect(isReadableText(file('a.txt', 1, 'text/plain'))).to.be.true;
    expect(isReadableText(file('a.csv', 1, ''))).to.be.true;
    expect(isReadableText(file('a.pdf', 1, 'application/pdf'))).to.be.false;
    expect(isReadableText(file('a.png', 1, 'image/png'))).to.be.false;
  });
});
