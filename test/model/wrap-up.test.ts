import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DcConfigError, resolveConfig } from '../../src/model/config.js';
import {
  DEFAULT_WRAP_UP,
  MAX_WRAP_UP_NOTE,
  checkWrapUpChoice,
  closeBlock,
  closeOutcome,
  countdownSeconds,
  needsWrapUp,
  needsWrapUpBeforeTransfer,
  normalizeChoice,
  outcomeAtZero,
  toggleReason,
  wrapUpRemaining,
  type WrapUpConfig,
} from '../../src/model/wrap-up.js';

const reasons = [
  { id: 'a', label: 'A' },
  { id: 'b', label: { en: 'B', fr: 'B fr' } },
  { id: 'c', label: 'C' },
];
const single: WrapUpConfig = { ...DEFAULT_WRAP_UP, forced: true, reasons };
const multiple: WrapUpConfig = { ...single, multiple: true };

function problems(input: unknown): readonly string[] {
  try {
    resolveConfig(input as never);
    return [];
  } catch (error) {
    return (error as DcConfigError).fields;
  }
}

describe('model: wrap-up', () => {
  it('END-2: media.wrapUp takes its defaults, per media', () => {
    const config = resolveConfig({ media: { chat: { wrapUp: { forced: true, seconds: 30 } }, sms: {} } });
    const chat = config.media.find((m) => m.id === 'chat')!.wrapUp;
    const sms = config.media.find((m) => m.id === 'sms')!.wrapUp;
    expect(chat).to.include({ forced: true, seconds: 30, multiple: false, note: true, afterTransfer: true });
    expect(chat.reasons.length).to.be.greaterThan(2);
    expect(chat.defaultReason).to.equal(undefined);
    expect(sms).to.deep.equal(DEFAULT_WRAP_UP);
    expect(needsWrapUp(chat)).to.equal(true);
    expect(needsWrapUp(sms)).to.equal(false);
  });

  it('END-2: every bad wrap-up field is named', () => {
    const fields = problems({
      media: {
        chat: {
          wrapUp: {
            forced: 'yes',
            seconds: 0,
            multiple: 1,
            note: null,
            reasons: [{ id: 'x', label: 'X' }, { id: 'x', label: 'again' }, { id: '', label: 'none' }, { id: 'y', label: 3 }],
            defaultReason: 'missing',
            colour: 'red',
          },
        },
        sms: { wrapUp: 'forced' },
        email: { wrapUp: { seconds: 1.5, afterTransfer: 'no' } },
      },
    });
    expect(fields).to.include.members([
      'media.chat.wrapUp.forced',
      'media.chat.wrapUp.seconds',
      'media.chat.wrapUp.multiple',
      'media.chat.wrapUp.note',
      'media.chat.wrapUp.reasons[1].id',
      'media.chat.wrapUp.reasons[2].id',
      'media.chat.wrapUp.reasons[3].label',
      'media.chat.wrapUp.defaultReason',
      'media.chat.wrapUp.colour',
      'media.sms.wrapUp',
      'media.email.wrapUp.seconds',
      'media.email.wrapUp.afterTransfer',
    ]);
    // and a good one passes (the path ran)
    expect(problems({ media: { chat: { wrapUp: { reasons, defaultReason: 'b', multiple: true } } } })).to.deep.equal([]);
  });

  it('END-2: the time left comes from the deadline and the clock, never below zero', () => {
    const task = { wrapUpAt: 1_000, wrapUpDeadline: 61_000 };
    expect(wrapUpRemaining(task, 1_000)).to.equal(60_000);
    expect(wrapUpRemaining(task, 60_800)).to.equal(200);
    expect(wrapUpRemaining(task, 90_000)).to.equal(0);
    expect(wrapUpRemaining({ wrapUpAt: 1_000 }, 5_000)).to.equal(undefined);
    expect(countdownSeconds(200)).to.equal(1);
    expect(countdownSeconds(0)).to.equal(0);
    expect(countdownSeconds(59_001)).to.equal(60);
  });

  it('END-2: Close needs a reason; one replaces the other unless several are allowed', () => {
    expect(closeBlock(single, undefined)).to.equal('no-reason');
    expect(closeBlock(single, { reasons: ['gone'], note: '' }), 'a reason no longer listed').to.equal('no-reason');
    expect(closeBlock(single, { reasons: ['b'], note: '' })).to.equal(undefined);
    expect(closeBlock({ ...single, reasons: [] }, undefined), 'nothing to choose').to.equal(undefined);
    expect(toggleReason(single, ['a'], 'b')).to.deep.equal(['b']);
    expect(toggleReason(single, ['b'], 'b')).to.deep.equal([]);
    expect(toggleReason(multiple, ['c'], 'a')).to.deep.equal(['a', 'c']);
    expect(toggleReason(multiple, ['a', 'c'], 'a')).to.deep.equal(['c']);
    expect(toggleReason(multiple, ['a'], 'unknown')).to.deep.equal(['a']);
  });

  it('END-2: at zero the chosen reasons go, else the configured default, else none', () => {
    const withDefault = { ...single, defaultReason: 'c' };
    expect(outcomeAtZero(withDefault, { reasons: ['a'], note: ' called back ' })).to.deep.equal({ reasons: ['a'], note: 'called back' });
    expect(outcomeAtZero(withDefault, undefined)).to.deep.equal({ reasons: ['c'] });
    expect(outcomeAtZero(single, { reasons: [], note: '' })).to.deep.equal({ reasons: [] });
    expect(closeOutcome({ ...single, note: false }, { reasons: ['a'], note: 'kept out' })).to.deep.equal({ reasons: ['a'] });
  });

  it('XFER-3: a forced wrap-up asks for a reason before a transfer unless afterTransfer is off', () => {
    expect(needsWrapUpBeforeTransfer(single)).to.equal(true);
    expect(needsWrapUpBeforeTransfer({ ...single, afterTransfer: false })).to.equal(false);
    expect(needsWrapUpBeforeTransfer(DEFAULT_WRAP_UP)).to.equal(false);
  });

  it('END-2, FAIL-3: any saved choice is checked without throwing; what it keeps is a choice Close can send', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }), (raw) => {
        const checked = checkWrapUpChoice(raw, 'wrapUps.t1');
        if (!checked.ok) return typeof checked.error === 'string';
        const normal = normalizeChoice(multiple, checked.value);
        return (
          normal.note.length <= MAX_WRAP_UP_NOTE &&
          normal.reasons.every((r) => reasons.some((x) => x.id === r)) &&
          new Set(normal.reasons).size === normal.reasons.length
        );
      }),
      { seed: 10, numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), fc.string({ maxLength: 3000 }), (ids, note) => {
        const checked = checkWrapUpChoice({ reasons: ids.filter((i) => i !== ''), note }, 'w');
        if (!checked.ok) return false;
        const one = normalizeChoice(single, checked.value);
        return one.reasons.length <= 1 && one.note === note.slice(0, MAX_WRAP_UP_NOTE);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
