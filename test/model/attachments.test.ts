import { expect } from '@open-wc/testing';
import fc from 'fast-check';
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
import {
  SNIFF_BYTES,
  attachmentType,
  checkContent,
  formatOfName,
  formatOfType,
  inspectFile,
  sniffContent,
  type ContentFormat,
} from '../../src/model/content.js';

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

const enc = (text: string) => new TextEncoder().encode(text);
const cat = (...parts: (Uint8Array | readonly number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** A start of file for each format the kit recognises by its first bytes. */
const SIGNATURES: Readonly<Record<Exclude<ContentFormat, 'text' | 'unknown'>, readonly Uint8Array[]>> = {
  pdf: [enc('%PDF-1.7\n'), cat([0xef, 0xbb, 0xbf], enc('%PDF-1.4'))],
  png: [cat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], enc('IHDR'))],
  jpeg: [cat([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], enc('JFIF'))],
  gif: [enc('GIF89a'), enc('GIF87a')],
  webp: [cat(enc('RIFF'), [0x24, 0, 0, 0], enc('WEBPVP8 '))],
  zip: [cat([0x50, 0x4b, 3, 4, 20, 0, 6, 0], enc('[Content_Types].xml')), cat([0x50, 0x4b, 3, 4], enc('mimetypeapplication/vnd.oasis.opendocument.text'))],
  ole: [cat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  rtf: [enc('{\\rtf1\\ansi')],
  html: [enc('<!DOCTYPE html><html>'), enc('  <html lang="en">'), enc('\n<script>alert(1)</script>'), enc('<!-- x --><p>'), enc('<BODY onload=x>')],
  xml: [enc('<?xml version="1.0"?><note/>')],
  svg: [enc('<svg xmlns="http://www.w3.org/2000/svg"/>'), enc('<?xml version="1.0"?>\n<svg onload="x">')],
  executable: [enc('MZ\x90\x00'), cat([0x7f], enc('ELF')), cat([0xcf, 0xfa, 0xed, 0xfe]), enc('#!/bin/sh\n')],
};
const NAMES: Readonly<Record<string, ContentFormat>> = {
  'report.pdf': 'pdf', 'photo.png': 'png', 'photo.JPG': 'jpeg', 'anim.gif': 'gif', 'pic.webp': 'webp', 'letter.docx': 'zip',
  'sheet.xlsx': 'zip', 'old.doc': 'ole', 'note.rtf': 'rtf', 'page.html': 'html', 'data.xml': 'xml', 'logo.svg': 'svg',
  'setup.exe': 'executable', 'notes.txt': 'text', 'list.csv': 'text',
};
const TYPES: Readonly<Record<string, ContentFormat | undefined>> = {
  'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/gif': 'gif', 'image/webp': 'webp',
  'application/zip': 'zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'zip',
  'application/msword': 'ole', 'application/rtf': 'rtf', 'text/html': 'html', 'text/xml': 'xml', 'image/svg+xml': 'svg',
  'application/x-msdownload': 'executable', 'text/plain': 'text', 'text/csv': 'text', '': undefined,
  'application/octet-stream': undefined, 'video/mp4': undefined,
};

describe('model: what a file is (HOSTILE-20)', () => {
  it('HOSTILE-20: the first bytes name the format: signatures, markup, text and the rest, table', () => {
    for (const [format, starts] of Object.entries(SIGNATURES)) {
      for (const start of starts) expect(sniffContent(start), `${format}: ${new TextDecoder().decode(start)}`).to.equal(format);
    }
    expect(sniffContent(enc('Hello, this is a note.\nSecond line'))).to.equal('text');
    expect(sniffContent(enc('name,amount\nAlice,12'))).to.equal('text');
    expect(sniffContent(enc('<ahref is not a tag'))).to.equal('text');
    expect(sniffContent(new Uint8Array([0, 1, 2, 3, 250]))).to.equal('unknown');
    expect(sniffContent(new Uint8Array(0))).to.equal('text');
    // A PDF header after a little junk, as readers accept; but not past the bytes read.
    expect(sniffContent(cat(enc('junk\n'), enc('%PDF-1.5')))).to.equal('pdf');
    expect(sniffContent(cat(new Uint8Array(SNIFF_BYTES).fill(0x20), enc('%PDF-1.5')))).to.equal('text');
  });

  it('HOSTILE-20: report.pdf declared text/html is refused, whatever it holds; a real PDF passes and goes as PDF', () => {
    const html = enc('<!doctype html><script>location="https://evil.example"</script>');
    expect(checkContent({ name: 'report.pdf', type: 'text/html' })).to.deep.equal({ reason: 'type-mismatch', claimed: 'pdf', found: 'html' });
    expect(checkContent({ name: 'report.pdf', type: 'text/html' }, SIGNATURES.pdf[0])).to.deep.include({ reason: 'type-mismatch' });
    expect(checkContent({ name: 'report.pdf', type: 'application/pdf' }, html)).to.deep.equal({ reason: 'content-mismatch', claimed: 'pdf', found: 'html' });
    expect(checkContent({ name: 'report.pdf', type: '' }, html)).to.deep.include({ reason: 'content-mismatch' });
    expect(checkContent({ name: 'report.pdf', type: 'application/pdf' }, SIGNATURES.pdf[0])).to.equal(undefined);
    const limits = DEFAULT_ATTACHMENT_LIMITS;
    const result = checkAttachments([], [
      { name: 'report.pdf', size: 100, type: 'text/html', head: SIGNATURES.pdf[0] },
      { name: 'invoice.pdf', size: 100, type: 'application/pdf', head: html },
      { name: 'photo.png', size: 100, type: 'image/png', head: SIGNATURES.executable[0] },
      { name: 'scan.pdf', size: 100, type: 'application/pdf', head: SIGNATURES.pdf[0] },
      { name: 'gone.pdf', size: 100, type: 'application/pdf', head: null },
    ], limits, inspectFile);
    expect(result.rejected.map((r) => [r.file.name, r.reason, r.claimed, r.found])).to.deep.equal([
      ['report.pdf', 'type-mismatch', 'pdf', 'html'],
      ['invoice.pdf', 'content-mismatch', 'pdf', 'html'],
      ['photo.png', 'content-mismatch', 'png', 'executable'],
      ['gone.pdf', 'unreadable', undefined, undefined],
    ]);
    expect(result.accepted.map((f) => [f.name, attachmentType(f)])).to.deep.equal([['scan.pdf', 'application/pdf']]);
  });

  it('HOSTILE-20: what systems really give passes: no type, octet-stream, a .csv that Windows calls Excel, an encrypted .docx', () => {
    const table: [string, string, Uint8Array, string][] = [
      ['letter.docx', '', SIGNATURES.zip[0]!, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['letter.docx', 'application/octet-stream', SIGNATURES.ole[0]!, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['list.csv', 'application/vnd.ms-excel', enc('a,b\n1,2'), 'text/csv'],
      ['old.doc', 'application/msword', SIGNATURES.rtf[0]!, 'application/msword'],
      ['notes.txt', 'text/plain', enc('<html> is how a page starts'), 'text/plain'],
      ['scan', '', SIGNATURES.png[0]!, 'image/png'],
      ['clip.mp4', 'video/mp4', new Uint8Array([0, 0, 0, 0x18]), 'video/mp4'],
    ];
    for (const [name, type, head, sent] of table) {
      const file = { name, size: head.length, type, head };
      expect(checkContent(file, head), name).to.equal(undefined);
      expect(attachmentType(file), name).to.equal(sent);
    }
  });

  it('HOSTILE-20 (property, seeded): never throws, reads at most SNIFF_BYTES, and a signature is recognised whatever follows it', () => {
    const format = fc.constantFrom(...(Object.keys(SIGNATURES) as (keyof typeof SIGNATURES)[]));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const found = sniffContent(bytes);
        expect(found).to.equal(sniffContent(bytes.subarray(0, SNIFF_BYTES)));
      }),
      { seed: 2020, numRuns: 500 },
    );
    fc.assert(
      fc.property(format, fc.nat(), fc.uint8Array({ maxLength: 600 }), (f, pick, tail) => {
        const starts = SIGNATURES[f];
        const start = starts[pick % starts.length]!;
        const found = sniffContent(cat(start, tail));
        // Markup is told apart by what follows its start (an SVG inside XML), the rest by the start alone.
        if (f === 'xml') expect(found).to.be.oneOf(['xml', 'svg']);
        else expect(found).to.equal(f);
      }),
      { seed: 2021, numRuns: 1000 },
    );
  });

  it('HOSTILE-20 (property, seeded): a file is accepted only when its name, its type and its content agree, and goes as its name says', () => {
    const names = Object.keys(NAMES);
    const types = Object.keys(TYPES);
    const heads = fc.oneof(
      fc.constantFrom(...Object.values(SIGNATURES).flat()).chain((start) => fc.uint8Array({ maxLength: 64 }).map((tail) => cat(start, tail))),
      fc.string({ maxLength: 80 }).map(enc),
      fc.uint8Array({ maxLength: 80 }),
    );
    const file = fc.record({ name: fc.constantFrom(...names), type: fc.constantFrom(...types), head: heads, size: fc.integer({ min: 1, max: 2000 }) });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 12 }), (files) => {
        const limits = { maxBytes: 1000, maxCount: 4, accept: [] };
        const result = checkAttachments([], files, limits, inspectFile);
        expect(result.accepted.length + result.rejected.length).to.equal(files.length);
        for (const f of result.accepted) {
          const named = formatOfName(f.name)!;
          const typed = formatOfType(f.type);
          // The name and the type say the same format (a vague type says none).
          if (typed && !(f.name.endsWith('.csv') && f.type === 'application/vnd.ms-excel')) expect(typed, `${f.name} ${f.type}`).to.equal(named);
          // What the content is, when the kit recognises it, is what the name says (or may hold).
          const found = sniffContent(f.head!);
          if (found !== 'text' && found !== 'unknown') expect(checkContent({ name: f.name, type: '' }, f.head!), `${f.name} holding ${found}`).to.equal(undefined);
          // Sent as its name's format.
          expect(formatOfType(attachmentType(f)), f.name).to.equal(named);
        }
        for (const r of result.rejected) {
          if (r.reason === 'type-mismatch') expect(formatOfType(r.file.type)).to.not.equal(formatOfName(r.file.name));
          if (r.reason === 'content-mismatch') expect(sniffContent(r.file.head!)).to.equal(r.found);
        }
      }),
      { seed: 20, numRuns: 1000 },
    );
  });
});
