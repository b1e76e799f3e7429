import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ManualClock } from '../../src/backend/clock.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { StoreController, type StoreHost } from '../../src/context/store-controller.js';
import { resolveConfig } from '../../src/model/config.js';
import { DcStore } from '../../src/store/store.js';

/** A host that counts its renders and shows one slice: the connection. */
class ConnectionProbe extends LitElement implements StoreHost {
  static override properties = { activeStore: { attribute: false } };
  activeStore: DcStore | undefined;
  renders = 0;
  connection = new StoreController(this, (s) => s.connection);
  override render() {
    this.renders += 1;
    return html`${this.connection.value ?? 'none'}`;
  }
}
customElements.define('test-connection-probe', ConnectionProbe);

/** A host whose selector reads one of its own properties: which slice it shows. */
class ChoiceProbe extends LitElement implements StoreHost {
  static override properties = { activeStore: { attribute: false }, slice: {} };
  activeStore: DcStore | undefined;
  slice: 'connection' | 'voice' = 'connection';
  view = new StoreController(this, (s) => (this.slice === 'voice' ? `voice ${s.voice}` : s.connection));
  override render() {
    return html`${this.view.value ?? 'none'}`;
  }
}
customElements.define('test-choice-probe', ChoiceProbe);

describe('context: store controller', () => {
  it('re-renders only when the selected slice changes', async () => {
    const clock = new ManualClock();
    const backend = new SimulatedBackend({ clock });
    const store = new DcStore({ config: resolveConfig({}), backend, clock });
    await clock.advance(0);
    await store.ready;
    const probe = await fixture<ConnectionProbe>(html`<test-connection-probe .activeStore=${store}></test-connection-probe>`);
    expect(probe.shadowRoot!.textContent).to.contain('online');
    const before = probe.renders;
    store.signIn(); // media change: another slice
    await clock.advance(0);
    await probe.updateComplete;
    expect(probe.renders).to.equal(before);
    backend.dropConnection(); // the selected slice
    await probe.updateComplete;
    expect(probe.renders).to.equal(before + 1);
    expect(probe.shadowRoot!.textContent).to.contain('offline');
  });

  it('a selector may read the host: the slice follows the host\'s properties as well as the store', async () => {
    const clock = new ManualClock();
    const backend = new SimulatedBackend({ clock });
    const store = new DcStore({ config: resolveConfig({}), backend, clock });
    await clock.advance(0);
    await store.ready;
    const probe = await fixture<ChoiceProbe>(html`<test-choice-probe .activeStore=${store}></test-choice-probe>`);
    expect(probe.shadowRoot!.textContent).to.contain('online');
    // No change in the store: the host's property alone picks the other slice.
    probe.slice = 'voice';
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('voice false');
    // And the store still drives it.
    backend.dropConnection();
    probe.slice = 'connection';
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('offline');
  });

  it('follows a new store and lets the old one go', async () => {
    const make = async () => {
      const clock = new ManualClock();
      const backend = new SimulatedBackend({ clock });
      const store = new DcStore({ config: resolveConfig({}), backend, clock });
      await clock.advance(0);
      return { store, backend };
    };
    const a = await make();
    const b = await make();
    const probe = await fixture<ConnectionProbe>(html`<test-connection-probe .activeStore=${a.store}></test-connection-probe>`);
    probe.activeStore = b.store;
    await probe.updateComplete;
    const renders = probe.renders;
    a.backend.dropConnection();
    await probe.updateComplete;
    expect(probe.renders).to.equal(renders);
    b.backend.dropConnection();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('offline');
  });
});
