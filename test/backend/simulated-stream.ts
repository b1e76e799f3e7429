/**
 * A fixed scenario on the simulated contact centre, written down as one line per thing that happened:
 * every event, connection change, command outcome and server-side call, in order. Run with the same
 * seed, it must write the same lines: simulated-stream.test.ts compares them with the recording in
 * simulated-stream.recorded.ts, so that a change to the simulator's code that moves an event, a timer
 * or a random draw shows up as the first line that differs.
 */
import { ManualClock } from '../../src/backend/clock.js';
import { DcBackendError, type DcEvent, type OutgoingMessage } from '../../src/backend/types.js';
import type { MediaId } from '../../src/model/media.js';
import { isHeld, type Task } from '../../src/model/tasks.js';
import { SimulatedBackend, type SimulatedBackendOptions } from '../../src/simulator/index.js';
import { MemoryStorage } from '../../src/store/persist.js';

/** FNV-1a over a value's JSON, with blob URLs (new on every run) folded to one. */
export function digest(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.startsWith('blob:') ? 'blob:*' : v)) ?? 'undefined';
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function describeEvent(raw: unknown): string {
  const e = raw as DcEvent;
  switch (e?.type) {
    case 'media-state':
      return `${e.state.media} ${e.state.signIn}/${e.state.availability}/${e.state.routable ? 'routable' : 'held'} ${e.cause}`;
    case 'task':
      return `${e.task.id} ${e.task.status} ${e.cause}`;
    case 'message':
      return `${e.message.taskId} ${e.message.id} ${e.message.from}${e.message.receipt ? ` ${e.message.receipt}` : ''}`;
    case 'receipt':
      return `${e.taskId} ${e.messageId} ${e.receipt}${e.reason ? ` (${e.reason})` : ''}`;
    case 'typing':
      return `${e.taskId} ${e.typing}`;
    default:
      return 'raw';
  }
}

const MEDIA: readonly MediaId[] = ['chat', 'sms', 'social', 'email'];

