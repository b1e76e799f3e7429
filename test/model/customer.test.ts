/**
 * The customer details' rules (CUST-1, CUST-3): which fields show, how a value is checked as the agent
 * types it, what an edit changes; and the configuration of customer fields, hostile included.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DcConfigError, MAX_FIELD_LENGTH, resolveConfig, type CustomerFieldConfig } from '../../src/model/config.js';
import {
  changedFields,
  customerEditErrors,
  detailFields,
  hasUnsavedEdits,
  MAX_VISIBLE_FIELDS,
  validateCustomerField,
} from '../../src/model/customer.js';
import type { Task } from '../../src/model/tasks.js';

const badFields = (input: unknown): readonly string[] => {
  try {
    resolveConfig(input as never);
  } catch (error) {
    expect(error).to.be.instanceOf(DcConfigError);
    return (error as DcConfigError).fields;
  }
  throw new Error('expected a DcConfigError');
};

const TIER: CustomerFieldConfig = {
  type: 'choice',
  editable: true,
  options: [
    { value: 'gold', label: 'Gold' },
    { value: 'silver', label: { en: 'Silver', fr: 'Argent' } },
  ],
};

const task = (customer: Record<string, string>, media = 'chat'): Task => ({
  id: 't1',
  media,
  status: 'active',
  queue: 'Support',
  customer,
  offeredAt: 0,
  expiresAt: 30_000,
  acceptedAt: 1000,
});

describe('customer fields (model)', () => {
  describe('CUST-3: validation as the agent types', () => {
    const cases: [string, CustomerFieldConfig, string, string | undefined][] = [
      ['text', { type: 'text', editable: true }, 'anything at all', undefined],
      ['email ok', { type: 'email', editable: true }, 'ana@example.com', undefined],
      ['email without a domain dot', { type: 'email', editable: true }, 'ana@example', 'email'],
      ['phone ok', { type: 'phone', editable: true }, '+33 6 12 34 56 78', undefined],
      ['phone with letters', { type: 'phone', editable: true }, '06 12 AB', 'phone'],
      ['phone too short', { type: 'phone', editable: true }, '12345', 'phone'],
      ['number with a comma', { type: 'number', editable: true }, '12,5', undefined],
      ['number with letters', { type: 'number', editable: true }, '12a', 'number'],
      ['date ok', { type: 'date', editable: true }, '2024-02-29', undefined],
      ['date that does not exist', { type: 'date', editable: true }, '2023-02-29', 'date'],
      ['choice among the options', TIER, 'silver', undefined],
      ['choice not among them', TIER, 'bronze', 'choice'],
      ['empty, not required', { type: 'email', editable: true }, '  ', undefined],
      ['empty, required', { type: 'text', editable: true, required: true }, ' ', 'required'],
      ['empty choice, required', { ...TIER, required: true }, '', 'required'],
      ['too long', { type: 'text', editable: true, maxLength: 5 }, 'abcdef', 'too-long'],
      ['maxLength counts characters, not UTF-16 units', { type: 'text', editable: true, maxLength: 2 }, '😀😀', undefined],
    ];
    for (const [name, field, value, error] of cases) {
      it(`CUST-3: ${name}: ${error ?? 'accepted'}`, () => {
        expect(validateCustomerField(value, field)).to.equal(error);
      });
    }

    it('CUST-3 (property): any text gets an answer, never a throw; text without maxLength refuses only what is over the kit’s limit', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.constantFrom<CustomerFieldConfig['type']>('text', 'email', 'phone', 'number', 'date', 'choice'),
          fc.boolean(),
          fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
          (value, type, required, maxLength) => {
            const field: CustomerFieldConfig = { type, editable: true, required, ...(maxLength ? { maxLength } : {}), ...(type === 'choice' ? { options: TIER.options! } : {}) };
            const error = validateCustomerField(value, field);
            if (value.trim() === '') expect(error).to.equal(required ? 'required' : undefined);
            if (maxLength !== undefined && [...value.trim()].length > maxLength) expect(error).to.equal('too-long');
            if (type === 'text' && maxLength === undefined && value.trim() !== '') expect(error).to.equal(undefined);
            // What is accepted is accepted again with spaces around it (values are checked trimmed).
            if (error === undefined) expect(validateCustomerField(` ${value} `, field)).to.equal(undefined);
          },
        ),
        { seed: 2610, numRuns: 400 },
      );
      expect(validateCustomerField('x'.repeat(MAX_FIELD_LENGTH + 1), { type: 'text', editable: true })).to.equal('too-long');
    });
  });

  describe('CUST-1: which fields show', () => {
    it('CUST-1: configured fields in order, editable ones even when empty, the display field only when editable', () => {
      const config = resolveConfig({
        customerFields: { address: { editable: false }, tier: { label: 'Tier', type: 'choice', editable: true, options: TIER.options! }, note: { label: 'Note' } },
      });
      const fields = detailFields(config, task({ name: 'Ana', email: 'ana@example.com', accountNumber: 'AC-1', extra: 'x', note: '' }));
      expect(fields.map((f) => [f.name, f.value, f.editable])).to.deep.equal([
        ['name', 'Ana', true],
        ['email', 'ana@example.com', true],
        ['phone', '', true],
        ['accountNumber', 'AC-1', false],
        ['tier', '', true],
        ['extra', 'x', false],
      ]);
      const sms = detailFields(resolveConfig({ customerFields: { phone: { editable: false } } }), task({ phone: '+33 6 00 00 00 00', name: 'Bo' }, 'sms'));
      expect(sms.map((f) => f.name), 'the SMS display field (phone) is in the header, read-only').to.not.include('phone');
      expect(MAX_VISIBLE_FIELDS).to.equal(10);
    });

    it('CUST-3: an edit back to the saved value is no edit; values are trimmed; what is not editable is refused', () => {
      const config = resolveConfig({});
      const t = task({ name: 'Ana', email: 'ana@example.com', accountNumber: 'AC-1' });
      expect(changedFields(t, { name: 'Ana', email: ' ana@new.example.com ' })).to.deep.equal({ email: 'ana@new.example.com' });
      expect(hasUnsavedEdits(t, { name: ' Ana ' })).to.equal(false);
      expect(hasUnsavedEdits(t, undefined)).to.equal(false);
      expect(customerEditErrors(config, t, { email: 'nope', accountNumber: 'AC-2', phone: '+33 6 12 34 56 78' })).to.deep.equal({
        email: 'email',
        accountNumber: 'not-editable',
      });
      const odd = changedFields(task({}), { __proto__: 'x', constructor: 'y' } as unknown as Record<string, string>);
      expect(Object.keys(odd)).to.deep.equal(['constructor']);
    });
  });

  describe('CUST-3: configuration of customer fields', () => {
    it('CUST-3: date and choice types, required and maxLength are read', () => {
      const config = resolveConfig({
        customerFields: {
          birthday: { label: 'Birthday', type: 'date', editable: true, required: true },
          tier: { label: { en: 'Tier', fr: 'Niveau' }, type: 'choice', editable: true, options: [{ value: 'gold', label: 'Gold' }] },
          address: { maxLength: 120 },
        },
      });
      expect(config.customerFields['birthday']).to.deep.equal({ type: 'date', editable: true, label: 'Birthday', required: true });
      expect(config.customerFields['tier']!.options).to.deep.equal([{ value: 'gold', label: 'Gold' }]);
      expect(config.customerFields['address']).to.deep.equal({ type: 'text', editable: true, maxLength: 120 });
    });

    it('CUST-3: a hostile configuration is reported field by field, like the rest', () => {
      expect(
        badFields({
          customerFields: {
            a: { label: 'A', type: 'colour' },
            b: { label: 'B', required: 'yes' },
            c: { label: 'C', maxLength: 0 },
            d: { label: 'D', maxLength: 1.5 },
            e: { label: 'E', type: 'choice' },
            f: { label: 'F', type: 'choice', options: [] },
            g: { label: 'G', type: 'choice', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'Y' }, { value: '', label: 'Z' }, { value: 'w' }, null] },
            h: { label: 'H', options: [{ value: 'x', label: 'X' }] },
            i: { label: 'I', colour: 'red' },
          },
        }),
      ).to.deep.equal([
        'customerFields.a.type',
        'customerFields.b.required',
        'customerFields.c.maxLength',
        'customerFields.d.maxLength',
        'customerFields.e.options',
        'customerFields.f.options',
        'customerFields.g.options[1].value',
        'customerFields.g.options[2].value',
        'customerFields.g.options[3].label',
        'customerFields.g.options[4].value',
        'customerFields.h.options',
        'customerFields.i.colour',
      ]);
    });

    it('CUST-3 (property): whatever a customer field holds, the configuration resolves or names the field, never throws anything else', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom('label', 'type', 'editable', 'required', 'maxLength', 'options', 'x'), fc.jsonValue({ maxDepth: 3 })), (field) => {
          try {
            const config = resolveConfig({ customerFields: { f: field } } as never);
            const f = config.customerFields['f']!;
            if (f.type === 'choice') expect(f.options!.length).to.be.greaterThan(0);
            else expect(f.options).to.equal(undefined);
          } catch (error) {
            expect(error).to.be.instanceOf(DcConfigError);
            expect((error as DcConfigError).fields.every((name) => name.startsWith('customerFields.f'))).to.equal(true);
          }
        }),
        { seed: 1024, numRuns: 300 },
      );
    });
  });
});
