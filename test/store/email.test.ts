/**
 * The email reply through the store (MAIL-1, MAIL-5..10, COMP-12, COMP-13): the outgoing email goes
 * with its outbox entry through a refusal and Retry, a reload and the resend after a reconnect, and
 * reaches the backend as `OutgoingMessage.email`; the thread's optimistic row of it carries its
 * headers; an email draft is kept (even with an empty body) until Delete; saved email drafts and
 * outbox entries are checked as they are restored.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ManualClock } from '../../src/backend/clock.js';
import { DcBackendError } from '../../src/backend/types.js';
import { resolveConfig } from '../../src/model/config.js';
import { pendingEmailMessage, senderAddress, type EmailDraft, type OutgoingEmail } from '../../src/model/email.js';
import { isBlankDraft } from '../../src/model/draft.js';
import { MemoryBlobStore } from '../../src/store/blobs.js';
import { draftKey, MemoryStorage, outboxKey } from '../../src/store/persist.js';
import { checkDraft, checkEmailDraft, checkOutboxEntry, checkOutgoingEmail } from '../../src/store/schema.js';
import type { Draft } from '../../src/store/state.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';
import { ScriptBackend, ScriptServer, settle, task } from './script-backend.js';

const config = resolveConfig({ retryDelayMs: 1000, media: { email: { email: { selfAddresses: ['support@example.com', 'claims@example.com'] } } } });
const KEY = config.storageKey;
const MEDIA = config.media.map((m) => m.id);
const T = Date.UTC(2026, 10, 24, 9, 0, 0);

const EMAIL: OutgoingEmail = {
  mode: 'reply-all',
  to: ['Ana Lima <ana@client.example>'],
  cc: ['bo@client.example'],
  bcc: ['audit@example.com'],
  subject: 'Re: My invoice',
  html: '<p>Hello Ana,</p><p>Your invoice is attached.</p>',
  inReplyTo: '<abc@client.example>',
};

const EMAIL_DRAFT: EmailDraft = {
  mode: 'reply',
  repliedId: 'm1',
  to: ['ana@client.example'],
  cc: [],
  bcc: [],
  subject: 'Re: My invoice',
  ccShown: false,
  bccShown: false,
  html: '',
};

/** A store over `storage` on a server holding an active email task `e`. */
function open(storage: Storage, server?: ScriptServer) {
  const clock = new ManualClock(T + 60_000);
  const theServer = server ?? new ScriptServer(MEDIA, () => clock.now());
  if (!server) {
    theServer.seq = 1;
    theServer.tasks.set('e', task('e', 'email', 'active', T, 'Ana'));
  }
  const backend = new ScriptBackend(theServer);
  const warn = console.warn;
  console.warn = () => {};
  let store: DcStore;
  try {
    store = new DcStore({ config, backend, clock, storage, blobs: new MemoryBlobStore() });
  } finally {
    console.warn = warn;
  }
  const errors: DcStoreError[] = [];
  store.onError((e) => errors.push(e));
  return { clock, server: theServer, backend, store, errors };
}

