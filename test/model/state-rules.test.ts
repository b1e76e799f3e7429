import { expect } from '@open-wc/testing';
import type { MediaState } from '../../src/model/agent-state.js';
import { resolveConfig } from '../../src/model/config.js';
import {
  aggregateLook,
  canSignOut,
  groupLook,
  groupPropagation,
  mediaToSignIn,
  menuSections,
  needsSignIn,
  planStateChange,
  retryDelay,
  type MediaStates,
} from '../../src/model/state-rules.js';

const config = resolveConfig({});
const T = 1_000;

type Short = 'out' | 'in' | 'fail' | 'R' | 'NR' | 'lunch' | 'break' | 'nonroutable';

function st(media: string, s: Short): MediaState {
  switch (s) {
    case 'out':
      return { media, signIn: 'signed-out', availability: 'not-ready', routable: true, since: T };
    case 'in':
      return { media, signIn: 'signing-in', availability: 'not-ready', routable: true, since: T };
    case 'fail':
      return { media, signIn: 'failed', availability: 'not-ready', routable: true, since: T, signInError: 'x' };
    case 'R':
      return { media, signIn: 'signed-in', availability: 'ready', routable: true, since: T };
    case 'NR':
      return { media, signIn: 'signed-in', availability: 'not-ready', routable: true, since: T };
    case 'lunch':
    case 'break':
      return { media, signIn: 'signed-in', availability: 'not-ready', reasonId: s, routable: true, since: T };
    case 'nonroutable':
      return { media, signIn: 'signed-in', availability: 'not-ready', routable: false, since: T };
  }
}

/** States for chat, sms, social, email in that order. */
function states(chat: Short, sms: Short, social: Short, email: Short): MediaStates {
  return { chat: st('chat', chat), sms: st('sms', sms), social: st('social', social), email: st('email', email) };
}

const entries = (s: MediaStates) =>
  menuSections(config, s).map((section) => ({
    scope: section.scope,
    entries: section.entries.map((e) =>
      e.kind === 'ready' ? 'ready' : e.kind === 'sign-in' ? `sign-in:${e.media.join(',')}` : `not-ready${e.reasonId ? ':' + e.reasonId : ''}`,
    ),
  }));

describe('model: sign-in rules', () => {
  it('SIGN-1: the Sign In dialog shows until one media is signed in', () => {
    expect(needsSignIn(config, states('out', 'out', 'out', 'out'))).to.be.true;
    expect(needsSignIn(config, states('fail', 'fail', 'in', 'fail'))).to.be.true;
    expect(needsSignIn(config, states('fail', 'NR', 'fail', 'fail'))).to.be.false;
  });

  it('SIGN-2: Sign In signs in every configured media not yet signed in, failed ones again', () => {
    expect(mediaToSignIn(config, states('out', 'out', 'out', 'out'))).to.deep.equal(['chat', 'sms', 'social', 'email']);
    expect(mediaToSignIn(config, states('NR', 'fail', 'R', 'out'))).to.deep.equal(['sms', 'email']);
  });

  it('SIGN-5: with no media configured there is nothing to sign in and the look is empty', () => {
    const none = resolveConfig({ media: {} });
    expect(needsSignIn(none, {})).to.be.false;
    expect(aggregateLook(none, {})).to.equal('empty');
    expect(menuSections(none, {})).to.deep.equal([]);
  });

  it('SIGN-6: sign-out is allowed only when every digital media is Not Ready', () => {
    expect(canSignOut(config, states('NR', 'NR', 'lunch', 'NR'))).to.be.true;
    expect(canSignOut(config, states('out', 'fail', 'NR', 'NR'))).to.be.true;
    expect(canSignOut(config, states('NR', 'NR', 'NR', 'R'))).to.be.false;
    expect(canSignOut(config, states('R', 'R', 'R', 'NR'))).to.be.false;
  });

  it('SIGN-4: retries back off, doubling from the configured delay up to the cap', () => {
    const c = resolveConfig({ retryDelayMs: 500, retryMaxDelayMs: 3000 });
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(c, n))).to.deep.equal([500, 1000, 2000, 3000, 3000]);
  });
});

