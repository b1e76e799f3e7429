import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isReadyForOffers, type MediaState } from '../../src/model/agent-state.js';
import { resolveConfig } from '../../src/model/config.js';
import {
  adjacentTask,
  canPresentOffer,
  isHeld,
  load,
  missedOfferOutcome,
  presentedOffers,
  secondsLeft,
  taskDuration,
  taskListOrder,
  transferAvailableDuringVoice,
  unreadCount,
  type Message,
  type Task,
  type TaskStatus,
} from '../../src/model/tasks.js';

const config = resolveConfig({ media: { chat: { capacity: 2 }, sms: {}, whatsapp: { kind: 'social' }, email: { capacity: 1 } } });
const NOW = 1_000_000;

function task(id: string, media: string, status: TaskStatus, over: Partial<Task> = {}): Task {
  return { id, media, status, queue: 'Q', customer: {}, offeredAt: NOW - 5000, expiresAt: NOW + 25_000, ...over };
}

function ready(media: string, over: Partial<MediaState> = {}): MediaState {
  return { media, signIn: 'signed-in', availability: 'ready', routable: true, since: 0, ...over };
}

const allReady = { chat: ready('chat'), sms: ready('sms'), whatsapp: ready('whatsapp'), email: ready('email') };

describe('model: offers', () => {
  it('OFFER-4: chat, SMS and social lose routing then take Chat/Social Not Ready; email only Email', () => {
    const table = config.media.map((m) => [m.id, missedOfferOutcome(m)]);
    expect(table).to.deep.equal([
      ['chat', { nonRoutable: ['chat'], notReady: 'chat-social' }],
      ['sms', { nonRoutable: ['sms'], notReady: 'chat-social' }],
      ['whatsapp', { nonRoutable: ['whatsapp'], notReady: 'chat-social' }],
      ['email', { nonRoutable: [], notReady: 'email' }],
    ]);
  });

  it('OFFER-1/STATE-6: no offer is presented unless the media is signed in, Ready and routable', () => {
    expect(canPresentOffer(config, allReady, [], 'chat')).to.be.true;
    expect(canPresentOffer(config, { ...allReady, chat: ready('chat', { availability: 'not-ready' }) }, [], 'chat')).to.be.false;
    expect(canPresentOffer(config, { ...allReady, chat: ready('chat', { routable: false }) }, [], 'chat')).to.be.false;
    expect(canPresentOffer(config, { ...allReady, chat: ready('chat', { signIn: 'failed' }) }, [], 'chat')).to.be.false;
    expect(canPresentOffer(config, allReady, [], 'fax')).to.be.false;
  });

  it('OFFER-3: capacity counts held tasks and offers on show, per media', () => {
    const tasks = [task('a', 'chat', 'active'), task('b', 'chat', 'offered'), task('c', 'sms', 'active'), task('d', 'chat', 'missed')];
    expect(load(tasks, 'chat')).to.equal(2);
    expect(canPresentOffer(config, allReady, tasks, 'chat')).to.be.false; // capacity 2
    expect(canPresentOffer(config, allReady, tasks, 'sms')).to.be.true; // capacity 3
    expect(canPresentOffer(config, allReady, [task('e', 'email', 'wrap-up')], 'email')).to.be.false; // capacity 1
  });

  it('OFFER-3: offers beyond capacity, or expired, are not presented; the oldest come first', () => {
    const tasks = [
      task('held', 'chat', 'active'),
      task('o2', 'chat', 'offered', { offeredAt: NOW - 1000 }),
      task('o1', 'chat', 'offered', { offeredAt: NOW - 2000 }),
      task('late', 'sms', 'offered', { expiresAt: NOW - 1 }),
      task('e1', 'email', 'offered'),
    ];
    expect(presentedOffers(config, allReady, tasks, NOW).map((t) => t.id)).to.deep.equal(['e1', 'o1']);
  });

  it('OFFER-1: the countdown is whole seconds left, never negative', () => {
    expect(secondsLeft(task('a', 'chat', 'offered', { expiresAt: NOW + 4001 }), NOW)).to.equal(5);
    expect(secondsLeft(task('a', 'chat', 'offered', { expiresAt: NOW - 10 }), NOW)).to.equal(0);
  });
});

