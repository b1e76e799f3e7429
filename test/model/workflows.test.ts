import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { localizeDates, prefillParams, type Workflow } from '../../src/model/workflows.js';

describe('model: workflows', () => {
  it('HOSTILE-29: dates in a workflow’s announcement are written in the locale, table', () => {
    const table: [string, string, string][] = [
      ['Callback on 2027-03-15 to +33 6 12 34 56 78', 'en', 'Callback on March 15, 2027 to +33 6 12 34 56 78'],
      ['Callback on 2027-03-15 to +33 6 12 34 56 78', 'fr', 'Callback on 15 mars 2027 to +33 6 12 34 56 78'],
      ['From 2027-01-02 to 2027-12-31', 'fr', 'From 2 janvier 2027 to 31 décembre 2027'],
      // Not dates: an impossible day, a longer number, a time stamp, a case number.
      ['On 2027-02-30', 'en', 'On 2027-02-30'],
      ['Ref 12027-03-15', 'en', 'Ref 12027-03-15'],
      ['At 2027-03-15T10:00', 'en', 'At 2027-03-15T10:00'],
      ['Case CS-10042 created', 'fr', 'Case CS-10042 created'],
    ];
    expect(table.map(([text, locale]) => [text, locale, localizeDates(text, locale)])).to.deep.equal(table);
  });

  it('HOSTILE-29 (property, seeded): localizeDates changes nothing but valid dates', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('en', 'fr'), (text, locale) => {
        const out = localizeDates(text, locale);
        if (!/\d{4}-\d{2}-\d{2}/.test(text)) expect(out).to.equal(text);
      }),
      { seed: 29, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const out = localizeDates(`on ${iso}.`, 'fr');
        expect(out).to.not.include(iso);
        expect(out).to.include(String(date.getUTCFullYear()));
      }),
      { seed: 290, numRuns: 300 },
    );
  });

  it('HOSTILE-29: parameters are prefilled from the customer fields the workflow names; only own string fields', () => {
    const workflow: Workflow = {
      id: 'w',
      name: 'W',
      params: [
        { name: 'phone', label: 'Phone', type: 'phone', required: true, fromCustomer: 'phone' },
        { name: 'note', label: 'Note', type: 'text', required: false },
        { name: 'odd', label: 'Odd', type: 'text', required: false, fromCustomer: '__proto__' },
        { name: 'missing', label: 'Missing', type: 'text', required: false, fromCustomer: 'fax' },
      ],
    };
    expect(prefillParams(workflow, { phone: '+33 6 12 34 56 78', note: 'x' })).to.deep.equal({ phone: '+33 6 12 34 56 78' });
    expect(prefillParams(workflow, {})).to.deep.equal({});
  });
});
