/**
 * OFFER-4 as one rule (`missedOfferChanges`): the agent-state changes a missed offer makes, from the
 * current states. The simulated contact centre applies exactly these; the store words its notification
 * with the same rule's group (`missedOfferOutcome`).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { MediaState, SignInStatus } from '../../src/model/agent-state.js';
import { resolveConfig } from '../../src/model/config.js';
import { missedOfferChanges, missedOfferOutcome } from '../../src/model/tasks.js';

const config = resolveConfig({
  media: { chat: {}, sms: {}, whatsapp: { kind: 'social' }, email: {}, fax: { kind: 'email' } },
});
const NOW = 5_000_000;

function ready(media: string, over: Partial<MediaState> = {}): MediaState {
  return { media, signIn: 'signed-in', availability: 'ready', routable: true, since: 1000, ...over };
}

const allReady = () => Object.fromEntries(config.media.map((m) => [m.id, ready(m.id)]));

/** The changes as `media change` lines, in order: what a reader of the table expects to see. */
const lines = (changes: ReturnType<typeof missedOfferChanges>) => changes.map((c) => `${c.state.media} ${c.change}`);

describe('model: OFFER-4, the changes a missed offer makes', () => {
  it('OFFER-4: a missed chat takes chat out of routing, then every Chat/Social media Not Ready', () => {
    const changes = missedOfferChanges(config, 'chat', allReady(), NOW);
    expect(lines(changes)).to.deep.equal(['chat non-routable', 'chat not-ready', 'sms not-ready', 'whatsapp not-ready']);
    const last = new Map(changes.map((c) => [c.state.media, c.state]));
    expect(last.get('chat')).to.deep.equal({ media: 'chat', signIn: 'signed-in', availability: 'not-ready', routable: false, since: NOW });
    expect(last.get('sms')).to.deep.equal({ media: 'sms', signIn: 'signed-in', availability: 'not-ready', routable: true, since: NOW });
    expect(changes[0]!.state).to.deep.equal({ ...ready('chat'), routable: false, since: NOW });
  });

  it('OFFER-4: SMS and social do the same to their own media; email and other email media are left alone', () => {
    expect(lines(missedOfferChanges(config, 'sms', allReady(), NOW))).to.deep.equal([
      'sms non-routable',
      'chat not-ready',
      'sms not-ready',
      'whatsapp not-ready',
    ]);
    expect(lines(missedOfferChanges(config, 'whatsapp', allReady(), NOW))).to.deep.equal([
      'whatsapp non-routable',
      'chat not-ready',
      'sms not-ready',
      'whatsapp not-ready',
    ]);
  });

  it('OFFER-4: a missed email takes only the Email group Not Ready, and stays routable', () => {
    const changes = missedOfferChanges(config, 'email', allReady(), NOW);
    expect(lines(changes)).to.deep.equal(['email not-ready', 'fax not-ready']);
    expect(changes.every((c) => c.state.routable)).to.be.true;
    expect(missedOfferOutcome(config.media.find((m) => m.id === 'email')!)).to.deep.equal({ nonRoutable: [], notReady: 'email' });
  });

  it('OFFER-4: a media already Not Ready keeps its reason and its time; one not signed in does not change', () => {
    const states = {
      ...allReady(),
      sms: ready('sms', { availability: 'not-ready', reasonId: 'lunch', since: 42 }),
      whatsapp: ready('whatsapp', { signIn: 'failed', availability: 'not-ready' }),
    };
    expect(lines(missedOfferChanges(config, 'chat', states, NOW))).to.deep.equal(['chat non-routable', 'chat not-ready']);
  });

  it('OFFER-4: a media already out of routing only goes Not Ready; a signed-out one and an unknown one change nothing', () => {
    const states = { ...allReady(), chat: ready('chat', { routable: false }) };
    expect(lines(missedOfferChanges(config, 'chat', states, NOW))).to.deep.equal(['chat not-ready', 'sms not-ready', 'whatsapp not-ready']);
    const signedOut = { ...allReady(), email: ready('email', { signIn: 'signed-out', availability: 'not-ready' }) };
    expect(lines(missedOfferChanges(config, 'email', signedOut, NOW))).to.deep.equal(['fax not-ready']);
    expect(missedOfferChanges(config, 'pigeon', allReady(), NOW)).to.deep.equal([]);
    expect(missedOfferChanges(config, 'chat', {}, NOW)).to.deep.equal([]);
  });

  it('OFFER-4: a system state (a Finesse server’s) is kept through the change', () => {
    const states = { ...allReady(), sms: ready('sms', { systemState: 'active' }) };
    const sms = missedOfferChanges(config, 'chat', states, NOW).find((c) => c.state.media === 'sms')!;
    expect(sms.state).to.deep.include({ availability: 'not-ready', systemState: 'active' });
  });

  it('OFFER-4 (property, seeded): only signed-in media of the rule change; after the changes, the rule asks for none', () => {
    const signIn = fc.constantFrom<SignInStatus>('signed-out', 'signing-in', 'signed-in', 'failed');
    const state = (media: string) =>
      fc.record({
        media: fc.constant(media),
        signIn,
        availability: fc.constantFrom('ready' as const, 'not-ready' as const),
        routable: fc.boolean(),
        since: fc.nat(),
        reasonId: fc.option(fc.constantFrom('lunch', 'break'), { nil: undefined }),
      });
    const states = fc.record(Object.fromEntries(config.media.map((m) => [m.id, fc.option(state(m.id), { nil: undefined })])));
    const missed = fc.constantFrom(...config.media.map((m) => m.id));
    fc.assert(
      fc.property(states, missed, (before, media) => {
        const changes = missedOfferChanges(config, media, before, NOW);
        const group = config.media.find((m) => m.id === media)!.group;
        for (const { change, state: after } of changes) {
          const previous = before[after.media]!;
          expect(previous.signIn).to.equal('signed-in');
          expect(after.since).to.equal(NOW);
          if (change === 'non-routable') {
            expect(after.media).to.equal(media);
            expect(after.routable).to.be.false;
          } else {
            expect(config.media.find((m) => m.id === after.media)!.group).to.equal(group);
            expect(after.availability).to.equal('not-ready');
            expect(after.reasonId).to.be.undefined;
          }
        }
        const after = { ...before, ...Object.fromEntries(changes.map((c) => [c.state.media, c.state])) };
        expect(missedOfferChanges(config, media, after, NOW + 1)).to.deep.equal([]);
      }),
      { seed: 4, numRuns: 300 },
    );
  });
});