describe('model: task list', () => {
  const messages = (...from: Message['from'][]): Message[] =>
    from.map((f, i) => ({ id: `m${i}`, taskId: 't', from: f, text: '', at: i }));

  it('TASK-2/3: unread counts only the customer’s messages past what was read', () => {
    expect(unreadCount(messages('customer', 'agent', 'customer', 'bot', 'customer'), 1)).to.equal(2);
    expect(unreadCount(messages('customer'), undefined)).to.equal(1);
    expect(unreadCount(undefined, 3)).to.equal(0);
    expect(unreadCount(messages('customer'), 5)).to.equal(0);
  });

  it('TASK-4: the timer runs from acceptance, stops at the end, and leaves out voice pauses', () => {
    const t = task('a', 'email', 'active', { acceptedAt: NOW - 60_000 });
    expect(taskDuration(t, NOW)).to.equal(60_000);
    expect(taskDuration(t, NOW, { pausedMs: 10_000 })).to.equal(50_000);
    expect(taskDuration(t, NOW, { pausedMs: 10_000, since: NOW - 5000 })).to.equal(45_000);
    expect(taskDuration({ ...t, endedAt: NOW - 30_000 }, NOW)).to.equal(30_000);
  });

  it('OFFER-2/TASK-3: held tasks in acceptance order; next and previous wrap', () => {
    const list = taskListOrder([
      task('b', 'chat', 'active', { acceptedAt: 2 }),
      task('o', 'chat', 'offered'),
      task('a', 'sms', 'wrap-up', { acceptedAt: 1 }),
      task('c', 'email', 'active', { acceptedAt: 3 }),
    ]);
    expect(list.map((t) => t.id)).to.deep.equal(['a', 'b', 'c']);
    expect(adjacentTask(list, 'c', 1)!.id).to.equal('a');
    expect(adjacentTask(list, 'a', -1)!.id).to.equal('c');
    expect(adjacentTask(list, undefined, 1)!.id).to.equal('a');
    expect(adjacentTask(list, undefined, -1)!.id).to.equal('c');
    expect(adjacentTask([], 'a', 1)).to.be.undefined;
  });
});

describe('model: offers on show, any tasks', () => {
  /** The rule as first written: for each offer, count its media's held tasks and offers kept so far. */
  function reference(states: Readonly<Record<string, MediaState>>, tasks: readonly Task[], now: number): string[] {
    const result: Task[] = [];
    const offers = tasks.filter((t) => t.status === 'offered' && t.expiresAt > now).sort((a, b) => a.offeredAt - b.offeredAt);
    for (const offer of offers) {
      const m = config.media.find((x) => x.id === offer.media);
      const state = states[offer.media];
      if (!m || !state || !isReadyForOffers(state)) continue;
      const used = tasks.filter((t) => t.media === offer.media && isHeld(t)).length + result.filter((t) => t.media === offer.media).length;
      if (used < m.capacity) result.push(offer);
    }
    return result.map((t) => t.id);
  }

  it('OFFER-1/3, STATE-6: the same offers, in the same order, as counting each media afresh per offer (seeded)', () => {
    const statuses: TaskStatus[] = ['offered', 'active', 'wrap-up', 'closed', 'missed', 'rescinded', 'transferred'];
    const arbTask = fc.record({
      media: fc.constantFrom('chat', 'sms', 'whatsapp', 'email', 'fax'),
      status: fc.constantFrom(...statuses),
      offeredAt: fc.integer({ min: NOW - 10, max: NOW }),
      expiresAt: fc.integer({ min: NOW - 2, max: NOW + 2 }),
    });
    const arbState = (media: string) =>
      fc.record({ availability: fc.constantFrom('ready', 'not-ready'), routable: fc.boolean() }).map((s) =>
        ready(media, s as Partial<MediaState>),
      );
    fc.assert(
      fc.property(
        fc.array(arbTask, { maxLength: 40 }),
        fc.record({ chat: arbState('chat'), sms: arbState('sms'), whatsapp: arbState('whatsapp'), email: arbState('email') }),
        (specs, states) => {
          const tasks = specs.map((s, i) => task(`t${i}`, s.media, s.status, { offeredAt: s.offeredAt, expiresAt: s.expiresAt }));
          expect(presentedOffers(config, states, tasks, NOW).map((t) => t.id)).to.deep.equal(reference(states, tasks, NOW));
        },
      ),
      { seed: 8, numRuns: 300 },
    );
  });
});

describe('model: voice calls', () => {
  it('XFER-2: during a voice call Transfer is disabled where timers pause, available where they run', () => {
    const mixed = resolveConfig({ media: { chat: {}, sms: { pauseOnVoice: true }, email: {}, whatsapp: { kind: 'social', pauseOnVoice: false } } });
    const table: [string, boolean, boolean][] = [
      ['chat', false, true],
      ['chat', true, true],
      ['sms', false, true],
      ['sms', true, false],
      ['email', true, false], // email pauses on voice by default
      ['whatsapp', true, true],
    ];
    expect(table.map(([media, voice]) => [media, voice, transferAvailableDuringVoice(mixed, media, voice)])).to.deep.equal(table);
  });
});
