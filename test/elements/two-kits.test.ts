/**
 * Two kits on one page (HOSTILE-11, SPEC KEY table): a page-wide shortcut goes to the kit that holds
 * the focus, else to the one the host marks `primary`, else to the first in document order. Only the
 * kit that acts prevents the key's default. Real keys throughout.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/provider/provider.js';
import '../../src/elements/state-picker/state-picker.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { resolveConfig } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import type { DcStore } from '../../src/store/store.js';
import { kitForKey, type PageKit } from '../../src/context/shortcuts.js';
import { press, signInReady, until } from '../support/kit.js';

const config = { retryDelayMs: 20, retryMaxDelayMs: 200 };

/** Two providers side by side, each with a state picker and a host button, both signed in and Ready. */
async function twoKits(options: { primary?: 'first' | 'second'; nested?: boolean } = {}) {
  const kit = (name: string, primary: boolean) =>
    html`<dc-provider
      id=${name}
      lang="en"
      ?primary=${primary}
      .config=${config}
      .backend=${new SimulatedBackend({ config: resolveConfig(config) })}
      .storage=${new MemoryStorage()}
      ><dc-state-picker></dc-state-picker><button class="host">${name}'s host button</button></dc-provider
    >`;
  const page = await fixture<HTMLElement>(
    html`<div>
      <button id="outside">Outside every kit</button>
      ${kit('first', options.primary === 'first')} ${kit('second', options.primary === 'second')}
    </div>`,
  );
  const providers = [...page.querySelectorAll<DcProvider>('dc-provider')];
  const stores = providers.map((p) => p.store!);
  for (const store of stores) {
    await store.ready;
    await signInReady(store);
  }
  return { page, providers, stores, first: providers[0]!, second: providers[1]! };
}

const allNotReady = (store: DcStore) => Object.values(store.state.media).every((m) => m.availability === 'not-ready');
const allReady = (store: DcStore) => Object.values(store.state.media).every((m) => m.availability === 'ready');

/** Counts the preventDefault calls on key presses, from the first listener on. */
function countPrevented(): { count: () => number; stop: () => void } {
  let count = 0;
  const listener = (event: Event) => {
    const original = event.preventDefault.bind(event);
    event.preventDefault = () => {
      count += 1;
      original();
    };
  };
  window.addEventListener('keydown', listener, { capture: true });
  return { count: () => count, stop: () => window.removeEventListener('keydown', listener, { capture: true }) };
}

