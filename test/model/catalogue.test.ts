import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkCatalogue, EMPTY_CATALOGUE } from '../../src/model/workflows.js';
import { SAMPLE_CATALOGUE } from '../../src/simulator/index.js';

describe('checkCatalogue', () => {
  it('HOSTILE-14: a catalogue that is not one is the empty catalogue, with the reason', () => {
    for (const raw of ['templates', null, 42, [], undefined]) {
      const { catalogue, problems } = checkCatalogue(raw);
      expect(catalogue).to.deep.equal(EMPTY_CATALOGUE);
      expect(problems).to.have.length(1);
    }
  });

  it('HOSTILE-14: templates: null, null entries and bad fields drop only what is bad, each named', () => {
    const { catalogue, problems } = checkCatalogue({
      templateGroups: [null, { id: 'g', name: { en: 'General', fr: 'Général' } }, { id: 'g', name: 'Again' }],
      templates: [null, { id: 't1', name: 'Hello', group: 'g', body: 'Hello!' }, { id: 't2', name: 'Bad', group: 'g', body: 5 }, { id: 't3', name: 'Sms', group: 'g', body: 'x', media: ['fax'] }],
      workflows: [{ id: 'w1', name: 'Survey', params: [{ name: 'email', label: 'Email', type: 'email', required: true }] }, { id: 'w2', name: 'Bad', params: [{ name: 'x', type: 'colour' }] }, { id: 'w3', name: 'Nothing' }],
    });
    expect(catalogue.templateGroups.map((g) => g.id)).to.deep.equal(['g']);
    expect(catalogue.templates).to.deep.equal([{ id: 't1', name: 'Hello', group: 'g', locked: false, body: 'Hello!' }]);
    expect(catalogue.workflows.map((w) => w.id)).to.deep.equal(['w1', 'w3']);
    expect(problems).to.deep.equal([
      'templateGroups[0] is null, not a group',
      'templateGroups[2] repeats the id "g"',
      'templates[0] is null, not a template',
      'templates[2] has no body',
      'templates[3] names media that are not chat, sms, social, email',
      'workflows[1].params[0] has type "colour"',
    ]);
    expect(checkCatalogue({ templates: null }).problems).to.deep.equal(['templates is null, not a list']);
  });

  it('HOSTILE-29: a parameter may be filled from a customer field; a fromCustomer that is not a name is reported and its workflow left out', () => {
    const param = (fromCustomer: unknown) => ({ name: 'phone', label: 'Phone', type: 'phone', required: true, fromCustomer });
    const { catalogue, problems } = checkCatalogue({
      workflows: [
        { id: 'ok', name: 'Callback', params: [param('phone')] },
        { id: 'number', name: 'Bad', params: [param(5)] },
        { id: 'empty', name: 'Bad', params: [param('')] },
        { id: 'none', name: 'Plain', params: [{ name: 'x', type: 'text' }] },
      ],
    });
    expect(catalogue.workflows.map((w) => [w.id, w.params.map((p) => p.fromCustomer)])).to.deep.equal([
      ['ok', ['phone']],
      ['none', [undefined]],
    ]);
    expect(problems).to.deep.equal([
      'workflows[1].params[0] has a fromCustomer that is not the name of a customer field',
      'workflows[2].params[0] has a fromCustomer that is not the name of a customer field',
    ]);
  });

  it('HOSTILE-14: the sample catalogue checks out whole', () => {
    const { catalogue, problems } = checkCatalogue(structuredClone(SAMPLE_CATALOGUE));
    expect(problems).to.deep.equal([]);
    expect(catalogue).to.deep.equal(SAMPLE_CATALOGUE);
  });

  it('HOSTILE-14: never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.record({ templateGroups: fc.anything(), templates: fc.anything(), workflows: fc.anything() }, { requiredKeys: [] }), (raw) => {
        const { catalogue } = checkCatalogue(raw);
        expect(Array.isArray(catalogue.templates)).to.be.true;
      }),
      { seed: 9014, numRuns: 500 },
    );
  });
});
