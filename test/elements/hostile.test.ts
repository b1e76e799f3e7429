/**
 * Hostile input as the agent and the host meet it, on a whole kit (HOSTILE-1, 2, 8, 9, 10, 14, 15):
 * what the agent sees keeps working, what is wrong reaches the host as `dc-error`, and nothing is
 * thrown into the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/desktop/desktop.js';
import '../../src/elements/provider/provider.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import type { DcErrorEvent } from '../../src/events/events.js';
import { MAX_TIME } from '../../src/backend/events.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { draftKey, MemoryStorage } from '../../src/store/persist.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { deepAll, watchPage, type PageWatch } from '../support/hostile.js';
import { signInReady, text, until } from '../support/kit.js';

let page: PageWatch;
beforeEach(() => (page = watchPage()));
afterEach(() => page.stop());

type ErrorDetail = DcErrorEvent['detail'];

/**
 * A desktop on the simulated centre, with every dc-error the provider fires from its very first
 * update (a listener set in the markup, as a host would).
 */
async function desktop(options: { storage?: Storage; lang?: string; config?: DcConfigInput; backend?: SimulatedBackend } = {}) {
  const config: DcConfigInput = { retryDelayMs: 20, retryMaxDelayMs: 200, ...options.config };
  const backend = options.backend ?? new SimulatedBackend({ config: resolveConfig(config) });
  const errors: ErrorDetail[] = [];
  const provider = await fixture<DcProvider>(
    html`<dc-provider
      .config=${config}
      .backend=${backend}
      .storage=${options.storage ?? new MemoryStorage()}
      lang=${options.lang ?? 'en'}
      @dc-error=${(e: DcErrorEvent) => errors.push(e.detail)}
      ><dc-desktop></dc-desktop
    ></dc-provider>`,
  );
  const store = provider.store!;
  await store.ready;
  await provider.localeReady;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const el of deepAll(provider, '*')) await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  };
  return { provider, backend, store, errors, settle };
}

type Kit = Awaited<ReturnType<typeof desktop>>;