describe('two kits on one page', function () {
  this.timeout(15000);

  it('HOSTILE-11: with the focus in the second kit, Ctrl+Shift+Z sets the second Not Ready and leaves the first alone', async () => {
    const { first, second, stores } = await twoKits();
    const prevented = countPrevented();
    second.querySelector<HTMLButtonElement>('button.host')!.focus();
    await press('Control+Shift+KeyZ');
    await until(() => allNotReady(stores[1]!), 'the second kit goes Not Ready');
    expect(allReady(stores[0]!), 'the first kit stays Ready').to.be.true;
    expect(prevented.count(), 'one kit acted, once').to.equal(1);

    // And the other way round: the focus inside the first kit's own shadow root (its state picker).
    first.querySelector('dc-state-picker')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!.focus();
    await press('Control+Shift+KeyZ');
    await until(() => allNotReady(stores[0]!), 'the first kit goes Not Ready');
    await press('Control+Shift+KeyV');
    await until(() => allReady(stores[0]!), 'the first kit is Ready again');
    expect(allNotReady(stores[1]!), 'the second kit stays Not Ready').to.be.true;
    expect(prevented.count()).to.equal(3);
    prevented.stop();
  });

  it('HOSTILE-11: with the focus outside every kit, the kit marked primary takes the keys', async () => {
    const { page, providers, stores } = await twoKits({ primary: 'second' });
    expect(providers[1]!.hasAttribute('primary')).to.be.true;
    page.querySelector<HTMLButtonElement>('#outside')!.focus();
    await press('Control+Shift+KeyZ');
    await until(() => allNotReady(stores[1]!), 'the primary (second) kit goes Not Ready');
    expect(allReady(stores[0]!), 'the first kit stays Ready').to.be.true;

    // With nothing focused at all, the same.
    (document.activeElement as HTMLElement | null)?.blur();
    await press('Control+Shift+KeyV');
    await until(() => allReady(stores[1]!), 'the primary kit is Ready again');
    expect(allReady(stores[0]!)).to.be.true;
  });

  it('HOSTILE-11: with no focus in a kit and none primary, the first kit in document order takes the keys', async () => {
    const { page, stores, first, second } = await twoKits();
    // The second one moves before the first: it is now first in the document, though it connected
    // last. A provider moved gets a new store, which reads the server again.
    first.before(second);
    const moved = second.store!;
    await moved.ready;
    await until(() => allReady(moved), 'the moved kit is Ready as before');
    page.querySelector<HTMLButtonElement>('#outside')!.focus();
    await press('Control+Shift+KeyZ');
    await until(() => allNotReady(moved), 'the kit first in the document goes Not Ready');
    expect(allReady(stores[0]!), 'the other kit stays Ready').to.be.true;
  });

  it('HOSTILE-11: a key no kit acts on keeps its default, and the focused kit that has the keys off leaves them to no one', async () => {
    const { page, stores, first, second } = await twoKits({ primary: 'first' });
    const prevented = countPrevented();
    const seen: boolean[] = [];
    const record = (e: KeyboardEvent) => void (/^[a-z]$/i.test(e.key) && seen.push(e.defaultPrevented));
    page.addEventListener('keydown', record);
    page.querySelector<HTMLButtonElement>('#outside')!.focus();
    await press('Control+Shift+KeyK'); // bound to nothing
    expect(seen, 'the key reached the page').to.deep.equal([false]);
    second.shortcuts!.enabled = false;
    second.querySelector<HTMLButtonElement>('button.host')!.focus();
    await press('Control+Shift+KeyZ');
    expect(seen).to.deep.equal([false, false]);
    expect(allReady(stores[0]!) && allReady(stores[1]!), 'neither kit changed').to.be.true;
    expect(prevented.count()).to.equal(0);
    // The path ran: the same key in the primary kit acts.
    first.querySelector<HTMLButtonElement>('button.host')!.focus();
    await press('Control+Shift+KeyZ');
    await until(() => allNotReady(stores[0]!), 'the first kit goes Not Ready');
    expect(prevented.count()).to.equal(1);
    page.removeEventListener('keydown', record);
    prevented.stop();
  });

  it('HOSTILE-11: "first" reads shadow trees where their hosts are', () => {
    // <div>[shadow: <x-kit a>] </div> <x-kit b> <section>[shadow: <span>[shadow: <x-kit c>]]</section>
    const page = document.createElement('div');
    const hostA = page.appendChild(document.createElement('div'));
    const a = hostA.attachShadow({ mode: 'open' }).appendChild(document.createElement('x-kit'));
    const b = page.appendChild(document.createElement('x-kit'));
    const outer = page.appendChild(document.createElement('section')).attachShadow({ mode: 'open' });
    const c = outer.appendChild(document.createElement('span')).attachShadow({ mode: 'open' }).appendChild(document.createElement('x-kit'));
    document.body.append(page);
    const kit = (root: Element, primary = false): PageKit => ({ root, primary, handle: () => false });
    const [ka, kb, kc] = [kit(a), kit(b), kit(c)];
    const idle = new KeyboardEvent('keydown'); // never dispatched: its path is empty, no focus in a kit
    expect(kitForKey(idle, [kc, kb, ka])?.root).to.equal(a);
    expect(kitForKey(idle, [kc, kb])?.root).to.equal(b);
    expect(kitForKey(idle, [kc, kb, ka, kit(page)])?.root, 'a kit hosting the others').to.equal(page);
    expect(kitForKey(idle, [kit(c, true), kb, ka])?.root, 'the primary one').to.equal(c);
    expect(kitForKey(idle, [])).to.equal(undefined);
    page.remove();
  });
});