describe('model: state rules', () => {
  it('STATE-1/2: All, Chat/Social and Email each offer Ready and Not Ready; reasons only under groups', () => {
    expect(entries(states('NR', 'NR', 'NR', 'NR'))).to.deep.equal([
      { scope: 'all', entries: ['ready'] },
      {
        scope: 'chat-social',
        entries: ['ready', 'not-ready:lunch', 'not-ready:break', 'not-ready:meeting', 'not-ready:training'],
      },
      { scope: 'email', entries: ['ready', 'not-ready:lunch', 'not-ready:break', 'not-ready:meeting', 'not-ready:training'] },
    ]);
    expect(entries(states('R', 'R', 'R', 'R'))[0]).to.deep.equal({ scope: 'all', entries: ['not-ready'] });
  });

  it('STATE-2: with no reasons configured, a group offers plain Not Ready', () => {
    const c = resolveConfig({ notReadyReasons: [] });
    const sections = menuSections(c, states('R', 'R', 'R', 'R'));
    expect(sections[1]!.entries).to.deep.equal([{ kind: 'not-ready', scope: 'chat-social' }]);
  });

  it('STATE-3: the list never offers the reason already selected', () => {
    const s = entries(states('lunch', 'lunch', 'lunch', 'break'));
    expect(s[1]!.entries).to.not.include('not-ready:lunch');
    expect(s[1]!.entries).to.include('not-ready:break');
    expect(s[2]!.entries).to.not.include('not-ready:break');
    expect(s[2]!.entries).to.include('not-ready:lunch');
  });

  it('SIGN-4: once some media are signed in, All offers to sign the others in again', () => {
    expect(entries(states('NR', 'fail', 'NR', 'out'))[0]).to.deep.equal({
      scope: 'all',
      entries: ['ready', 'sign-in:sms,email'],
    });
    expect(entries(states('NR', 'NR', 'NR', 'NR'))[0]!.entries).to.not.include.members(['sign-in:']);
  });

  it('STATE-7: a partial group still offers Ready so a failed media can be set again', () => {
    const s = entries(states('R', 'NR', 'R', 'NR'));
    expect(s[1]!.entries[0]).to.equal('ready');
  });

  const looks: [string, MediaStates, string][] = [
    ['not signed in', states('out', 'out', 'out', 'out'), 'signed-out'],
    ['signing in', states('in', 'out', 'in', 'in'), 'signing-in'],
    ['sign-in failed everywhere', states('fail', 'fail', 'fail', 'fail'), 'sign-in-failed'],
    ['all Not Ready', states('NR', 'lunch', 'NR', 'break'), 'not-ready'],
    ['all Ready', states('R', 'R', 'R', 'R'), 'ready'],
    ['some signed in', states('NR', 'fail', 'NR', 'NR'), 'partial'],
    ['some Ready', states('R', 'R', 'R', 'NR'), 'partial'],
  ];
  for (const [name, s, look] of looks) {
    it(`STATE-4: the aggregate look for ${name} is ${look}`, () => {
      expect(aggregateLook(config, s)).to.equal(look);
    });
  }

  it('STATE-4: group icons show Ready, Not Ready, a reason, non-routable and partial', () => {
    expect(groupLook(config, states('R', 'R', 'R', 'NR'), 'chat-social')).to.equal('ready');
    expect(groupLook(config, states('R', 'R', 'R', 'NR'), 'email')).to.equal('not-ready');
    expect(groupLook(config, states('R', 'R', 'R', 'lunch'), 'email')).to.equal('not-ready-reason');
    expect(groupLook(config, states('nonroutable', 'NR', 'NR', 'NR'), 'chat-social')).to.equal('non-routable');
    expect(groupLook(config, states('R', 'NR', 'R', 'NR'), 'chat-social')).to.equal('partial');
    expect(groupLook(config, states('lunch', 'break', 'lunch', 'NR'), 'chat-social')).to.equal('not-ready');
  });

  it('STATE-5: in "Not Ready – Lunch", All→Not Ready changes nothing', () => {
    const plan = planStateChange(config, states('lunch', 'lunch', 'lunch', 'lunch'), 'all', { availability: 'not-ready' });
    expect([...plan]).to.deep.equal([]);
  });

  it('STATE-5: All→Not Ready moves only the media that are Ready', () => {
    const plan = planStateChange(config, states('R', 'R', 'R', 'lunch'), 'all', { availability: 'not-ready' });
    expect([...plan.keys()]).to.deep.equal(['chat', 'sms', 'social']);
  });

  it('STATE-5: from All→Not Ready, picking "Not Ready – Lunch" applies it', () => {
    const plan = planStateChange(config, states('NR', 'NR', 'NR', 'NR'), 'chat-social', {
      availability: 'not-ready',
      reasonId: 'lunch',
    });
    expect(Object.fromEntries(plan)).to.deep.equal({
      chat: { availability: 'not-ready', reasonId: 'lunch' },
      sms: { availability: 'not-ready', reasonId: 'lunch' },
      social: { availability: 'not-ready', reasonId: 'lunch' },
    });
  });

  it('STATE-6: a Chat/Social choice moves every Chat/Social media and never Email', () => {
    const plan = planStateChange(config, states('NR', 'NR', 'NR', 'NR'), 'chat-social', { availability: 'ready' });
    expect([...plan.keys()]).to.deep.equal(['chat', 'sms', 'social']);
  });

  it('STATE-6: one Chat/Social media going Not Ready takes the Ready ones with it, never Email', () => {
    const plan = groupPropagation(config, states('NR', 'R', 'R', 'R'), 'chat');
    expect(Object.fromEntries(plan)).to.deep.equal({
      sms: { availability: 'not-ready' },
      social: { availability: 'not-ready' },
    });
    expect([...groupPropagation(config, states('R', 'R', 'R', 'NR'), 'email')]).to.deep.equal([]);
  });

  it('STATE-6: the reason travels with the group', () => {
    const plan = groupPropagation(config, states('lunch', 'R', 'NR', 'R'), 'chat');
    expect(Object.fromEntries(plan)).to.deep.equal({ sms: { availability: 'not-ready', reasonId: 'lunch' } });
  });

  it('STATE-6 / OFFER-4: a media that loses routing while Ready goes Not Ready with its whole group', () => {
    const s: MediaStates = { ...states('R', 'R', 'NR', 'R'), chat: { ...st('chat', 'R'), routable: false } };
    expect(Object.fromEntries(groupPropagation(config, s, 'chat'))).to.deep.equal({
      chat: { availability: 'not-ready' },
      sms: { availability: 'not-ready' },
    });
  });

  it('a plan skips media that are not signed in and media already in the target state', () => {
    const plan = planStateChange(config, states('R', 'fail', 'NR', 'out'), 'all', { availability: 'ready' });
    expect([...plan.keys()]).to.deep.equal(['social']);
  });
});