/** Runs the scenario with `seed` and returns its lines. */
export async function recordStream(seed: number): Promise<string[]> {
  const clock = new ManualClock();
  const t0 = clock.now();
  const storage = new MemoryStorage();
  const lines: string[] = [];
  const log = (line: string) => lines.push(`+${Math.round(clock.now() - t0)} ${line}`);
  const options: SimulatedBackendOptions = {
    clock,
    seed,
    storage,
    storageKey: 'stream',
    latencyMs: [20, 120],
    offersPerMinute: { chat: 3, sms: 2, social: 2, email: 1 },
    messagesPerMinute: 3,
    abandonRate: 0.2,
    replyRate: 0.7,
    botHistory: true,
    agentName: 'Dana Scully',
  };

  let backend = new SimulatedBackend(options);
  const listen = (b: SimulatedBackend) =>
    b.subscribe({
      event: (e) => {
        const seq = (e as { seq?: unknown } | null)?.seq;
        log(`E ${String(seq)} ${(e as { type?: unknown } | null)?.type ?? '?'} ${describeEvent(e)} #${digest(e)}`);
      },
      connection: (c) => log(`C ${c}`),
    });
  listen(backend);

  /** Starts a command, lets its round trip happen, and writes down how it ended. */
  async function run(name: string, command: () => Promise<unknown>): Promise<boolean> {
    let outcome: string | undefined;
    const promise = command().then(
      (value) => (outcome = `ok #${digest(value)}`),
      (e: unknown) => (outcome = e instanceof DcBackendError ? `${e.code}: ${e.message}` : `throws ${String(e)}`),
    );
    await clock.advance(150);
    await promise;
    log(`> ${name} ${outcome}`);
    return outcome!.startsWith('ok');
  }

  /** A server-side call, written down with what it returned or threw. */
  function call(name: string, fn: () => unknown): void {
    try {
      log(`! ${name} #${digest(fn())}`);
    } catch (e) {
      log(`! ${name} ${e instanceof DcBackendError ? `${e.code}: ${e.message}` : `throws ${String(e)}`}`);
    }
  }

  const send = (taskId: string, clientId: string, text: string, file = false): OutgoingMessage => ({
    clientId,
    taskId,
    text,
    attachments: file ? [{ id: `f-${clientId}`, name: 'photo.png', type: 'image/png', size: 4, data: new Blob(['abcd'], { type: 'image/png' }) }] : [],
  });

  const held = (): Task[] => backend.serverTasks.filter((t) => isHeld(t));
  const offered = (): Task[] => backend.serverTasks.filter((t) => t.status === 'offered');

  // Sign-in and Ready, with a failed sign-in and a failed state change on the way (SIGN-4, STATE-7).
  await run('connect', () => backend.connect());
  backend.failSignIn('sms', { times: 1, reason: 'Gateway busy' });
  backend.failStateChange('email', { times: 1 });
  for (const m of [...MEDIA, 'sms']) await run(`signIn ${m}`, () => backend.signIn(m));
  for (const m of [...MEDIA, 'email']) await run(`setState ${m} ready`, () => backend.setState(m, { availability: 'ready' }));
  await run('signIn fax', () => backend.signIn('fax'));
  await run('catalogue', () => backend.catalogue());

  /** One step of work: accept some offers, write in held tasks, let time pass. */
  async function step(i: number): Promise<void> {
    // Chat and SMS offers are taken; social and email ones are left to expire now and then (OFFER-4).
    for (const offer of offered()) {
      if (offer.media === 'chat' || offer.media === 'sms' || i % 5 === 0) await run(`accept ${offer.id}`, () => backend.accept(offer.id));
    }
    for (const m of MEDIA) {
      const state = backend.serverState(m);
      if (state?.signIn === 'signed-in' && (state.availability !== 'ready' || !state.routable) && i % 2 === 0) {
        await run(`setState ${m} ready`, () => backend.setState(m, { availability: 'ready' }));
      }
    }
    const tasks = held();
    for (const [k, task] of tasks.slice(0, 3).entries()) {
      if ((i + k) % 2 === 0) {
        if (k === 0) await run(`typing ${task.id}`, () => backend.typing(task.id, i % 4 === 0));
        await run(`send ${task.id} c${i}-${k}`, () => backend.send(send(task.id, `c${i}-${k}`, `Reply ${i}.${k}`, (i + k) % 5 === 0)));
      }
    }
    const first = tasks[0];
    if (first) {
      switch (i % 6) {
        case 0:
          await run(`loadHistory ${first.id}`, () => backend.loadHistory(first.id));
          break;
        case 1:
          await run(`workflow survey ${first.id}`, () => backend.triggerWorkflow(first.id, 'survey', {}));
          await run(`workflow escalate ${first.id}`, () => backend.triggerWorkflow(first.id, 'escalate', {}));
          break;
        case 2:
          await run(`workflow create-case ${first.id}`, () =>
            backend.triggerWorkflow(first.id, 'create-case', { subject: 'Refund', email: 'a@example.com' }),
          );
          await run(`workflow create-case bad ${first.id}`, () => backend.triggerWorkflow(first.id, 'create-case', { subject: '' }));
          break;
        case 3:
          await run(`workflow callback ${first.id}`, () =>
            backend.triggerWorkflow(first.id, 'callback', { phone: '+33 6 12 34 56 78', date: '2026-12-01' }),
          );
          break;
        case 4:
          call(`customerMessage ${first.id}`, () => backend.customerMessage(first.id));
          call(`customerTyping ${first.id}`, () => backend.customerTyping(first.id, true));
          break;
        case 5:
          if (tasks.length > 1) await run(`end ${first.id}`, () => backend.end(first.id));
          break;
      }
    }
    await clock.advance(4000 + (i % 4) * 1500);
  }

  for (let i = 0; i < 16; i++) await step(i);

  // Sends that fail, and their retries under the same client id (PANE-4, COMP-12).
  const target = held()[0];
  if (target) {
    backend.failSends({ mode: 'reject', reason: 'Carrier refused' });
    await run('send refused', () => backend.send(send(target.id, 'f-1', 'Refused once')));
    await run('send refused again', () => backend.send(send(target.id, 'f-1', 'Refused once')));
    backend.failSends({ mode: 'delivery', count: 1 });
    await run('send undelivered', () => backend.send(send(target.id, 'f-2', 'Not delivered')));
    await run('send undelivered retry', () => backend.send(send(target.id, 'f-2', 'Not delivered')));
    await run('send empty', () => backend.send(send(target.id, 'f-3', '   ')));
    backend.failHistory({ reason: 'History down' });
    await run('loadHistory failing', () => backend.loadHistory(target.id));
    backend.failCatalogue();
    await run('catalogue failing', () => backend.catalogue());
    backend.failWorkflow({ reason: 'Timed out' });
    await run('workflow failing', () => backend.triggerWorkflow(target.id, 'survey', {}));
    call('customerLeaves', () => backend.customerLeaves(target.id));
    await run('send to a customer who left', () => backend.send(send(target.id, 'f-4', 'Still there?')));
    call('customerLeaves again', () => backend.customerLeaves(target.id));
  }
  await run('send unknown task', () => backend.send(send('__proto__', 'f-5', 'Hello')));
  call('customerMessage unknown', () => backend.customerMessage('nope'));

  // The connection drops and returns; events sent meanwhile are lost (FAIL-1, FAIL-2).
  backend.dropConnection();
  call('serverSetState email', () => backend.serverSetState('email', { availability: 'not-ready', reasonId: 'break' }));
  await run('signIn while offline', () => backend.signIn('chat'));
  await clock.advance(20_000);
  await run('restoreConnection', () => backend.restoreConnection());
  await run('snapshot', () => backend.snapshot());
  backend.loseEvents(2);
  call('serverSetState chat', () => backend.serverSetState('chat', { availability: 'ready', routable: false }, 'missed-offer'));
  call('offer sms', () => backend.offer('sms', { customer: { phone: '+33 6 00 00 00 00' }, acceptSeconds: 10, text: null }));
  call('injectRawEvent', () => backend.injectRawEvent({ seq: backend.nextSeq, type: 'bogus' }));
  call('injectRawEvent far', () => backend.injectRawEvent({ seq: 9999, type: 'media-state' }));
  backend.clearFailures();
  for (let i = 16; i < 20; i++) await step(i);
  call('nextSeq', () => backend.nextSeq);
  call('typingCalls', () => backend.typingCalls);

  // A reload: a new backend on the same storage finds the server as it was, timers re-armed.
  backend.close();
  backend = new SimulatedBackend(options);
  listen(backend);
  call('restored tasks', () => backend.serverTasks);
  await run('connect again', () => backend.connect());
  await run('snapshot after reload', () => backend.snapshot());
  for (let i = 20; i < 26; i++) await step(i);
  call('offer email', () => backend.offer('email'));
  await clock.advance(200_000);

  // The end of the day: sign-outs with both dispositions (STATE-8), a reset, and closing.
  await run('signOut chat social transfer', () => backend.signOut(['chat', 'social'], 'transfer'));
  await run('signOut sms close', () => backend.signOut(['sms'], 'close'));
  call('reset', () => backend.reset());
  call('serverTasks', () => backend.serverTasks);
  for (const m of MEDIA) call(`serverState ${m}`, () => backend.serverState(m));
  backend.close();
  await run('connect closed', () => backend.connect());

  // A fixed history size (PANE-5), on a backend of its own.
  backend = new SimulatedBackend({ clock, seed, latencyMs: 30, historySize: 40, media: ['chat'] });
  listen(backend);
  await run('connect sized', () => backend.connect());
  await run('signIn chat', () => backend.signIn('chat'));
  await run('setState chat ready', () => backend.setState('chat', { availability: 'ready' }));
  const offer = backend.offer('chat', { customer: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  call('offer chat', () => offer);
  if (offer) {
    await run(`accept ${offer.id}`, () => backend.accept(offer.id));
    await run(`loadHistory ${offer.id}`, () => backend.loadHistory(offer.id));
  }
  backend.close();
  return lines;
}
