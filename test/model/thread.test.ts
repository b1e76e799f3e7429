import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Message } from '../../src/model/tasks.js';
import { buildThreadRows, canRetry, dayKey, rowReceipt, rowsAfter, threadRows, type PendingMessage, type ThreadRow, type ThreadRows } from '../../src/model/thread.js';
import { initials, isPicture, linkify, safeUrl } from '../../src/model/message-text.js';

const DAY = 24 * 3600 * 1000;
/** Noon, local time, on a fixed day: messages a few minutes apart stay on it. */
const NOON = new Date(2026, 2, 14, 12, 0, 0).getTime();

let n = 0;
function msg(taskId: string, from: Message['from'], at: number, over: Partial<Message> = {}): Message {
  n++;
  return { id: `m${n}`, taskId, from, text: `text ${n}`, at, ...over };
}

function pending(clientId: string, status: PendingMessage['status'], createdAt = NOON + 60_000, taskId = 't'): PendingMessage {
  return { clientId, taskId, text: 'pending', attachments: [], createdAt, status, ...(status === 'failed' ? { reason: 'Refused' } : {}) };
}

const kinds = (rows: readonly ThreadRow[]) => rows.map((r) => r.kind);

describe('model: thread rows (PANE-1..5)', () => {
  it('PANE-2: one interaction, one day: a day separator, then the messages in order, no interaction separators', () => {
    const own = [msg('t', 'customer', NOON), msg('t', 'agent', NOON + 1000, { receipt: 'read' })];
    const rows = threadRows({ taskId: 't', messages: own });
    expect(kinds(rows)).to.deep.equal(['day', 'message', 'message']);
    expect(rows.map((r) => (r.kind === 'message' ? r.message.id : r.kind))).to.deep.equal(['day', own[0]!.id, own[1]!.id]);
  });

  it('PANE-1/PANE-5: earlier interactions each get an "earlier conversation" separator and this task a "this conversation" one', () => {
    const history = [
      msg('old1', 'customer', NOON - 10 * DAY),
      msg('old1', 'agent', NOON - 10 * DAY + 1000, { name: 'Paul' }),
      msg('old2', 'customer', NOON - 2 * DAY),
      msg('old2', 'system', NOON - 2 * DAY + 10, { announcement: { code: 'transferred', params: { to: 'Sales' } } }),
    ];
    const own = [msg('t', 'customer', NOON)];
    const rows = threadRows({ taskId: 't', history, messages: own });
    expect(kinds(rows)).to.deep.equal([
      'interaction',
      'day',
      'message',
      'message',
      'interaction',
      'day',
      'message',
      'announcement',
      'interaction',
      'day',
      'message',
    ]);
    const separators = rows.filter((r) => r.kind === 'interaction');
    expect(separators.map((r) => [r.taskId, r.current])).to.deep.equal([
      ['old1', false],
      ['old2', false],
      ['t', true],
    ]);
    const earlier = rows.filter((r) => r.kind === 'message' || r.kind === 'announcement').map((r) => r.earlier);
    expect(earlier).to.deep.equal([true, true, true, true, false]);
  });

  it('PANE-1: a day separator wherever the local day changes', () => {
    const own = [msg('t', 'customer', NOON - DAY), msg('t', 'agent', NOON - DAY + 1000), msg('t', 'customer', NOON)];
    const rows = threadRows({ taskId: 't', messages: own });
    expect(kinds(rows)).to.deep.equal(['day', 'message', 'message', 'day', 'message']);
    expect(rows[3]!.kind === 'day' && dayKey(rows[3]!.at)).to.equal(dayKey(NOON));
  });

  it('PANE-1: a message both in the history and in the task is shown once', () => {
    const shared = msg('t', 'customer', NOON);
    const history = [msg('old', 'customer', NOON - DAY), { ...shared }];
    const rows = threadRows({ taskId: 't', history, messages: [shared] });
    expect(rows.filter((r) => r.kind === 'message' && r.message.id === shared.id)).to.have.length(1);
  });

  it('PANE-1: the bot part ends with a hand-off row when the server sent no handoff announcement', () => {
    const own = [
      msg('t', 'customer', NOON),
      msg('t', 'bot', NOON + 1, { name: 'Assistant' }),
      msg('t', 'customer', NOON + 2),
      msg('t', 'bot', NOON + 3, { name: 'Assistant' }),
      msg('t', 'customer', NOON + 4),
    ];
    const rows = threadRows({ taskId: 't', messages: own });
    expect(kinds(rows)).to.deep.equal(['day', 'message', 'message', 'message', 'message', 'handoff', 'message']);
    const handoff = rows[5]!;
    expect(handoff.kind === 'handoff' && handoff.name).to.equal('Assistant');
  });

  it('PANE-1: no extra hand-off row when the server announced it, nor for an earlier bot-only interaction', () => {
    const own = [
      msg('t', 'bot', NOON),
      msg('t', 'system', NOON + 1, { announcement: { code: 'handoff', params: { name: 'Assistant' } } }),
      msg('t', 'customer', NOON + 2),
    ];
    const history = [msg('old', 'customer', NOON - DAY), msg('old', 'bot', NOON - DAY + 1)];
    const rows = threadRows({ taskId: 't', history, messages: own });
    expect(rows.some((r) => r.kind === 'handoff')).to.equal(false);
  });

  it('PANE-4/COMP-12: outbox entries of this task come last, oldest first; a delivered one is not shown twice; keys stay', () => {
    const own = [msg('t', 'customer', NOON)];
    const entries = [pending('b', 'sending', NOON + 2000), pending('a', 'queued', NOON + 1000), pending('z', 'sending', NOON, 'other')];
    const before = threadRows({ taskId: 't', messages: own, pending: entries });
    expect(before.filter((r) => r.kind === 'pending').map((r) => r.key)).to.deep.equal(['c:a', 'c:b']);
    // The server now holds "a" (its message carries the client id): same key, shown once.
    const held = msg('t', 'agent', NOON + 1500, { clientId: 'a', receipt: 'sent' });
    const after = threadRows({ taskId: 't', messages: [...own, held], pending: entries });
    expect(after.filter((r) => r.key === 'c:a').map((r) => r.kind)).to.deep.equal(['message']);
    expect(new Set(after.map((r) => r.key)).size).to.equal(after.length);
    // Keys of rows that were there before do not change when history arrives in front of them.
    const withHistory = threadRows({ taskId: 't', history: [msg('old', 'customer', NOON - DAY)], messages: [...own, held], pending: entries });
    for (const key of after.map((r) => r.key)) expect(withHistory.some((r) => r.key === key), key).to.equal(true);
  });

  it('PANE-4: receipts: an agent message shows its own (sent when it has none), a pending one sending or failed, others none', () => {
    const rows = threadRows({
      taskId: 't',
      history: [msg('old', 'agent', NOON - DAY, { receipt: 'failed', failure: 'x' })],
      messages: [
        msg('t', 'customer', NOON),
        msg('t', 'agent', NOON + 1),
        msg('t', 'agent', NOON + 2, { receipt: 'delivered' }),
        msg('t', 'agent', NOON + 3, { receipt: 'failed', failure: 'Customer unreachable' }),
        msg('t', 'bot', NOON + 4),
      ],
      pending: [pending('q', 'queued'), pending('f', 'failed', NOON + 70_000)],
    });
    const messages = rows.filter((r) => r.kind === 'message' || r.kind === 'pending');
    expect(messages.map(rowReceipt)).to.deep.equal(['failed', undefined, 'sent', 'delivered', 'failed', undefined, 'sending', 'failed']);
    // Only this task's failures can be retried; a history one cannot.
    expect(messages.map(canRetry)).to.deep.equal([false, false, false, false, true, false, false, true]);
  });

  it('counts the rows after a key (the "New messages (n)" button)', () => {
    const own = [msg('t', 'customer', NOON), msg('t', 'agent', NOON + 1), msg('t', 'customer', NOON + 2), msg('t', 'customer', NOON + 3)];
    const rows = threadRows({ taskId: 't', messages: own });
    const fromCustomer = (r: ThreadRow) => r.kind === 'message' && r.message.from === 'customer';
    expect(rowsAfter(rows, rows[2]!.key, fromCustomer)).to.equal(2);
    expect(rowsAfter(rows, rows[rows.length - 1]!.key, fromCustomer)).to.equal(0);
    expect(rowsAfter(rows, 'gone', fromCustomer)).to.equal(0);
  });

  it('an empty thread has no rows', () => {
    expect(threadRows({ taskId: 't' })).to.deep.equal([]);
  });
});

