/**
 * EMBED-1: how a provider gets its backend. None: a clear "No contact centre connected" and a
 * `dc-error` (`source: 'backend'`), the elements inside unavailable. `backend="simulated"`: the
 * simulated contact centre, loaded on demand, and a badge saying so.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/provider/provider.js';
import '../../src/elements/state-picker/state-picker.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import type { DcErrorEvent } from '../../src/events/events.js';
import { resolveConfig } from '../../src/model/config.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { text, until } from '../support/dom.js';

/** A provider made the way a page makes one: created, given what it needs, then put in the document. */
function provider(setup: (el: DcProvider) => void = () => {}): DcProvider {
  const el = document.createElement('dc-provider');
  el.storage = new MemoryStorage();
  el.innerHTML = '<dc-state-picker></dc-state-picker>';
  setup(el);
  return el;
}

const part = (el: DcProvider, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const picker = (el: DcProvider) => el.querySelector('dc-state-picker')!;

/** console.error is where the kit also tells a developer; these tests provoke it on purpose. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => {};
  try {
    return await run();
  } finally {
    console.error = original;
  }
}

describe('dc-provider: its backend', () => {
  const mounted: Element[] = [];
  afterEach(() => {
    mounted.splice(0).forEach((el) => el.remove());
    document.documentElement.lang = 'en';
  });
  const mount = (el: DcProvider) => {
    mounted.push(el);
    document.body.append(el);
    return el;
  };

  it('EMBED-1: with no backend it says no contact centre is connected, fires dc-error, and the elements are unavailable', async () => {
    await quietly(async () => {
      const el = provider((p) => (p.lang = 'en'));
      const error = oneEvent(el, 'dc-error');
      mount(el);
      const { detail } = (await error) as DcErrorEvent;
      expect(detail.source).to.equal('backend');
      expect(detail.message).to.contain('No contact centre connected');
      await el.updateComplete;
      const message = part(el, 'no-backend')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(text(message)).to.contain('No contact centre connected');
      expect(text(message)).to.contain('The channels stay unavailable until the page connects one.');
      expect(message.checkVisibility()).to.be.true;
      expect(el.store).to.be.undefined;
      await picker(el).updateComplete;
      expect(text(picker(el).shadowRoot)).to.equal('Digital channels unavailable');
      expect(part(el, 'simulated-badge')).to.be.null;
      await expect(el).to.be.accessible();

      // Given a backend, the kit comes to life and the message goes.
      el.backend = new SimulatedBackend({ config: resolveConfig(undefined) });
      await el.updateComplete;
      await el.store!.ready;
      expect(part(el, 'no-backend')).to.be.null;
      await until(() => !!picker(el).shadowRoot!.querySelector('[part~="sign-in-dialog"]'), 'the sign-in dialog');
    });
  });

  it('EMBED-1: a backend set in the same task as the provider was put in the page raises nothing', async () => {
    await quietly(async () => {
      const errors: DcErrorEvent[] = [];
      const late = provider();
      late.addEventListener('dc-error', (e) => errors.push(e));
      mount(late);
      await late.updateComplete; // its first update ran without a backend
      late.backend = new SimulatedBackend({ config: resolveConfig(undefined) });
      // A provider left without one, whose error comes after the first one's would have.
      const none = mount(provider());
      await oneEvent(none, 'dc-error');
      expect(errors).to.have.length(0);
      expect(part(late, 'no-backend')).to.be.null;
      expect(late.store).to.exist;
      expect(part(none, 'no-backend')).to.exist;
    });
  });

  it('EMBED-1, EMBED-5: the no-backend message is in the kit’s language', async () => {
    await quietly(async () => {
      const el = provider((p) => (p.lang = 'fr'));
      const error = oneEvent(el, 'dc-error');
      mount(el);
      await error;
      await el.localeReady;
      await until(() => text(part(el, 'no-backend')).includes('Aucun centre de contact connecté'), 'French');
      expect(text(part(el, 'no-backend'))).to.contain('Les canaux restent indisponibles');
    });
  });

  it('EMBED-1: an unknown backend name is reported by name', async () => {
    await quietly(async () => {
      const el = provider((p) => p.setAttribute('backend', 'finesse'));
      const error = oneEvent(el, 'dc-error');
      mount(el);
      const { detail } = (await error) as DcErrorEvent;
      expect(detail).to.deep.equal({ source: 'backend', message: 'Unknown backend "finesse" (known: "simulated")' });
      await el.updateComplete;
      expect(text(part(el, 'no-backend'))).to.contain('Unknown backend "finesse"');
    });
  });

  it('EMBED-1: backend="simulated" loads the simulated contact centre on demand and says so on screen', async () => {
    const errors: Event[] = [];
    const el = await fixture<DcProvider>(
      html`<dc-provider backend="simulated" lang="en" .storage=${new MemoryStorage()} @dc-error=${(e: Event) => errors.push(e)}
        ><dc-state-picker></dc-state-picker
      ></dc-provider>`,
    );
    mounted.push(el);
    expect(el.store, 'not yet: the simulator loads first').to.be.undefined;
    await until(() => !!el.store, 'the simulator loaded');
    expect(el.store!.backend).to.be.instanceOf(SimulatedBackend);
    await el.updateComplete;
    const badge = part(el, 'simulated-badge')!;
    expect(badge.getAttribute('role')).to.equal('note');
    expect(text(badge)).to.equal('Simulated contact centre');
    expect(badge.checkVisibility()).to.be.true;
    expect(part(el, 'no-backend')).to.be.null;
    await el.store!.ready;
    await until(() => !!picker(el).shadowRoot!.querySelector('[part~="sign-in-dialog"]'), 'the kit works on it');
    await expect(el).to.be.accessible();

    el.lang = 'fr';
    await el.localeReady;
    await until(() => text(part(el, 'simulated-badge')) === 'Centre de contact simulé', 'the badge in French');

    // A backend object in its place: the badge goes, the simulator the provider made is closed.
    const simulator = el.store!.backend as SimulatedBackend;
    el.backend = new SimulatedBackend({ config: resolveConfig(undefined) });
    await el.updateComplete;
    expect(part(el, 'simulated-badge')).to.be.null;
    expect(simulator.connection).to.equal('offline');
    expect(errors).to.have.length(0);
  });

  it('EMBED-1: the simulated badge fits a 360 px wide page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 360px"><dc-provider backend="simulated" .storage=${null}></dc-provider></div>`,
    );
    mounted.push(wrapper);
    const el = wrapper.querySelector('dc-provider')!;
    await until(() => !!el.store, 'the simulator loaded');
    await el.updateComplete;
    const badge = part(el, 'simulated-badge')!;
    expect(badge.getBoundingClientRect().right).to.be.at.most(wrapper.getBoundingClientRect().right);
    expect(badge.scrollWidth).to.be.at.most(badge.clientWidth);
  });
});
