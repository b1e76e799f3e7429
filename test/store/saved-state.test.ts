/**
 * Saved state and storage the kit does not control (HOSTILE-7…10): damaged records, older versions,
 * storage that is full, refuses some keys or is missing, and IndexedDB missing. What checks out is
 * kept, what does not is reported, and the agent is told once when drafts or files cannot be kept.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ManualClock } from '../../src/backend/clock.js';
import { resolveConfig } from '../../src/model/config.js';
import type { Message } from '../../src/model/tasks.js';
import { IdbBlobStore, MemoryBlobStore, type BlobStore } from '../../src/store/blobs.js';
import { defaultStorage, draftKey, MemoryStorage, outboxKey, readSaved, UnavailableStorage } from '../../src/store/persist.js';
import type { Draft } from '../../src/store/state.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';
import { ScriptBackend, ScriptServer, settle, task } from './script-backend.js';

const config = resolveConfig({});
const KEY = config.storageKey;
const MEDIA = config.media.map((m) => m.id);
const T = Date.UTC(2026, 10, 24, 9, 0, 0);
const said = (id: string, taskId: string, at: number): Message => ({ id, taskId, from: 'customer', text: 'Hello', at });
const signedIn = (media: string) => ({ media, signIn: 'signed-in', availability: 'not-ready', routable: true, since: T });
const draft = (text: string): Draft => ({ text, spans: [], attachments: [] });

/** A Storage that is not MemoryStorage (so the store uses IndexedDB for files), over a Map. */
class PageStorage implements Storage {
  readonly items = new Map<string, string>();
  /** Keys whose writes fail, as a full or partly refused storage's do. */
  refuse: (key: string) => boolean = () => false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuse(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
}

/** A server holding two active chats, a and b; a store opened on `storage`, with its reports. */
function open(storage: Storage | null, server?: ScriptServer, blobs: BlobStore = new MemoryBlobStore()) {
  const clock = new ManualClock(T + 60_000);
  const theServer = server ?? new ScriptServer(MEDIA, () => clock.now());
  if (!server) {
    theServer.seq = 2;
    theServer.tasks.set('a', task('a', 'chat', 'active', T, 'Ana'));
    theServer.tasks.set('b', task('b', 'chat', 'active', T + 1, 'Bo'));
  }
  const backend = new ScriptBackend(theServer);
  const warn = console.warn;
  console.warn = () => {}; // the reports below are read from the store, not the console
  let store: DcStore;
  try {
    store = new DcStore({ config, backend, clock, storage, blobs });
  } finally {
    console.warn = warn;
  }
  const errors: DcStoreError[] = [];
  store.onError((e) => errors.push(e));
  const storageNotes = () => store.state.notifications.filter((n) => n.code === 'storage-unavailable').map((n) => n.params);
  return { clock, server: theServer, backend, store, errors, storageNotes, blobs };
}

const v2 = (extra: Record<string, unknown>) =>
  JSON.stringify({
    version: 2,
    savedAt: T,
    media: Object.fromEntries(MEDIA.map((m) => [m, signedIn(m)])),
    tasks: [task('a', 'chat', 'active', T, 'Ana'), task('b', 'chat', 'active', T + 1, 'Bo')],
    messages: { a: [said('a1', 'a', T)] },
    ...extra,
  });

describe('hostile saved state', () => {
  it('HOSTILE-7: a saved record with outbox: {} no longer stops the store; the rest is restored and it is reported', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, v2({ outbox: {}, drafts: { a: draft('Kept') } }));
    const kit = open(storage);
    expect(kit.errors.map((e) => [e.source, e.message])).to.deep.equal([
      ['storage', 'Saved state ignored in part (1): outbox is not a list'],
    ]);
    expect(kit.store.state.media['chat']!.signIn).to.equal('signed-in');
    expect(kit.store.state.drafts['a']!.text).to.equal('Kept');
    await kit.store.ready;
    expect(kit.store.state.connection).to.equal('online');
  });