describe('model: linkify (PANE-2)', () => {
  const links = (text: string) => linkify(text).filter((s) => s.type === 'link');

  it('finds http, https, www and mailto links and e-mail addresses; the segments give back the text', () => {
    const text = 'See https://example.com/a?b=1#c, http://x.org or www.shop.fr. Mail me: mailto:ana@example.com or bob@example.org!';
    const segments = linkify(text);
    expect(segments.map((s) => s.text).join('')).to.equal(text);
    expect(links(text).map((s) => [s.text, s.type === 'link' && s.href])).to.deep.equal([
      ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
      ['http://x.org', 'http://x.org/'],
      ['www.shop.fr', 'https://www.shop.fr/'],
      ['mailto:ana@example.com', 'mailto:ana@example.com'],
      ['bob@example.org', 'mailto:bob@example.org'],
    ]);
  });

  it('leaves trailing punctuation out, but keeps a closing bracket the link opened', () => {
    expect(links('(see https://example.com/page).').map((s) => s.text)).to.deep.equal(['https://example.com/page']);
    expect(links('https://en.wikipedia.org/wiki/Lyon_(France), then').map((s) => s.text)).to.deep.equal([
      'https://en.wikipedia.org/wiki/Lyon_(France)',
    ]);
    expect(links('"https://example.com/x"?!').map((s) => s.text)).to.deep.equal(['https://example.com/x']);
  });

  it('never makes a link of javascript:, data:, vbscript:, file: or other schemes, nor of markup', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '<a href="javascript:alert(1)">click</a>',
      '<img src=x onerror=alert(1)>',
      'ftp://example.com/file',
    ];
    for (const text of hostile) {
      const segments = linkify(text);
      expect(segments.map((s) => s.text).join(''), text).to.equal(text);
      for (const s of segments) if (s.type === 'link') expect(s.href, text).to.match(/^(https?|mailto):/);
    }
    expect(links('javascript:alert(1)')).to.deep.equal([]);
    expect(links('<a href="https://ok.example/">x</a>').map((s) => s.text)).to.deep.equal(['https://ok.example/']);
  });

  it('stops at quotes, angle brackets, controls and bidi overrides, and refuses links with credentials', () => {
    expect(links('https://a.example/x"onmouseover="alert(1)').map((s) => s.text)).to.deep.equal(['https://a.example/x']);
    expect(links('https://a.example/\u202egnp.exe').map((s) => s.text)).to.deep.equal(['https://a.example/']);
    expect(links('https://bank.example@evil.example/login')).to.deep.equal([]);
    expect(links('http://')).to.deep.equal([]);
  });

  it('plain text stays one segment', () => {
    expect(linkify('Hello,\n  world')).to.deep.equal([{ type: 'text', text: 'Hello,\n  world' }]);
    expect(linkify('')).to.deep.equal([]);
  });
});

