import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  forwardSubject,
  outsideDomains,
  parseAddresses,
  replySubject,
  startReply,
  switchReply,
  type RepliedEmail,
  type ReplyFields,
  type ReplyMode,
} from '../../src/model/reply-mode.js';

const SELF = ['support@shop.example'];
const EMAIL: RepliedEmail = {
  from: 'Lea@Customer.example',
  to: ['support@shop.example', 'paul@customer.example'],
  cc: ['accounts@customer.example', 'SUPPORT@shop.example', 'lea@customer.example'],
  subject: 'Order 1042 late',
};

const fieldsOf = (f: ReplyFields) => ({ to: f.to, cc: f.cc, subject: f.subject, toEditable: f.toEditable, ccShown: f.ccShown });

describe('model: the email reply’s modes', () => {
  it('MAIL-5: Reply, Reply all and Forward start with their fields', () => {
    expect(fieldsOf(startReply('reply', EMAIL, SELF))).to.deep.equal({
      to: ['Lea@Customer.example'],
      cc: [],
      subject: 'Re: Order 1042 late',
      toEditable: false,
      ccShown: false,
    });
    // Reply all: the other recipients in Cc, never the agent's own address nor the sender again.
    expect(fieldsOf(startReply('reply-all', EMAIL, SELF))).to.deep.equal({
      to: ['Lea@Customer.example'],
      cc: ['paul@customer.example', 'accounts@customer.example'],
      subject: 'Re: Order 1042 late',
      toEditable: false,
      ccShown: true,
    });
    expect(fieldsOf(startReply('forward', EMAIL, SELF))).to.deep.equal({
      to: [],
      cc: [],
      subject: 'Fwd: Order 1042 late',
      toEditable: true,
      ccShown: false,
    });
  });

  it('MAIL-6: Reply → Reply all fills To and Cc', () => {
    const next = switchReply(startReply('reply', EMAIL, SELF), 'reply-all', EMAIL, SELF);
    expect([next.to, next.cc]).to.deep.equal([['Lea@Customer.example'], ['paul@customer.example', 'accounts@customer.example']]);
  });

  it('MAIL-6: Reply → Forward clears To and Cc', () => {
    const next = switchReply(startReply('reply', EMAIL, SELF), 'forward', EMAIL, SELF);
    expect([next.to, next.cc, next.toEditable, next.subject]).to.deep.equal([[], [], true, 'Fwd: Order 1042 late']);
  });

  it('MAIL-6: Reply all → Forward clears To and Cc', () => {
    const next = switchReply(startReply('reply-all', EMAIL, SELF), 'forward', EMAIL, SELF);
    expect([next.to, next.cc, next.toEditable]).to.deep.equal([[], [], true]);
  });

  it('MAIL-6: Reply all → Reply fills To and clears Cc', () => {
    const next = switchReply(startReply('reply-all', EMAIL, SELF), 'reply', EMAIL, SELF);
    expect([next.to, next.cc, next.ccShown]).to.deep.equal([['Lea@Customer.example'], [], false]);
  });

  it('MAIL-6: Forward → Reply fills To; a Cc the agent typed stays', () => {
    const forward = { ...startReply('forward', EMAIL, SELF), to: ['boss@shop.example'], cc: ['team@shop.example'] };
    const next = switchReply(forward, 'reply', EMAIL, SELF);
    expect([next.to, next.cc, next.ccShown, next.toEditable, next.subject]).to.deep.equal([
      ['Lea@Customer.example'],
      ['team@shop.example'],
      true,
      false,
      'Re: Order 1042 late',
    ]);
    // With nothing typed in Cc, it stays hidden.
    expect(switchReply(startReply('forward', EMAIL, SELF), 'reply', EMAIL, SELF).ccShown).to.equal(false);
  });

  it('MAIL-6: Forward → Reply all fills To and Cc', () => {
    const forward = { ...startReply('forward', EMAIL, SELF), to: ['boss@shop.example'], cc: ['team@shop.example'] };
    const next = switchReply(forward, 'reply-all', EMAIL, SELF);
    expect([next.to, next.cc]).to.deep.equal([['Lea@Customer.example'], ['paul@customer.example', 'accounts@customer.example']]);
  });

  it('MAIL-6: any sequence of switches ends where starting in the last mode would (Forward → Reply keeps a typed Cc)', () => {
    const address = fc.constantFrom('a@x.example', 'B@x.example', 'b@x.example', 'me@shop.example', 'c@y.example');
    const email = fc.record({
      from: address,
      to: fc.array(address, { maxLength: 4 }),
      cc: fc.array(address, { maxLength: 4 }),
      subject: fc.constantFrom('Hello', 'Re: Hello', 'RE:Hello', 'Fwd: Hello', 'TR: Bonjour', ''),
    });
    const mode = fc.constantFrom<ReplyMode>('reply', 'reply-all', 'forward');
    fc.assert(
      fc.property(email, mode, fc.array(mode, { minLength: 1, maxLength: 8 }), (e, first, switches) => {
        const self = ['me@shop.example'];
        let fields = startReply(first, e, self);
        for (const m of switches) fields = switchReply(fields, m, e, self);
        const last = switches.at(-1)!;
        const fresh = startReply(last, e, self);
        expect(fields.mode).to.equal(last);
        expect([fields.to, fields.subject, fields.toEditable]).to.deep.equal([fresh.to, fresh.subject, fresh.toEditable]);
        if (last !== 'reply') expect(fields.cc).to.deep.equal(fresh.cc);
        // Never the agent's own address, never an address twice (case ignored).
        for (const list of [fields.to, fields.cc]) {
          const keys = list.map((a) => a.toLowerCase());
          expect(keys).to.not.include('me@shop.example');
          expect(new Set(keys).size).to.equal(keys.length);
        }
        // One prefix, whatever the subject came with.
        expect(fields.subject).to.match(last === 'forward' ? /^Fwd: (?!fwd?:|tr:)/i : /^Re: (?!re:)/i);
      }),
      { seed: 56, numRuns: 500 },
    );
  });

  it('MAIL-6: one Re: or Fwd: before the subject, whatever the sender’s client wrote', () => {
    const table: [string, string, string][] = [
      ['Hello', 'Re: Hello', 'Fwd: Hello'],
      ['Re: Hello', 'Re: Hello', 'Fwd: Re: Hello'],
      ['RE:Hello', 'Re: Hello', 'Fwd: RE:Hello'],
      ['AW: Hallo', 'Re: Hallo', 'Fwd: AW: Hallo'],
      ['Fwd: Hello', 'Re: Fwd: Hello', 'Fwd: Hello'],
      ['TR : Bonjour', 'Re: TR : Bonjour', 'Fwd: Bonjour'],
    ];
    expect(table.map(([s]) => [s, replySubject(s), forwardSubject(s)])).to.deep.equal(table);
  });

  it('MAIL-6: addresses are checked as typed; a Name <address> form gives its address', () => {
    expect(parseAddresses('ana@x.example, "Paul" <paul@y.example>; nope\n  ana@X.example ,, bad@ , c@d')).to.deep.equal({
      valid: ['ana@x.example', 'paul@y.example'],
      invalid: ['nope', 'bad@', 'c@d'],
    });
    expect(parseAddresses('   ')).to.deep.equal({ valid: [], invalid: [] });
  });

  it('MAIL-5: the addresses outside the customer’s domains, for the confirmation', () => {
    expect(outsideDomains(['a@customer.example', 'b@Other.example', 'c@CUSTOMER.example'], ['@customer.example'])).to.deep.equal(['b@Other.example']);
  });
});
