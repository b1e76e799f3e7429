// EMBED-1: a consumer defined and connected before its provider is defined still gets the store.
// This file must not import the provider statically.
import { expect } from '@open-wc/testing';
import '../../src/elements/state-picker/state-picker.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { text, until } from '../support/dom.js';

describe('dc-provider defined after its consumers', () => {
  it('EMBED-1: the picker inside an undefined dc-provider finds the store once the provider is defined', async function () {
    this.timeout(30000); // the provider's modules load on demand here
    expect(customElements.get('dc-provider')).to.be.undefined;
    const el = document.createElement('dc-provider') as HTMLElement & { storage?: Storage };
    el.storage = new MemoryStorage();
    el.setAttribute('backend', 'simulated');
    el.innerHTML = '<dc-state-picker></dc-state-picker>';
    document.body.append(el);
    const picker = el.querySelector('dc-state-picker')!;
    await picker.updateComplete;
    expect(text(picker.shadowRoot)).to.equal('Digital channels unavailable');
    await import('../../src/elements/provider/provider.js');
    await until(() => !!picker.shadowRoot!.querySelector('[part~="sign-in-dialog"]'), 'the sign-in dialog appears', 20000);
    el.remove();
  });
});
