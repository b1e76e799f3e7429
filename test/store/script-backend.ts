/**
 * A backend the test drives by hand, event by event: the server's truth (media, tasks, messages) and
 * its sequence numbers are the test's, so a test can send an event again under the same number (a
 * replay) or a new one (a duplicate), drop and restore the connection, and hold a send in flight.
 * Commands are recorded; state commands never answer (the server "has not replied yet"), so nothing
 * happens that the test did not ask for. Several backends may share one server (a page reload).
 */
import { signedInState, type MediaState, type StateTarget } from '../../src/model/agent-state.js';
import type { MediaId } from '../../src/model/media.js';
import { isFinal, type Message, type Task } from '../../src/model/tasks.js';
import type {
  BackendListener,
  ConnectionStatus,
  DcBackend,
  DcEvent,
  DcSnapshot,
  OutgoingMessage,
  TransferRequest,
} from '../../src/backend/types.js';
import { EMPTY_CATALOGUE } from '../../src/model/workflows.js';

type EventBody = DcEvent extends infer E ? (E extends DcEvent ? Omit<E, 'seq' | 'at'> : never) : never;

export class ScriptServer {
  seq = 0;
  readonly media = new Map<MediaId, MediaState>();
  readonly tasks = new Map<string, Task>();
  readonly messages = new Map<string, Message[]>();
  /** Every send that reached the server, in order (retries and resends included). */
  readonly sends: OutgoingMessage[] = [];

  constructor(media: readonly MediaId[], readonly now: () => number) {
    for (const m of media) this.media.set(m, { ...signedInState(m, now()), availability: 'ready' });
  }

  /** Applies an event to the truth (idempotently, as a server holds things once). */
  take(event: DcEvent): void {
    switch (event.type) {
      case 'media-state':
        this.media.set(event.state.media, event.state);
        return;
      case 'task':
        if (isFinal(event.task)) {
          this.tasks.delete(event.task.id);
          this.messages.delete(event.task.id);
        } else this.tasks.set(event.task.id, event.task);
        return;
      case 'message': {
        const list = this.messages.get(event.message.taskId) ?? [];
        if (!list.some((m) => m.id === event.message.id)) list.push(event.message);
        this.messages.set(event.message.taskId, list);
        return;
      }
      case 'receipt': {
        const list = this.messages.get(event.taskId) ?? [];
        const i = list.findIndex((m) => m.id === event.messageId);
        if (i >= 0) list[i] = { ...list[i]!, receipt: event.receipt };
        return;
      }
      case 'typing':
        return;
    }
  }

  /** What the server would send as its snapshot now, as it would arrive: parsed JSON. */
  snapshot(): DcSnapshot {
    return JSON.parse(
      JSON.stringify({
        seq: this.seq,
        at: this.now(),
        media: Object.fromEntries(this.media),
        tasks: [...this.tasks.values()],
        messages: Object.fromEntries([...this.messages].filter(([id]) => this.tasks.has(id))),
      }),
    ) as DcSnapshot;
  }
}

export class ScriptBackend implements DcBackend {
  connection: ConnectionStatus = 'online';
  readonly server: ScriptServer;
  /** Commands the store sent, in order, as `name arg…`. */
  readonly calls: string[] = [];
  /**
   * What `send` does; by default the server takes the message once per client id and says so with a
   * message event. A test replaces it to hold a send in flight.
   */
  onSend: (message: OutgoingMessage) => Promise<void> = async (message) => this.#take(message);
  #listeners = new Set<BackendListener>();

  constructor(server: ScriptServer) {
    this.server = server;
  }

  /** Sends an event from the server: the next sequence number, the truth updated. Returns it as sent. */
  emit(body: EventBody): DcEvent {
    const server = this.server;
    server.seq += 1;
    const event = { ...body, seq: server.seq, at: server.now() } as DcEvent;
    server.take(event);
    this.deliver(event);
    return event;
  }