describe('store: the email reply (MAIL-5..10)', () => {
  it('MAIL-5, COMP-12: the email goes with its outbox entry through a refusal, Retry, a reload and the resend after a reconnect', async () => {
    const storage = new MemoryStorage();
    const kit = open(storage);
    await kit.store.ready;
    // Refused once: the entry keeps its email, and Retry sends it again.
    kit.backend.onSend = () => Promise.reject(new DcBackendError('rejected', 'Mail server busy'));
    const clientId = kit.store.send('e', { text: 'Hello Ana, your invoice is attached.', email: EMAIL })!;
    expect(kit.store.state.outbox[clientId]!.email).to.deep.equal(EMAIL);
    await settle();
    expect(kit.store.state.outbox[clientId]).to.include({ status: 'failed', reason: 'Mail server busy' });
    expect(kit.store.state.outbox[clientId]!.email).to.deep.equal(EMAIL);
    // Offline now: Retry queues it, and the page reloads before the connection comes back.
    kit.backend.drop();
    kit.store.retry(clientId);
    await settle();
    expect(kit.store.state.outbox[clientId]).to.include({ status: 'queued' });
    expect(JSON.parse(storage.getItem(outboxKey(KEY, clientId))!).email).to.deep.equal(EMAIL);
    kit.store.dispose();
    const again = open(storage, kit.server);
    again.backend.drop();
    expect(again.store.state.outbox[clientId]!.email, 'restored from storage').to.deep.equal(EMAIL);
    // Back online: delivered once, the email reaching the backend as OutgoingMessage.email.
    again.backend.restore();
    await settle();
    expect(again.store.state.outbox).to.deep.equal({});
    const sends = kit.server.sends.filter((s) => s.clientId === clientId);
    expect(sends.length, 'sent once, after the reload').to.equal(1);
    expect(sends[0]!.email).to.deep.equal(EMAIL);
    expect(sends[0]!.text).to.equal('Hello Ana, your invoice is attached.');
    expect(again.errors).to.deep.equal([]);
    again.store.dispose();
  });

  it('MAIL-1: the optimistic row of an email in the outbox is an agent email from the media’s first own address (else the agent’s id)', async () => {
    const kit = open(new MemoryStorage());
    await kit.store.ready;
    kit.backend.drop();
    const clientId = kit.store.send('e', { text: 'Hello Ana', email: EMAIL })!;
    const entry = kit.store.state.outbox[clientId]!;
    const from = senderAddress(config.media.find((m) => m.id === 'email')!.email, config.agent.id);
    expect(from).to.equal('support@example.com');
    const message = pendingEmailMessage(entry, from)!;
    expect(message).to.deep.include({ id: `c:${clientId}`, taskId: 'e', from: 'agent', text: 'Hello Ana', receipt: 'sending', clientId });
    expect(message.email).to.deep.equal({ from: 'support@example.com', to: EMAIL.to, cc: EMAIL.cc, subject: EMAIL.subject, html: EMAIL.html });
    expect(senderAddress({ selfAddresses: [] }, 'agent-7')).to.equal('agent-7');
    expect(pendingEmailMessage({ ...entry, status: 'failed', reason: 'Bounced' }, from)).to.deep.include({ receipt: 'failed', failure: 'Bounced' });
    // A chat message in the outbox has no email row.
    const { email: _e, ...chat } = entry;
    expect(pendingEmailMessage(chat, from)).to.equal(undefined);
    kit.store.dispose();
  });

  it('MAIL-10, COMP-13: an email draft is kept with an empty body, across a reload, until Delete', async () => {
    const storage = new MemoryStorage();
    const kit = open(storage);
    await kit.store.ready;
    const draft: Draft = { text: '', spans: [], attachments: [], email: EMAIL_DRAFT };
    expect(isBlankDraft(draft)).to.be.false;
    expect(isBlankDraft({ text: '', spans: [], attachments: [] })).to.be.true;
    kit.store.setDraft('e', draft);
    expect(kit.store.state.drafts['e']).to.deep.equal(draft);
    kit.store.dispose();
    const again = open(storage, kit.server);
    expect(again.store.state.drafts['e']).to.deep.equal(draft);
    again.store.setDraft('e', undefined); // Delete
    expect(again.store.state.drafts['e']).to.equal(undefined);
    await again.clock.advance(10_000); // drafts are written after a pause
    expect(storage.getItem(draftKey(KEY, 'e'))).to.equal(null);
    expect(again.errors).to.deep.equal([]);
    again.store.dispose();
  });

  it('MAIL-10, COMP-13: a saved email draft whose fields do not check out keeps its text, without the email part, and says why', async () => {
    const storage = new MemoryStorage();
    const server = new ScriptServer(MEDIA, () => T);
    server.tasks.set('e', task('e', 'email', 'active', T));
    server.tasks.set('f', task('f', 'email', 'active', T));
    storage.setItem(draftKey(KEY, 'e'), JSON.stringify({ text: 'Dear Ana', spans: [], attachments: [], email: { ...EMAIL_DRAFT, to: 'ana@client.example' } }));
    storage.setItem(draftKey(KEY, 'f'), JSON.stringify({ text: 'Hi', spans: [], attachments: [], email: { ...EMAIL_DRAFT, html: 'x'.repeat(1_000_001) } }));
    const kit = open(storage, server);
    expect(kit.store.state.drafts['e']).to.deep.equal({ text: 'Dear Ana', spans: [], attachments: [] });
    expect(kit.store.state.drafts['f']).to.deep.equal({ text: 'Hi', spans: [], attachments: [] });
    const report = kit.errors.map((e) => e.message).join('\n');
    expect(report).to.contain('drafts.e.email.to is not a list of addresses');
    expect(report).to.contain('drafts.f.email.html is longer than 1000000 characters');
    // Handed in by the composer, the same check.
    await kit.store.ready;
    kit.store.setDraft('e', { text: 'x', spans: [], attachments: [], email: { ...EMAIL_DRAFT, mode: 'reply-to-none' } } as unknown as Draft);
    expect(kit.store.state.drafts['e']).to.deep.equal({ text: 'x', spans: [], attachments: [] });
    expect(kit.errors.at(-1)!.message).to.equal('Draft for task e: draft.email.mode is "reply-to-none" (left out)');
    kit.store.dispose();
  });

  it('MAIL-5, COMP-12: a saved outbox entry whose email does not check out is not sent, and is named; the good one is', async () => {
    const storage = new MemoryStorage();
    const server = new ScriptServer(MEDIA, () => T);
    server.tasks.set('e', task('e', 'email', 'active', T));
    const entry = (clientId: string, email: unknown) => ({ clientId, taskId: 'e', text: 'Hello', attachments: [], email, createdAt: T, status: 'queued' });
    storage.setItem(outboxKey(KEY, 'good'), JSON.stringify(entry('good', EMAIL)));
    storage.setItem(outboxKey(KEY, 'bad'), JSON.stringify(entry('bad', { ...EMAIL, bcc: [42] })));
    const kit = open(storage, server);
    expect(Object.keys(kit.store.state.outbox)).to.deep.equal(['good']);
    expect(kit.errors.map((e) => e.message).join('\n')).to.contain('outbox.bad.email.bcc[0] is 42, not an address; the email is not sent');
    await kit.store.ready;
    await settle();
    expect(server.sends.map((s) => [s.clientId, s.email])).to.deep.equal([['good', EMAIL]]);
    kit.store.dispose();
  });

  it('MAIL-5, MAIL-10: the email checks of saved state take anything, and keep only well-formed fields (seeded property)', () => {
    const value = fc.anything({ withBigInt: true, withNullPrototype: true, maxDepth: 2 });
    const addresses = fc.oneof(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), value);
    const emailish = fc.record(
      {
        mode: fc.oneof(fc.constantFrom('reply', 'reply-all', 'forward'), value),
        to: addresses,
        cc: addresses,
        bcc: addresses,
        subject: fc.oneof(fc.string(), value),
        html: fc.oneof(fc.string(), value),
        repliedId: fc.oneof(fc.string(), value),
        ccShown: fc.oneof(fc.boolean(), value),
        bccShown: fc.oneof(fc.boolean(), value),
        inReplyTo: fc.oneof(fc.string(), value),
      },
      { requiredKeys: [] },
    );
    const isList = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
    fc.assert(
      fc.property(fc.oneof(emailish, value), (raw) => {
        const draft = checkEmailDraft(raw);
        if (draft.ok) {
          const d = draft.value;
          expect(['reply', 'reply-all', 'forward']).to.include(d.mode);
          expect(isList(d.to) && isList(d.cc) && isList(d.bcc)).to.be.true;
          expect(typeof d.subject === 'string' && typeof d.html === 'string' && typeof d.repliedId === 'string').to.be.true;
          expect(typeof d.ccShown === 'boolean' && typeof d.bccShown === 'boolean').to.be.true;
        } else expect(draft.error).to.match(/^draft\.email/);
        const sent = checkOutgoingEmail(raw);
        if (sent.ok) expect(sent.value.inReplyTo === undefined || typeof sent.value.inReplyTo === 'string').to.be.true;
        else expect(sent.error).to.match(/^outbox\.email/);
        // Inside a draft: the text always stays; inside an outbox entry: kept with a good email, else named.
        const inDraft = checkDraft({ text: 'kept', spans: [], attachments: [], email: raw });
        expect(inDraft.ok && inDraft.value.text).to.equal('kept');
        expect(inDraft.ok && (inDraft.value.email !== undefined) === draft.ok).to.be.true;
        const inOutbox = checkOutboxEntry({ clientId: 'c', taskId: 't', text: 'x', attachments: [], createdAt: T, status: 'queued', email: raw }, 'outbox.c');
        expect(inOutbox.ok).to.equal(raw === undefined || sent.ok);
      }),
      { seed: 11_005, numRuns: 1500 },
    );
  });
});
