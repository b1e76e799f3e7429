/**
 * The transfer rules (XFER-1, XFER-3, XFER-4): the routing points of a media from configuration (hostile
 * input checked), searching them, when Transfer is possible, and what a forced wrap-up asks first.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkEvent } from '../../src/backend/events.js';
import { DcConfigError, resolveConfig } from '../../src/model/config.js';
import type { MediaConfig } from '../../src/model/media.js';
import type { Task } from '../../src/model/tasks.js';
import { foldText } from '../../src/model/templates.js';
import {
  checkTransferTargets,
  filterTargets,
  foldSearch,
  targetLabel,
  transferBlock,
  transferWrapUp,
  wrapUpReady,
  type TransferTarget,
} from '../../src/model/transfer.js';

const TARGETS: TransferTarget[] = [
  { id: 'billing', label: { en: 'Billing', fr: 'Facturation' } },
  { id: 'claims', label: { en: 'Claims', fr: 'Réclamations' } },
  { id: 'support', label: 'Technical support' },
];
const chat = resolveConfig({ media: { chat: { transferTargets: TARGETS } } }).media[0]!;
const task = (status: Task['status']): Task => ({ id: 't', media: 'chat', status, queue: 'q', customer: {}, offeredAt: 0, expiresAt: 1 });

describe('model: transfer rules (XFER-1, XFER-3, XFER-4)', () => {
  it('XFER-1: the configuration takes each media’s routing points, none by default', () => {
    const config = resolveConfig({ media: { chat: { transferTargets: TARGETS }, email: {} } });
    expect(config.media[0]!.transferTargets).to.deep.equal(TARGETS);
    expect(config.media[1]!.transferTargets).to.deep.equal([]);
  });

  it('XFER-1: bad routing points are refused by name, whatever the configuration holds', () => {
    let error: unknown;
    try {
      resolveConfig({ media: { chat: { transferTargets: [{ id: 'a', label: 'A' }, { id: 'a', label: 'Again' }, { id: '', label: 'x' }, { id: 'b', label: 3 }] } } } as never);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DcConfigError);
    const fields = (error as DcConfigError).fields.join(' ');
    expect(fields).to.contain('media.chat.transferTargets[1].id');
    expect(fields).to.contain('media.chat.transferTargets[2].id');
    expect(fields).to.contain('media.chat.transferTargets[3].label');
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const problems: string[] = [];
        const kept = checkTransferTargets(value, 'p', (f) => problems.push(f));
        // Whatever comes in: a list of well-formed points with distinct ids, or problems named.
        expect(new Set(kept.map((t) => t.id)).size).to.equal(kept.length);
        for (const t of kept) expect(typeof t.id === 'string' && t.id !== '').to.be.true;
        if (value !== undefined && !(Array.isArray(value) && value.length === kept.length)) expect(problems.length).to.be.greaterThan(0);
      }),
      { seed: 10_001, numRuns: 300 },
    );
  });

  it('XFER-1: search holds every word, ignoring case and accents, in the configured order', () => {
    expect(filterTargets(TARGETS, 'RECLAM', 'fr').map((t) => t.id)).to.deep.equal(['claims']);
    expect(filterTargets(TARGETS, 'tech supp', 'en').map((t) => t.id)).to.deep.equal(['support']);
    expect(filterTargets(TARGETS, '  ', 'en')).to.deep.equal(TARGETS);
    expect(filterTargets(TARGETS, 'billing', 'fr').map((t) => t.id), 'the id too').to.deep.equal(['billing']);
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.constantFrom('en', 'fr'), (query, locale) => {
        const found = filterTargets(TARGETS, query, locale);
        // A subsequence of the configured list, each holding every folded word of the query.
        const order = found.map((t) => TARGETS.indexOf(t));
        expect(order).to.deep.equal([...order].sort((a, b) => a - b));
        const words = foldText(query).split(/\s+/u).filter(Boolean);
        for (const t of found) for (const w of words) expect(`${foldText(targetLabel(t, locale))} ${t.id}`).to.contain(w);
      }),
      { seed: 10_002, numRuns: 300 },
    );
    // It folds exactly as the template picker's search does.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (t) => foldSearch(t) === foldText(t)),
      { seed: 10_003, numRuns: 300 },
    );
  });

  it('XFER-4: Transfer needs an active task, a connection, no transfer under way and a routing point', () => {
    const none = { ...chat, transferTargets: [] } as MediaConfig;
    expect(transferBlock(task('active'), chat, { online: true })).to.equal(undefined);
    expect(transferBlock(task('offered'), chat, { online: true })).to.equal('not-held');
    expect(transferBlock(task('wrap-up'), chat, { online: true })).to.equal('not-held');
    expect(transferBlock(undefined, chat, { online: true })).to.equal('not-held');
    expect(transferBlock(task('active'), chat, { online: false })).to.equal('offline');
    expect(transferBlock(task('active'), chat, { online: true, transfer: 'pending' })).to.equal('pending');
    expect(transferBlock(task('active'), chat, { online: true, transfer: 'failed' }), 'a failed one may be tried again').to.equal(undefined);
    expect(transferBlock(task('active'), none, { online: true })).to.equal('no-targets');
  });

  it('XFER-2: during a voice call Transfer waits where timers pause, and stays where they run', () => {
    const paused = { ...chat, pauseOnVoice: true } as MediaConfig;
    const running = { ...chat, pauseOnVoice: false } as MediaConfig;
    expect(transferBlock(task('active'), paused, { online: true, voice: true })).to.equal('voice');
    expect(transferBlock(task('active'), paused, { online: true, voice: false })).to.equal(undefined);
    expect(transferBlock(task('active'), running, { online: true, voice: true })).to.equal(undefined);
  });

  it('XFER-3: a forced wrap-up that applies after a transfer asks for a known reason and Apply first', () => {
    const reasons = [{ id: 'solved', label: 'Solved' }];
    const forced: MediaConfig = { ...chat, wrapUp: { ...chat.wrapUp, forced: true, reasons } };
    expect(transferWrapUp(chat).required, 'no wrap-up configured').to.be.false;
    expect(transferWrapUp(undefined).required, 'no media').to.be.false;
    expect(transferWrapUp({ ...forced, wrapUp: { ...forced.wrapUp, afterTransfer: false } }).required).to.be.false;
    expect(transferWrapUp({ ...forced, wrapUp: { ...forced.wrapUp, reasons: [] } }).required).to.be.false;
    const rule = transferWrapUp(forced);
    expect(rule).to.deep.include({ required: true, multiple: false });
    expect(wrapUpReady(rule, [], true)).to.be.false;
    expect(wrapUpReady(rule, ['solved'], false), 'not applied yet').to.be.false;
    expect(wrapUpReady(rule, ['nope'], true)).to.be.false;
    expect(wrapUpReady(rule, ['solved', 'solved'], true), 'one only').to.be.false;
    expect(wrapUpReady(rule, ['solved'], true)).to.be.true;
    expect(wrapUpReady(transferWrapUp(chat), [], false), 'nothing asked without a forced wrap-up').to.be.true;
  });

  it('XFER-4: an internal note is an agent’s, and only ever `internal: true`', () => {
    const media = new Set(['chat']);
    const event = (message: Record<string, unknown>) =>
      checkEvent({ type: 'message', seq: 1, at: 1, message: { id: 'm', taskId: 't', from: 'agent', text: 'n', at: 1, ...message } }, media);
    expect(event({ internal: true })).to.deep.include({ ok: true });
    expect((event({ internal: true }) as { value: { message: { internal?: true } } }).value.message.internal).to.equal(true);
    expect(event({ internal: 'yes' }).ok).to.be.false;
    expect(event({ internal: false }).ok).to.be.false;
    expect(event({ internal: true, from: 'customer' }).ok).to.be.false;
    expect(event({}).ok, 'the path runs for a plain message').to.be.true;
  });
});