describe('model: initials, safe URLs, pictures', () => {
  it('PANE-2: initials of the first and last words that start with a letter', () => {
    expect(initials('Alice Martin')).to.equal('AM');
    expect(initials('  élodie  ')).to.equal('É');
    expect(initials('Jean-Pierre de la Fontaine')).to.equal('JF');
    expect(initials('+33 6 12 34 56 78')).to.equal('');
    expect(initials('')).to.equal('');
    expect(initials('Zoë 🙂')).to.equal('Z');
  });

  it('attachment URLs: http, https, blob and raster data images only', () => {
    expect(safeUrl('https://files.example/a.pdf')).to.equal('https://files.example/a.pdf');
    expect(safeUrl('http://files.example/a.png')).to.equal('http://files.example/a.png');
    expect(safeUrl('/files/a.pdf', 'https://kit.example/app/')).to.equal('https://kit.example/files/a.pdf');
    expect(safeUrl('blob:https://kit.example/1234')).to.equal('blob:https://kit.example/1234');
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=')).to.equal('data:image/png;base64,iVBORw0KGgo=');
    expect(safeUrl('data:image/webp;base64,AAAA')).to.equal('data:image/webp;base64,AAAA');
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'jav\tascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'file:///etc/passwd',
      '/relative/without/base',
      '',
      undefined,
    ]) {
      expect(safeUrl(bad), String(bad)).to.equal(undefined);
    }
  });

  it('pictures are raster images; SVG and other files are downloads', () => {
    expect(isPicture('image/png')).to.equal(true);
    expect(isPicture('image/jpeg')).to.equal(true);
    expect(isPicture('image/svg+xml')).to.equal(false);
    expect(isPicture('application/pdf')).to.equal(false);
    expect(isPicture('')).to.equal(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// Rows built incrementally

/**
 * The rows as the thread built them before they were built incrementally: a full pass over everything,
 * kept here as the reference the incremental builder must agree with.
 */
function referenceRows(input: { taskId: string; history?: readonly Message[]; messages?: readonly Message[]; pending?: Iterable<PendingMessage> }): ThreadRow[] {
  const own = input.messages ?? [];
  const ownIds = new Set(own.map((m) => m.id));
  const interactions: { taskId: string; messages: Message[]; earlier: boolean }[] = [];
  for (const m of input.history ?? []) {
    if (ownIds.has(m.id) || m.taskId === input.taskId) continue;
    const last = interactions[interactions.length - 1];
    if (last && last.taskId === m.taskId) last.messages.push(m);
    else interactions.push({ taskId: m.taskId, messages: [m], earlier: true });
  }
  const hasHistory = interactions.length > 0;
  if (own.length > 0 || hasHistory) interactions.push({ taskId: input.taskId, messages: [...own], earlier: false });
  const rows: ThreadRow[] = [];
  const keys = new Set<string>();
  const clientIds = new Set<string>();
  const push = (row: ThreadRow) => (keys.has(row.key) ? false : (keys.add(row.key), rows.push(row), true));
  let day: string | undefined;
  const dayBefore = (scope: string, at: number) => {
    const d = new Date(at);
    const key = `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
    if (key !== day) push({ kind: 'day', key: `day:${scope}:${key}`, at });
    day = key;
  };
  for (const it of interactions) {
    if (hasHistory) {
      push({ kind: 'interaction', key: `interaction:${it.taskId}`, taskId: it.taskId, current: !it.earlier, at: it.messages[0]?.at ?? 0 });
      day = undefined;
    }
    let handoff = -1;
    let lastBot = -1;
    let announced = false;
    it.messages.forEach((m, i) => {
      if (m.announcement?.code === 'handoff') announced = true;
      if (m.from === 'bot') lastBot = i;
    });
    if (!announced && lastBot >= 0 && (!it.earlier || it.messages.slice(lastBot + 1).some((m) => m.from === 'agent'))) handoff = lastBot;
    it.messages.forEach((m, i) => {
      dayBefore(it.taskId, m.at);
      let key = m.clientId ? `c:${m.clientId}` : `m:${m.id}`;
      if (keys.has(key)) key = `m:${m.id}`;
      if (push({ kind: m.from === 'system' ? 'announcement' : 'message', key, message: m, earlier: it.earlier }) && m.clientId) clientIds.add(m.clientId);
      if (i === handoff) push({ kind: 'handoff', key: `handoff:${it.taskId}`, taskId: it.taskId, ...(m.name ? { name: m.name } : {}), at: m.at });
    });
  }
  const entries = [...(input.pending ?? [])].filter((e) => e.taskId === input.taskId && !clientIds.has(e.clientId)).sort((a, b) => a.createdAt - b.createdAt);
  for (const entry of entries) {
    dayBefore(input.taskId, entry.createdAt);
    push({ kind: 'pending', key: `c:${entry.clientId}`, entry });
  }
  return rows;
}

/** What happens to a conversation between two renders of the thread. */
type Step =
  | { kind: 'message'; from: Message['from']; gap: number; clientId?: string; handoff: boolean; reuseHistoryId: boolean }
  | { kind: 'receipt'; index: number; receipt: NonNullable<Message['receipt']> }
  | { kind: 'send'; clientId: string; other: boolean; gap: number }
  | { kind: 'settle'; index: number }
  | { kind: 'history'; size: number }
  | { kind: 'switch' }
  | { kind: 'stale' };

const clientIds = fc.constantFrom('a', 'b', 'c', 'd');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    kind: fc.constant('message' as const),
    from: fc.constantFrom<Message['from']>('customer', 'customer', 'agent', 'agent', 'bot', 'system'),
    // Minutes apart, sometimes a day or more later.
    gap: fc.oneof(fc.integer({ min: 0, max: 5 * 60_000 }), fc.integer({ min: DAY / 2, max: 3 * DAY })),
    clientId: fc.option(clientIds, { nil: undefined }),
    handoff: fc.boolean(),
    reuseHistoryId: fc.boolean(),
  }, { requiredKeys: ['kind', 'from', 'gap', 'handoff', 'reuseHistoryId'] }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receipt' as const), index: fc.nat(), receipt: fc.constantFrom('sent' as const, 'delivered' as const, 'read' as const, 'failed' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), clientId: clientIds, other: fc.boolean(), gap: fc.integer({ min: -DAY, max: DAY }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('history' as const), size: fc.integer({ min: 0, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('switch' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const) }) },
);

/** A history of earlier interactions (tasks h0, h1…), with bots, agents, announcements and client ids. */
function historyOf(size: number, at: number): Message[] {
  const out: Message[] = [];
  const froms: Message['from'][] = ['customer', 'bot', 'agent', 'system', 'customer', 'agent'];
  for (let i = 0; i < size; i++) {
    const from = froms[i % froms.length]!;
    out.push(
      msg(`h${Math.floor(i / 4)}`, from, at - DAY * (size - i), {
        ...(from === 'agent' && i % 3 === 0 ? { clientId: 'a' } : {}),
        ...(from === 'system' ? { announcement: { code: i % 2 ? 'handoff' : 'joined', params: {} } } : {}),
        // A message of the task on show in its own history is left out of the earlier interactions.
        ...(i === 5 ? { taskId: 't' } : {}),
      }),
    );
  }
  return out;
}

describe('model: thread rows, built incrementally (PANE-1..5)', () => {
  it('PANE-1..5: every build from the previous one gives the rows of a full build (seeded, 300 conversations)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        let taskId = 't';
        let history: Message[] | undefined;
        let own: Message[] = [];
        let outbox: PendingMessage[] = [];
        let at = NOON;
        let built: ThreadRows | undefined;
        const older: ThreadRows[] = [];
        for (const s of steps) {
          if (s.kind === 'message') {
            at += s.gap;
            const hidden = s.reuseHistoryId && history?.length ? { id: history[history.length - 1]!.id } : {};
            own = [
              ...own,
              msg(taskId, s.from, at, {
                ...hidden,
                ...(s.clientId && s.from === 'agent' ? { clientId: s.clientId } : {}),
                ...(s.from === 'system' ? { announcement: { code: s.handoff ? 'handoff' : 'customer-left', params: {} } } : {}),
                ...(s.from === 'bot' ? { name: 'Assistant' } : {}),
              }),
            ];
          } else if (s.kind === 'receipt' && own.length > 0) {
            const i = s.index % own.length;
            own = own.map((m, j) => (j === i ? { ...m, receipt: s.receipt } : m));
          } else if (s.kind === 'send') {
            outbox = [...outbox.filter((e) => e.clientId !== s.clientId), pending(s.clientId, 'sending', at + s.gap, s.other ? 'other' : taskId)];
          } else if (s.kind === 'settle' && outbox.length > 0) {
            outbox = outbox.filter((_, j) => j !== s.index % outbox.length);
          } else if (s.kind === 'history') {
            history = historyOf(s.size, NOON);
          } else if (s.kind === 'switch') {
            taskId = taskId === 't' ? 'u' : 't';
            own = [];
          } else if (s.kind === 'stale' && older.length > 0) {
            // A build handed an older result than the last one: never extended twice.
            built = older[Math.floor(older.length / 2)];
          }
          const input = { taskId, history, messages: own, pending: outbox };
          built = buildThreadRows(input, built);
          older.push(built);
          expect(built.rows).to.deep.equal(referenceRows(input));
        }
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('PANE-1: a new message appends its rows: the rows before it are the same objects, the history is not gone over again', () => {
    const history = historyOf(400, NOON - DAY);
    let own = [msg('t', 'customer', NOON)];
    let built = buildThreadRows({ taskId: 't', history, messages: own });
    for (let i = 1; i <= 50; i++) {
      own = [...own, msg('t', i % 2 ? 'agent' : 'customer', NOON + i * 1000)];
      const next = buildThreadRows({ taskId: 't', history, messages: own }, built);
      expect(next.rows.length).to.equal(built.rows.length + 1);
      for (let j = 0; j < built.rows.length; j++) if (next.rows[j] !== built.rows[j]) expect.fail(`row ${j} was built again`);
      expect(next.earlier).to.equal(built.earlier);
      built = next;
    }
    // A receipt that changes in the middle rebuilds the task's own rows, not the history's.
    own = own.map((m, j) => (j === 10 ? { ...m, receipt: 'read' as const } : m));
    const next = buildThreadRows({ taskId: 't', history, messages: own }, built);
    expect(next.earlier).to.equal(built.earlier);
    expect(next.rows).to.deep.equal(referenceRows({ taskId: 't', history, messages: own }));
    // Nothing changed: the same rows.
    expect(buildThreadRows({ taskId: 't', history, messages: own }, next)).to.equal(next);
  });

  it('PANE-1: day keys are the local calendar day, whatever order the times come in (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: NOON - 400 * DAY, max: NOON + 400 * DAY }), { maxLength: 60 }), (times) => {
        for (const at of [...times, ...times.map((t) => t + 1)]) {
          const d = new Date(at);
          expect(dayKey(at)).to.equal(`${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`);
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