/** A localStorage that is full: it reads, and refuses every write. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

async function accept(kit: Kit, name: string): Promise<string> {
  const offer = kit.backend.offer('chat', { customer: { name }, text: null })!;
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
  return offer.id;
}

const E = (kit: Kit, x: object) => kit.backend.injectRawEvent({ seq: kit.backend.nextSeq, at: Date.now(), ...x });
const bubbles = (kit: Kit) => deepAll(kit.provider, '[part~="bubble"]').map((b) => text(b));

describe('hostile input on a whole kit', function () {
  this.timeout(15000);

  it('HOSTILE-1: events for tasks named constructor, toString, valueOf and __proto__ keep the desktop working', async () => {
    const kit = await desktop();
    await signInReady(kit.store);
    const now = Date.now();
    const chat = (id: string) => ({ id, media: 'chat', status: 'active', queue: 'Support', customer: { name: `Customer ${id}` }, offeredAt: now, expiresAt: now + 30_000, acceptedAt: now });
    E(kit, { type: 'message', message: { id: 'm1', taskId: 'constructor', from: 'customer', text: 'hi', at: now } });
    E(kit, { type: 'receipt', taskId: 'toString', messageId: 'm1', receipt: 'read' });
    E(kit, { type: 'task', cause: 'accepted', task: chat('valueOf') });
    E(kit, { type: 'typing', taskId: '__proto__', typing: true });
    E(kit, { type: 'task', cause: 'accepted', task: chat('__proto__') });
    E(kit, { type: 'message', message: { id: 'm2', taskId: '__proto__', from: 'customer', text: 'Bonjour', at: now + 1 } });
    E(kit, { type: 'typing', taskId: '__proto__', typing: true });
    await kit.settle();
    const names = deepAll(kit.provider, '[part~="row"] [part~="name"]').map((n) => text(n).replace(/^, /, ''));
    expect(names).to.include.members(['Customer valueOf', 'Customer __proto__']);
    await until(() => bubbles(kit).includes('Bonjour'), 'the thread of __proto__ shows its message');
    expect(kit.errors.map((e) => e.message)).to.deep.equal(['Message m1 for unknown task constructor ignored']);
    // And the kit goes on: a real offer is accepted and a message sent.
    const taskId = await accept(kit, 'Ana Lima');
    kit.store.send(taskId, { text: 'Hello Ana' });
    await until(() => kit.backend.serverMessages(taskId).some((m) => m.text === 'Hello Ana'), 'sent');
    expect(page.errors).to.deep.equal([]);
  });

  it('HOSTILE-2: one message with a time no Date can show never blanks its thread', async () => {
    const kit = await desktop();
    await signInReady(kit.store);
    const taskId = await accept(kit, 'Ana Lima');
    kit.backend.customerMessage(taskId, 'First');
    await until(() => bubbles(kit).includes('First'), 'the first message shows');
    for (const at of [8.64e15 + 1, 1e300, NaN]) E(kit, { type: 'message', message: { id: `bad-${at}`, taskId, from: 'customer', text: 'Broken', at } });
    E(kit, { type: 'message', message: { id: 'far', taskId, from: 'customer', text: 'From year 9999', at: MAX_TIME } });
    kit.backend.customerMessage(taskId, 'Second');
    await until(() => bubbles(kit).includes('Second'), 'later messages show');
    await kit.settle();
    expect(bubbles(kit)).to.not.include('Broken');
    expect(bubbles(kit)).to.include('From year 9999');
    expect(kit.errors.filter((e) => e.message.includes('not a valid time'))).to.have.length(3);
    expect(page.errors).to.deep.equal([]);
  });

  it('HOSTILE-8/9: a damaged saved draft keeps its text in the composer, and the host hears of it once the provider listens', async () => {
    const storage = new MemoryStorage();
    const first = await desktop({ storage });
    await signInReady(first.store);
    const taskId = await accept(first, 'Ana Lima');
    first.store.flush();
    first.provider.remove(); // the page goes
    storage.setItem(draftKey(first.store.config.storageKey, taskId), JSON.stringify({ text: 'Bonjour Ana', spans: [null], attachments: [null], template: { id: 'x', fields: 'nope' } }));
    const kit = await desktop({ storage, backend: first.backend });
    const storageErrors = kit.errors.filter((e) => e.source === 'storage');
    expect(storageErrors).to.have.length(1);
    expect(storageErrors[0]!.message).to.contain(`drafts.${taskId}.spans[0]`);
    await kit.settle();
    const box = deepAll(kit.provider, 'textarea')[0] as HTMLTextAreaElement;
    expect(box, 'the composer is there').to.exist;
    expect(box.value).to.equal('Bonjour Ana');
    expect(kit.store.controlsEnabled).to.be.true;
    expect(page.errors).to.deep.equal([]);
  });

  it('HOSTILE-10: storage that refuses writes: the agent reads it once, in the kit’s language, and the host hears once', async () => {
    for (const [lang, words] of [
      ['en', 'Drafts cannot be kept on this computer'],
      ['fr', 'Les brouillons ne peuvent pas être conservés sur cet ordinateur'],
    ] as const) {
      const full = new FullStorage();
      const kit = await desktop({ storage: full, lang });
      await signInReady(kit.store);
      const taskId = await accept(kit, 'Ana Lima');
      kit.store.setDraft(taskId, { text: 'Kept in memory', spans: [], attachments: [] });
      kit.store.flush();
      await kit.settle();
      const notes = deepAll(kit.provider, '[part~="notification"][data-code="storage-unavailable"]');
      expect(notes, lang).to.have.length(1);
      expect(text(notes[0]), lang).to.contain(words);
      expect(kit.errors.filter((e) => e.source === 'storage'), lang).to.have.length(1);
      expect(kit.store.state.drafts[taskId]!.text).to.equal('Kept in memory');
      kit.provider.remove();
    }
    expect(page.errors).to.deep.equal([]);
  });

  it('HOSTILE-14: a catalogue that is a string, has templates: null or null entries never takes the composer away', async () => {
    const catalogues: unknown[] = [
      'templates',
      { templateGroups: [], templates: null, workflows: [] },
      {
        templateGroups: [null, { id: 'g', name: 'General' }],
        templates: [null, { id: 'ok', name: 'Greeting', group: 'g', locked: false, body: 'Hello!' }, { id: 7 }, { id: 'x', name: null, body: 'x' }],
        workflows: [null, { id: 'w', name: 'Survey', params: [null] }, { id: 'w2', name: 'Callback', params: [] }],
      },
    ];
    for (const catalogue of catalogues) {
      const backend = new SimulatedBackend({ config: resolveConfig({}) });
      backend.catalogue = async () => catalogue as never;
      const kit = await desktop({ backend });
      await signInReady(kit.store);
      const taskId = await accept(kit, 'Ana Lima');
      await until(() => kit.store.state.catalogue.status === 'loaded', 'the catalogue loads');
      await kit.settle();
      const composer = deepAll(kit.provider, 'dc-composer')[0]!;
      expect(composer.shadowRoot!.querySelector('textarea'), JSON.stringify(catalogue)).to.exist;
      const button = composer.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="templates"]')!;
      button.click();
      await kit.settle();
      const options = deepAll(composer.shadowRoot!, '[role="option"]').map((o) => text(o));
      if (typeof catalogue === 'object' && catalogue && Array.isArray((catalogue as { templates: unknown }).templates)) {
        expect(options.join()).to.contain('Greeting');
        expect(kit.store.state.catalogue.value.workflows.map((w) => w.id)).to.deep.equal(['w2']);
      }
      expect(kit.errors.filter((e) => e.source === 'catalogue'), JSON.stringify(catalogue)).to.have.length(1);
      kit.store.send(taskId, { text: 'Still sending' });
      await until(() => kit.backend.serverMessages(taskId).some((m) => m.text === 'Still sending'), 'sent');
      kit.provider.remove();
    }
    expect(page.errors).to.deep.equal([]);
  });

  it('HOSTILE-15: a configuration getter that throws gives the configuration error view and dc-error, no uncaught rejection', async () => {
    const errors: ErrorDetail[] = [];
    const config = {
      agent: { id: 'a1', name: 'Ana' },
      get media(): never {
        throw new Error('the CRM lost its settings');
      },
    };
    const provider = await fixture<DcProvider>(
      html`<dc-provider .config=${config} .storage=${null} lang="en" @dc-error=${(e: DcErrorEvent) => errors.push(e.detail)}></dc-provider>`,
    );
    provider.backend = new SimulatedBackend();
    await provider.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 30));
    const view = provider.shadowRoot!.querySelector('[part~="config-error"]');
    expect(text(view)).to.contain('media');
    expect(text(view)).to.contain('the CRM lost its settings');
    expect(errors.filter((e) => e.source === 'config')).to.have.length.greaterThan(0);
    const detail = errors.find((e) => e.source === 'config') as { fields: readonly string[] };
    expect(detail.fields).to.deep.equal(['media']);
    expect(provider.store).to.be.undefined;
    // Deeper, and a proxy: the same.
    expect(() => resolveConfig({ media: { chat: { get capacity(): number { throw new Error('no'); } } } } as DcConfigInput)).to.throw(/media\.chat\.capacity could not be read/);
    expect(() => resolveConfig(new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }) as DcConfigInput)).to.throw(/config could not be read/);
    expect(page.errors).to.deep.equal([]);
  });
});
