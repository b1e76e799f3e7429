/**
 * The simulated contact centre's emails (MAIL-1..4, MAIL-8): email tasks open on real emails of each
 * shape the email thread must meet, picked per task from the seed; the agent's email comes back as sent
 * with receipts sending → sent → delivered; the customer writes follow-up emails, on their own pace
 * or on demand; the sample email configuration checks out.
 */
import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import { checkEvent, checkMessage, MAX_EMAIL_HTML } from '../../src/backend/events.js';
import type { DcEvent } from '../../src/backend/types.js';
import { resolveEmailConfig } from '../../src/model/email.js';
import { splitQuotedText } from '../../src/model/email-quotes.js';
import type { Message } from '../../src/model/tasks.js';
import { EMAIL_SAMPLES, SimulatedBackend, type EmailSample, type SimulatedBackendOptions } from '../../src/simulator/index.js';
import { SAMPLE_EMAIL_CONFIG } from '../../src/simulator/options.js';
import { MemoryBlobStore } from '../../src/store/blobs.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { DcStore, type DcStoreError } from '../../src/store/store.js';

const LATENCY = 50;

/** A simulated centre with email signed in and Ready, its events kept. */
async function ready(options: SimulatedBackendOptions = {}) {
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ clock, latencyMs: LATENCY, media: ['chat', 'email'], ...options });
  const events: DcEvent[] = [];
  backend.subscribe({ event: (e) => events.push(e as DcEvent), connection: () => {} });
  const step = async (p: Promise<unknown>) => {
    await clock.advance(LATENCY);
    await p;
  };
  await step(backend.connect());
  await step(backend.signIn('email'));
  await step(backend.setState('email', { availability: 'ready' }));
  return { clock, backend, events, step };
}

/** An accepted email task opening on `sample`, and its first message. */
async function emailTask(kit: Awaited<ReturnType<typeof ready>>, sample?: EmailSample) {
  const task = kit.backend.offer('email', sample ? { email: sample } : {})!;
  await kit.step(kit.backend.accept(task.id));
  return { task, first: kit.backend.serverMessages(task.id)[0]! };
}

const KNOWN = new Set(['chat', 'email']);