  it('HOSTILE-7/9: whatever the saved fields hold, the store starts, goes online, and keeps the drafts that check out', async () => {
    const fields = ['version', 'savedAt', 'media', 'tasks', 'messages', 'reads', 'selectedTaskId', 'voice', 'pauses', 'drafts', 'outbox'];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
        fc.option(fc.jsonValue({ maxDepth: 2 })),
        async (junk, draftJunk) => {
          const storage = new MemoryStorage();
          storage.setItem(KEY, JSON.stringify({ ...JSON.parse(v2({})), ...junk }));
          storage.setItem(draftKey(KEY, 'b'), JSON.stringify(draft('Still here')));
          if (draftJunk !== null) storage.setItem(draftKey(KEY, 'a'), JSON.stringify(draftJunk));
          const kit = open(storage);
          await kit.store.ready;
          expect(kit.store.state.connection).to.equal('online');
          expect(kit.store.state.drafts['b']!.text).to.equal('Still here');
          kit.store.dispose();
        },
      ),
      { seed: 9007, numRuns: 150 },
    );
  });

  it('HOSTILE-8: a draft with null spans and files keeps its text, and every snapshot after it applies', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, v2({}));
    storage.setItem(draftKey(KEY, 'a'), JSON.stringify({ text: 'x', spans: [null], attachments: [null] }));
    storage.setItem(draftKey(KEY, 'b'), JSON.stringify({ text: 'y', spans: [], attachments: [{ id: 5, name: null }], template: { id: 'x', fields: 'nope' } }));
    const kit = open(storage);
    expect(kit.store.state.drafts['a']).to.deep.equal(draft('x'));
    expect(kit.store.state.drafts['b']).to.deep.equal(draft('y'));
    const report = kit.errors.map((e) => e.message).join();
    for (const part of ['drafts.a.spans[0]', 'drafts.a.attachments[0]', 'drafts.b.attachments[0].id', 'drafts.b.template.templateId']) {
      expect(report, part).to.contain(part);
    }
    await kit.store.ready;
    expect(kit.store.state.connection).to.equal('online');
    kit.backend.drop();
    kit.backend.restore();
    await settle();
    expect(kit.store.state.connection).to.equal('online');
    // A draft handed in is checked the same way: its text is kept, what is bad in it is left out…
    kit.store.setDraft('a', { text: 'z', spans: [null], attachments: [] } as unknown as Draft);
    expect(kit.store.state.drafts['a']).to.deep.equal(draft('z'));
    expect(kit.errors.at(-1)!.message).to.equal('Draft for task a: draft.spans[0] is null, not a span (left out)');
    // …and one that is not a draft is ignored, and the one held stays.
    kit.store.setDraft('a', { text: 5 } as unknown as Draft);
    expect(kit.store.state.drafts['a']).to.deep.equal(draft('z'));
    expect(kit.errors.at(-1)!.message).to.equal('Draft for task a: draft.text is not a string (ignored)');
  });

  it('HOSTILE-9: invalid JSON, [], null, a version from elsewhere: reported, and the drafts kept apart still come back', () => {
    for (const core of ['{"version": 3, "media": ', '[]', 'null', JSON.stringify({ version: 7, savedAt: T, media: { chat: signedIn('chat') } })]) {
      const storage = new MemoryStorage();
      storage.setItem(KEY, core);
      storage.setItem(draftKey(KEY, 'a'), JSON.stringify(draft('Mine')));
      const kit = open(storage);
      expect(kit.store.state.drafts['a']!.text, core).to.equal('Mine');
      expect(kit.errors, core).to.have.length(1);
      expect(kit.errors[0]!.source).to.equal('storage');
      kit.store.dispose();
    }
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify({ version: 7, savedAt: T, media: { chat: signedIn('chat') } }));
    const kit = open(storage);
    expect(kit.errors[0]!.message).to.contain('version 7');
    expect(kit.store.state.media['chat']!.signIn).to.equal('signed-in'); // read as far as it checks out
  });

  it('HOSTILE-9: one bad media entry or message costs only itself', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, v2({ media: { chat: signedIn('chat'), sms: { media: 'sms' }, email: signedIn('email') }, messages: { a: [said('a1', 'a', T), { id: 'a2' }, said('a3', 'a', T + 2)] } }));
    const kit = open(storage);
    const s = kit.store.state;
    expect([s.media['chat']!.signIn, s.media['sms']!.signIn, s.media['email']!.signIn]).to.deep.equal(['signed-in', 'signed-out', 'signed-in']);
    expect(s.messages['a']!.map((m) => m.id)).to.deep.equal(['a1', 'a3']);
    expect(s.tasks['b']).to.exist;
    expect(kit.errors).to.have.length(1);
    expect(kit.errors[0]!.message).to.match(/^Saved state ignored in part \(2\): media\.sms.*; messages\.a\[1\]/);
  });

  it('HOSTILE-9: versions 1 and 2 are migrated: what they kept comes back and is written again as version 3', async () => {
    const one = new MemoryStorage();
    one.setItem(KEY, JSON.stringify({ version: 1, savedAt: T, media: { chat: signedIn('chat'), email: { ...signedIn('email'), availability: 'ready' } } }));
    const first = open(one);
    expect(first.errors).to.deep.equal([]);
    expect(first.store.state.media['email']!.availability).to.equal('ready');
    expect(JSON.parse(one.getItem(KEY)!).version).to.equal(3);

    const two = new MemoryStorage();
    const entry = { clientId: 'c1', taskId: 'a', text: 'Queued', attachments: [], createdAt: T, status: 'sending' };
    two.setItem(KEY, v2({ drafts: { b: draft('Half written') }, outbox: [entry], reads: { a: 1 }, selectedTaskId: 'a' }));
    const second = open(two);
    expect(second.errors).to.deep.equal([]);
    const s = second.store.state;
    expect(s.drafts['b']!.text).to.equal('Half written');
    expect(s.outbox['c1']!.status).to.equal('queued'); // on its way at the reload: sent again
    expect([s.reads['a'], s.selectedTaskId, s.messages['a']!.length]).to.deep.equal([1, 'a', 1]);
    const saved = readSaved(two, KEY);
    expect((saved.core as { version: number; drafts?: unknown }).version).to.equal(3);
    expect(saved.core).to.not.have.property('drafts');
    expect(saved.drafts.map(([id, d]) => [id, (d as Draft).text])).to.deep.equal([['b', 'Half written']]);
    expect(saved.outbox.map(([id]) => id)).to.deep.equal(['c1']);
    await second.store.ready;
    await settle();
    expect(second.server.sends.map((m) => m.clientId)).to.deep.equal(['c1']); // and it goes, once
  });

  it('HOSTILE-9: what the constructor reports waits for the first listener', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, '[]');
    const clock = new ManualClock(T);
    const warn = console.warn;
    console.warn = () => {};
    let store: DcStore;
    try {
      store = new DcStore({ config, backend: new ScriptBackend(new ScriptServer(MEDIA, () => T)), clock, storage });
    } finally {
      console.warn = warn;
    }
    const heard: string[] = [];
    store.onError((e) => heard.push(e.message));
    expect(heard).to.deep.equal(['Saved state ignored in part (1): the saved state is a list, not a record']);
    const later: string[] = [];
    store.onError((e) => later.push(e.message));
    expect(later, 'held errors go to the first listener only').to.deep.equal([]);
  });

  it('HOSTILE-10: a full localStorage: what was kept is still read, and the agent and the host are told once', async () => {
    const storage = new PageStorage();
    storage.setItem(KEY, v2({}));
    storage.setItem(draftKey(KEY, 'a'), JSON.stringify(draft('From before')));
    storage.refuse = () => true;
    const kit = open(storage);
    expect(kit.store.state.drafts['a']!.text).to.equal('From before');
    expect(kit.storageNotes()).to.deep.equal([{ what: 'drafts' }]);
    await kit.store.ready;
    kit.store.setDraft('a', draft('Newer'));
    kit.store.setDraft('b', draft('Another'));
    kit.store.flush();
    expect(kit.store.state.drafts['a']!.text).to.equal('Newer'); // kept in memory
    expect(kit.errors.filter((e) => e.source === 'storage')).to.have.length(1);
    expect(kit.storageNotes()).to.have.length(1);
    // And an older draft never comes back in place of the newer one: the write that failed removed it.
    kit.store.dispose();
    storage.refuse = () => false;
    const again = open(storage, kit.server);
    expect(again.store.state.drafts['a']).to.be.undefined;
  });

  it('HOSTILE-10: writes refused for some keys never bring back an older draft instead of a newer one', async () => {
    const storage = new PageStorage();
    const kit = open(storage);
    await kit.store.ready;
    kit.store.setDraft('a', draft('First words'));
    kit.store.setDraft('b', draft('Bo’s draft'));
    kit.store.flush();
    expect(readSaved(storage, KEY).drafts).to.have.length(2);
    storage.refuse = (key) => key === draftKey(KEY, 'a');
    kit.store.setDraft('a', draft('First words, and more'));
    kit.store.setDraft('b', draft('Bo’s draft, longer'));
    kit.store.flush();
    expect(kit.storageNotes()).to.deep.equal([{ what: 'drafts' }]);
    kit.store.dispose();
    storage.refuse = () => false;
    const again = open(storage, kit.server);
    expect(again.store.state.drafts['a'], 'never the older "First words"').to.be.undefined;
    expect(again.store.state.drafts['b']!.text).to.equal('Bo’s draft, longer');
  });

  it('HOSTILE-10: a record too big for storage is written without its messages, so the drafts and tasks survive', async () => {
    const storage = new PageStorage();
    const kit = open(storage);
    await kit.store.ready;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string) => {
      if (key === KEY && value.includes('"m-1"')) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    };
    kit.backend.emit({ type: 'message', message: said('m-1', 'a', T + 5) });
    kit.store.setDraft('a', draft('Draft'));
    kit.store.flush();
    const saved = readSaved(storage, KEY).core as { tasks: unknown[]; messages: object };
    expect(saved.tasks).to.have.length(2);
    expect(saved.messages).to.deep.equal({});
    expect(readSaved(storage, KEY).drafts).to.have.length(1);
  });

  it('HOSTILE-10: localStorage that cannot be used at all: memory, and the agent and the host are told', () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
    let storage: Storage;
    try {
      storage = defaultStorage();
    } finally {
      Object.defineProperty(window, 'localStorage', descriptor);
    }
    expect(storage).to.be.instanceOf(UnavailableStorage);
    const kit = open(storage);
    expect(kit.errors.map((e) => e.message)).to.deep.equal(['Storage cannot be used (SecurityError: denied)']);
    expect(kit.storageNotes()).to.deep.equal([{ what: 'drafts' }]);
    // A localStorage that is only full is still the one used: what it kept can be read.
    expect(defaultStorage()).to.equal(window.localStorage);
  });

  it('HOSTILE-10: IndexedDB missing: the agent is told, and after a reload the file is off the draft, so Send works', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined });
    try {
      const storage = new PageStorage();
      const kit = open(storage, undefined, new IdbBlobStore('hostile-files'));
      expect(kit.storageNotes()).to.deep.equal([{ what: 'files' }]);
      expect(kit.errors.map((e) => e.message)).to.deep.equal(['Attached files cannot be kept (IndexedDB is not available)']);
      await kit.store.ready;
      const file = new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' });
      await kit.store.attach('a', [file]);
      kit.store.setDraft('a', { ...kit.store.state.drafts['a']!, text: 'Here it is' });
      kit.store.flush();
      kit.store.dispose();

      const again = open(storage, kit.server, new IdbBlobStore('hostile-files'));
      expect(again.store.state.drafts['a']!.attachments).to.have.length(1); // as saved…
      await settle();
      expect(again.store.state.drafts['a']!.attachments, '…until its bytes are found gone').to.deep.equal([]);
      expect(again.store.state.drafts['a']!.text).to.equal('Here it is');
      await again.store.ready;
      const clientId = again.store.send('a', { text: 'Here it is', attachments: again.store.state.drafts['a']?.attachments ?? [] })!;
      await settle();
      expect(again.server.sends.map((m) => m.clientId)).to.deep.equal([clientId]);
      expect(again.store.state.outbox[clientId]).to.be.undefined; // delivered, not failed
    } finally {
      Object.defineProperty(window, 'indexedDB', descriptor);
    }
  });

  it('HOSTILE-12: writes are per entry: a second store on the same storage never removes or reverts what it did not change', async () => {
    const storage = new MemoryStorage();
    const a = open(storage);
    await a.store.ready;
    const b = open(storage, a.server);
    await b.store.ready;
    a.store.setDraft('a', draft('Written in A'));
    a.store.flush();
    b.store.setDraft('b', draft('Written in B'));
    b.store.flush();
    a.backend.drop();
    a.store.send('b', { text: 'Queued in A' }); // A holds no draft of b: sending there clears nothing of B's
    a.store.flush();
    b.store.flush();
    const saved = readSaved(storage, KEY);
    expect(saved.drafts.map(([id, d]) => [id, (d as Draft).text]).sort()).to.deep.equal([
      ['a', 'Written in A'],
      ['b', 'Written in B'],
    ]);
    expect(saved.outbox.map(([, e]) => (e as { text: string }).text)).to.deep.equal(['Queued in A']);
    expect(storage.getItem(outboxKey(KEY, saved.outbox[0]![0]))).to.be.a('string');
  });
});
