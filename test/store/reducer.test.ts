import { expect } from '@open-wc/testing';
import { signedInState } from '../../src/model/agent-state.js';
import type { DcEvent } from '../../src/backend/types.js';
import type { Message } from '../../src/model/tasks.js';
import { reduce } from '../../src/store/reducer.js';
import { initialState, type Action, type DcState } from '../../src/store/state.js';
import { task } from './script-backend.js';

const T = Date.UTC(2026, 10, 24, 9, 0, 0);

function start(): DcState {
  const state = reduce(initialState({ chat: signedInState('chat', T) }), { type: 'connection', status: 'online', at: T });
  return state;
}

const event = (e: DcEvent): Action => ({ type: 'event', event: e });
const apply = (state: DcState, ...events: DcEvent[]) => events.reduce((s, e) => reduce(s, event(e)), state);

function customer(id: string, taskId: string, at: number): Message {
  return { id, taskId, from: 'customer', text: `Message ${id}`, at };
}

describe('store reducer (pure)', () => {
  it('the sequence guard: an event whose seq was applied returns the very same state', () => {
    const offered: DcEvent = { type: 'task', seq: 1, at: T, task: task('a', 'chat', 'offered', T), cause: 'offered' };
    const s1 = apply(start(), offered);
    expect(s1.lastSeq).to.equal(1);
    expect(Object.keys(s1.tasks)).to.deep.equal(['a']); // the path ran: seq 1 was applied
    // The same event again, another event under an applied number, and an older number: the same object.
    expect(reduce(s1, event(offered))).to.equal(s1);
    const other: DcEvent = { type: 'task', seq: 1, at: T, task: task('b', 'chat', 'offered', T), cause: 'offered' };
    expect(reduce(s1, event(other))).to.equal(s1);
    expect(reduce(s1, event({ ...other, seq: 0 }))).to.equal(s1);
    // The next number applies.
    const s2 = reduce(s1, event({ ...other, seq: 2 }));
    expect(s2).to.not.equal(s1);
    expect(Object.keys(s2.tasks).sort()).to.deep.equal(['a', 'b']);
    expect(reduce(s2, event({ ...other, seq: 2 }))).to.equal(s2);
  });

  it('TASK-2/3: the same message under a new seq changes nothing but lastSeq; unread counts keep up without a recount', () => {
    const accepted: DcEvent = { type: 'task', seq: 1, at: T, task: task('a', 'chat', 'active', T), cause: 'accepted' };
    const other: DcEvent = { type: 'task', seq: 2, at: T, task: task('b', 'chat', 'active', T + 5), cause: 'accepted' };
    const m1: DcEvent = { type: 'message', seq: 3, at: T, message: customer('m1', 'a', T + 10) };
    const s = apply(start(), accepted, other, m1);
    expect(s.selectedTaskId).to.equal('b');
    expect(s.customerCounts['a']).to.equal(1);
    expect(s.reads['a'] ?? 0).to.equal(0);
    const again = reduce(s, event({ ...m1, seq: 4 }));
    expect(again.lastSeq).to.equal(4);
    for (const key of Object.keys(s) as (keyof DcState)[]) {
      if (key !== 'lastSeq') expect(again[key], key).to.equal(s[key]);
    }
    // Selecting the task reads it: reads catch up with the kept count.
    const seen = reduce(again, { type: 'select', taskId: 'a' });
    expect(seen.reads['a']).to.equal(1);
    expect(seen.messages['a']).to.equal(s.messages['a']); // the list is not copied to be read
  });

  it('a snapshot that holds what is known keeps every slice as it was', () => {
    const accepted: DcEvent = { type: 'task', seq: 1, at: T, task: task('a', 'chat', 'active', T), cause: 'accepted' };
    const m1: DcEvent = { type: 'message', seq: 2, at: T, message: customer('m1', 'a', T + 10) };
    const s = apply(start(), accepted, m1);
    const snapshot = JSON.parse(
      JSON.stringify({ seq: 2, at: T, media: s.media, tasks: [accepted.task], messages: { a: [m1.message] } }),
    );
    const after = reduce(s, { type: 'snapshot', snapshot });
    for (const key of Object.keys(s) as (keyof DcState)[]) expect(after[key], key).to.equal(s[key]);
  });

  it('ids may be any string: constructor, __proto__, toString are tasks like any other; inherited names are not tasks', () => {
    const ids = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    let s = start();
    let seq = 0;
    for (const [i, id] of ids.entries()) {
      s = apply(s, { type: 'task', seq: ++seq, at: T, task: task(id, 'chat', 'active', T + i), cause: 'accepted' });
      s = apply(s, { type: 'message', seq: ++seq, at: T, message: customer(`${id}-1`, id, T + 100 + i) });
      s = reduce(s, { type: 'draft', taskId: id, draft: { text: `draft for ${id}`, spans: [], attachments: [] } });
    }
    expect(Object.getPrototypeOf(s.tasks)).to.equal(null);
    expect(Object.keys(s.tasks)).to.have.members(ids);
    for (const id of ids) {
      expect(s.tasks[id]!.id).to.equal(id);
      expect(s.messages[id]!.map((m) => m.id)).to.deep.equal([`${id}-1`]);
      expect(s.customerCounts[id]).to.equal(1);
      expect(s.drafts[id]!.text).to.equal(`draft for ${id}`);
    }
    expect(s.reads['hasOwnProperty']).to.equal(1); // the last accepted is on show, and read
    // A message for a task that does not exist is dropped, whatever its name is inherited from.
    for (const id of ['valueOf', 'isPrototypeOf', '__defineGetter__']) {
      const next = apply(s, { type: 'message', seq: ++seq, at: T, message: customer(`${id}-1`, id, T + 500) });
      expect(Object.hasOwn(next.messages, id), id).to.be.false;
      expect(next.messages).to.equal(s.messages);
      s = next;
    }
    // Ending `__proto__` removes that task only.
    const ended = apply(s, { type: 'task', seq: ++seq, at: T, task: task('__proto__', 'chat', 'closed', T + 3), cause: 'ended' });
    expect(Object.keys(ended.tasks)).to.have.members(['constructor', 'toString', 'hasOwnProperty']);
    expect(Object.hasOwn(ended.messages, '__proto__')).to.be.false;
  });
});