  /** Delivers anything down the stream as it is (a replay: an event already sent, same number). */
  deliver(raw: unknown): void {
    if (this.connection !== 'online') return;
    const copy: unknown = JSON.parse(JSON.stringify(raw));
    for (const l of [...this.#listeners]) l.event(copy);
  }

  /** Delivers a value exactly as given, not copied: how tests hand the store what JSON cannot carry. */
  deliverRaw(raw: unknown): void {
    if (this.connection !== 'online') return;
    for (const l of [...this.#listeners]) l.event(raw);
  }

  drop(): void {
    this.#setConnection('offline');
  }

  restore(): void {
    this.#setConnection('online');
  }

  #setConnection(status: ConnectionStatus): void {
    this.connection = status;
    for (const l of [...this.#listeners]) l.connection(status);
  }

  #take(message: OutgoingMessage): void {
    const server = this.server;
    server.sends.push(message);
    const held = [...server.messages.values()].flat().some((m) => m.clientId === message.clientId);
    if (held) return; // one message per client id
    const id = `server-${server.seq + 1}`;
    this.emit({
      type: 'message',
      message: { id, taskId: message.taskId, from: 'agent', text: message.text, at: server.now(), clientId: message.clientId, receipt: 'sent' },
    });
  }

  // DcBackend

  async connect(): Promise<void> {}
  close(): void {
    this.#listeners.clear();
  }
  subscribe(listener: BackendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  async snapshot(): Promise<DcSnapshot> {
    return this.server.snapshot();
  }
  signIn(media: MediaId): Promise<void> {
    return this.#pending(`signIn ${media}`);
  }
  signOut(media: readonly MediaId[]): Promise<void> {
    return this.#pending(`signOut ${media.join(',')}`);
  }
  setState(media: MediaId, target: StateTarget): Promise<void> {
    return this.#pending(`setState ${media} ${target.availability}${target.reasonId ? ` ${target.reasonId}` : ''}`);
  }
  accept(taskId: string): Promise<void> {
    return this.#pending(`accept ${taskId}`);
  }
  end(taskId: string): Promise<void> {
    return this.#pending(`end ${taskId}`);
  }
  wrapUp(taskId: string, outcome: { readonly reasons: readonly string[] }): Promise<void> {
    return this.#pending(`wrapUp ${taskId} ${outcome.reasons.join(',')}`);
  }
  send(message: OutgoingMessage): Promise<void> {
    this.calls.push(`send ${message.clientId}`);
    return this.onSend(message);
  }
  async loadHistory(): Promise<readonly Message[]> {
    return [];
  }
  async typing(): Promise<void> {}
  async catalogue() {
    return EMPTY_CATALOGUE;
  }
  triggerWorkflow(taskId: string, workflowId: string): Promise<void> {
    return this.#pending(`triggerWorkflow ${taskId} ${workflowId}`);
  }
  /** XFER-1: recorded as `transfer <task> <target> <client id>`; answered by `onTransfer` (never, by default). */
  onTransfer: (request: TransferRequest) => Promise<void> = () => new Promise(() => {});
  transfer(request: TransferRequest): Promise<void> {
    this.calls.push(`transfer ${request.taskId} ${request.target} ${request.clientId}`);
    return this.onTransfer(request);
  }
  saveCustomer(taskId: string, fields: Readonly<Record<string, string>>): Promise<void> {
    return this.#pending(`saveCustomer ${taskId} ${Object.keys(fields).join(',')}`);
  }

  /** Recorded; the server has not answered yet (and never will, in these tests). */
  #pending(call: string): Promise<void> {
    this.calls.push(call);
    return new Promise(() => {});
  }
}

/** A task as the server sends it. */
export function task(id: string, media: MediaId, status: Task['status'], at: number, customer = `Customer ${id}`): Task {
  return {
    id,
    media,
    status,
    queue: 'Support',
    customer: { name: customer },
    offeredAt: at,
    expiresAt: at + 30_000,
    ...(status === 'offered' ? {} : { acceptedAt: at + 1000 }),
    ...(isFinal({ status } as Task) ? { endedAt: at + 2000 } : {}),
  };
}

/** Lets the store's promise chains (a snapshot read, a send) run to their end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