describe('backend: the simulated centre’s emails', () => {
  it('MAIL-1, MAIL-3, MAIL-8: each sample is a real email that passes the kit’s checks, text and headers set', async () => {
    const kit = await ready();
    const seen: Record<string, Message> = {};
    for (const sample of EMAIL_SAMPLES) {
      const { task, first } = await emailTask(kit, sample);
      expect(first.from, sample).to.equal('customer');
      expect(first.email!.from, sample).to.equal(`${task.customer['name']} <${task.customer['email']}>`);
      expect(first.email!.to).to.deep.equal(['support@example.com']);
      expect(first.email!.subject).to.equal(task.customer['question']);
      expect(first.email!.messageId).to.match(/^<.+@.+>$/);
      expect(first.text.trim(), sample).to.not.equal('');
      expect(checkMessage(first, 'message').ok, sample).to.be.true;
      seen[sample] = first;
      await kit.step(kit.backend.end(task.id));
    }
    // The events on the stream carried them, each checked as the store checks it.
    const messages = kit.events.filter((e) => e.type === 'message' && e.message.email);
    expect(messages).to.have.length(EMAIL_SAMPLES.length);
    for (const e of messages) expect(checkEvent(e, KNOWN).ok).to.be.true;

    const { rich, 'inline-image': inline, 'remote-images': remote, quoted, attachments, plain, newsletter } = seen as Record<EmailSample, Message>;
    expect(rich!.email!.html).to.contain('<style>').and.contain('<table class="order"');
    const photo = inline!.attachments![0]!;
    expect(photo).to.include({ inline: true, type: 'image/png' });
    expect(photo.url).to.match(/^data:image\/png;base64,/);
    expect(inline!.email!.html).to.contain(`src="cid:${photo.contentId}"`);
    expect(remote!.email!.html).to.match(/src="https:\/\/images\.example\.net\//).and.match(/src="https:\/\/track\.example\.net\/open\.gif\?id=/);
    const html = quoted!.email!.html!;
    for (const mark of ['class="gmail_quote"', 'id="divRplyFwdMsg"', '<hr', '<blockquote type="cite">']) expect(html, mark).to.contain(mark);
    expect(html.match(/<blockquote/g)).to.have.length(3);
    const split = splitQuotedText(quoted!.text);
    expect(split.body).to.contain('This is the third time I write about this.');
    expect(split.body).to.not.contain('wrote:');
    expect(split.quoted).to.contain('> ').and.contain('From: ').and.contain('Sent: ');
    const blocked = attachments!.attachments!.filter((a) => a.pciBlocked);
    expect(blocked.map((a) => a.pciBlocked)).to.deep.equal(['Card number found in the file']);
    expect(attachments!.attachments!.filter((a) => !a.pciBlocked).every((a) => a.url.startsWith('data:'))).to.be.true;
    expect(plain!.email!.html).to.equal(undefined);
    expect(plain!.text).to.contain('\n').and.match(/\nhttps:\/\/tracking\.example\.net\/\S+\n/);
    const size = newsletter!.email!.html!.length;
    expect(size).to.be.within(180_000, 260_000).and.below(MAX_EMAIL_HTML);
    expect(newsletter!.text.length).to.be.below(100_000);
  });

  it('MAIL-1: an email task opens on an email picked per task, the same again for the same seed', async () => {
    const samples = async (seed: number) => {
      const kit = await ready({ seed });
      const kinds: string[] = [];
      for (let i = 0; i < 12; i++) {
        const { task, first } = await emailTask(kit);
        kinds.push(
          first.email!.html === undefined
            ? 'plain'
            : first.attachments?.some((a) => a.inline)
              ? 'inline'
              : first.attachments?.length
                ? 'files'
                : `html:${first.email!.html.length > 100_000 ? 'big' : first.email!.html.slice(0, 30)}`,
        );
        await kit.step(kit.backend.end(task.id));
      }
      return kinds;
    };
    const a = await samples(3);
    expect(await samples(3)).to.deep.equal(a);
    expect(new Set(a).size, a.join()).to.be.at.least(4);
    // A given text opens a plain email with it as the body.
    const kit = await ready();
    const task = kit.backend.offer('email', { text: 'Please call me back.' })!;
    const first = kit.backend.serverMessages(task.id)[0]!;
    expect(first.text).to.equal('Please call me back.');
    expect(first.email).to.include({ subject: task.customer['question'] });
  });

  it('MAIL-1: the agent’s email comes back from the media’s own address, as sent, then sending → sent → delivered (DR), never read', async () => {
    const kit = await ready();
    const { task, first } = await emailTask(kit, 'plain');
    const email = { mode: 'reply', to: [first.email!.from], cc: ['boss@client.example'], bcc: [], subject: `Re: ${first.email!.subject}`, html: '<p>Hello,</p><p>Done.</p>' } as const;
    await kit.step(kit.backend.send({ clientId: 'c-1', taskId: task.id, text: 'Hello,\n\nDone.', attachments: [], email }));
    const mine = () => kit.backend.serverMessages(task.id).find((m) => m.clientId === 'c-1')!;
    expect(mine().email).to.deep.equal({ from: 'support@example.com', to: email.to, cc: email.cc, subject: email.subject, html: email.html });
    expect(mine()).to.include({ from: 'agent', receipt: 'sending', text: 'Hello,\n\nDone.' });
    await kit.clock.advance(60_000);
    const receipts = kit.events.filter((e) => e.type === 'receipt' && e.messageId === mine().id).map((e) => (e as { receipt: string }).receipt);
    expect(receipts).to.deep.equal(['sent', 'delivered']);
    expect(mine().receipt).to.equal('delivered');
    // The same client id again is the same email (no second one).
    await kit.step(kit.backend.send({ clientId: 'c-1', taskId: task.id, text: 'x', attachments: [], email }));
    expect(kit.backend.serverMessages(task.id).filter((m) => m.clientId === 'c-1')).to.have.length(1);
  });

  it('MAIL-1: read back from storage, a delivered email stays delivered and one on its way goes on to delivered', async () => {
    const storage = new MemoryStorage();
    const kit = await ready({ storage, storageKey: 'server' });
    const { task, first } = await emailTask(kit, 'plain');
    const email = { mode: 'reply', to: [first.email!.from], cc: [], bcc: [], subject: 'Re: x', html: '<p>Done.</p>' } as const;
    await kit.step(kit.backend.send({ clientId: 'c-1', taskId: task.id, text: 'Done.', attachments: [], email }));
    await kit.clock.advance(60_000);
    await kit.step(kit.backend.send({ clientId: 'c-2', taskId: task.id, text: 'Also.', attachments: [], email }));
    kit.backend.close();
    const clock = new ManualClock(kit.clock.now());
    const again = new SimulatedBackend({ clock, latencyMs: LATENCY, media: ['chat', 'email'], storage, storageKey: 'server' });
    const receipt = (id: string) => again.serverMessages(task.id).find((m) => m.clientId === id)!.receipt;
    expect([receipt('c-1'), receipt('c-2')]).to.deep.equal(['delivered', 'sending']);
    await clock.advance(60_000);
    expect([receipt('c-1'), receipt('c-2')]).to.deep.equal(['delivered', 'delivered']);
    again.close();
  });

  it('MAIL-4: a follow-up email arrives on demand ("Re: …", the last email quoted) and, with a pace, by itself, the same for the same seed', async () => {
    const kit = await ready();
    const { task, first } = await emailTask(kit, 'rich');
    const next = kit.backend.customerEmail(task.id, 'Hello,\n\nAny news?');
    expect(next.email!.subject).to.equal(`Re: ${first.email!.subject}`);
    expect(next.email!.from).to.equal(first.email!.from);
    expect(next.email!.html).to.contain('class="gmail_quote"');
    expect(splitQuotedText(next.text).body.trim()).to.equal('Hello,\n\nAny news?');
    expect(checkMessage(next, 'message').ok).to.be.true;
    // A second one stays "Re: …", not "Re: Re: …", and quotes the last email's own words, not its history.
    const third = kit.backend.customerEmail(task.id);
    expect(third.email!.subject).to.equal(`Re: ${first.email!.subject}`);
    expect(third.text.match(/wrote:/g)).to.have.length(1);
    expect(third.text).to.contain('> Any news?');
    // customerMessage with a text in an email task: an email of that text alone.
    const scripted = kit.backend.customerMessage(task.id, 'Message 1');
    expect(scripted).to.deep.include({ text: 'Message 1' });
    expect(scripted.email!.subject).to.equal(`Re: ${first.email!.subject}`);
    // Follow-ups over the newsletter stay within what the kit takes.
    const big = await emailTask(kit, 'newsletter');
    expect(checkMessage(kit.backend.customerEmail(big.task.id), 'message').ok).to.be.true;

    const run = async () => {
      const paced = await ready({ seed: 11, emailFollowUpsPerMinute: 2 });
      const { task: t } = await emailTask(paced, 'plain');
      await paced.clock.advance(5 * 60_000);
      const follow = paced.backend.serverMessages(t.id).slice(1);
      expect(paced.events.some((e) => e.type === 'typing'), 'no typing shown for email').to.be.false;
      return follow.map((m) => [m.at, m.email?.subject, m.text.split('\n\n')[1]]);
    };
    const once = await run();
    expect(once.length, 'follow-ups arrived').to.be.at.least(3);
    expect(once.every(([, subject]) => subject === `Re: ${(once[0]![1] as string).slice(4)}`)).to.be.true;
    expect(await run()).to.deep.equal(once);
  });

  it('MAIL-5: the sample email configuration passes resolveEmailConfig without a problem and is the default', async () => {
    const problems: string[] = [];
    const resolved = resolveEmailConfig(SAMPLE_EMAIL_CONFIG, 'media.email.email', (path, why) => problems.push(`${path} ${why}`));
    expect(problems).to.deep.equal([]);
    const { backend } = await ready();
    const email = backend.config.media.find((m) => m.id === 'email')!.email;
    expect(email).to.deep.equal(resolved);
    expect(email.selfAddresses[0]).to.equal('support@example.com');
    expect(email.confirmOutsideDomain).to.be.true;
    expect(email.signatures.map((s) => s.queue)).to.deep.equal(['Claims email', 'Billing email', '*']);
  });

  it('MAIL-1, MAIL-8: a store on the simulated centre takes every sample without a report', async () => {
    const clock = new ManualClock();
    const backend = new SimulatedBackend({ clock, latencyMs: LATENCY, media: ['email'] });
    const store = new DcStore({ config: backend.config, backend, clock, storage: null, blobs: new MemoryBlobStore() });
    const errors: DcStoreError[] = [];
    store.onError((e) => errors.push(e));
    await clock.advance(LATENCY * 2);
    store.signIn();
    await clock.advance(LATENCY * 2);
    store.setState('all', { availability: 'ready' });
    await clock.advance(LATENCY * 2);
    for (const sample of EMAIL_SAMPLES) {
      const offer = backend.offer('email', { email: sample })!;
      store.accept(offer.id);
      await clock.advance(LATENCY * 2);
      expect(store.state.messages[offer.id]![0]!.email, sample).to.not.equal(undefined);
      const ended = backend.end(offer.id);
      await clock.advance(LATENCY * 2);
      await ended;
    }
    expect(errors).to.deep.equal([]);
    store.dispose();
    backend.close();
  });
});
