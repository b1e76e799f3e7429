/**
 * One contact-centre server for several pages (tabs, frames) of one agent: a `Hub` in the test's page
 * holds the truth and the sequence numbers, and each page connects with a `TabBackend` of its own
 * realm. Events cross realms as JSON, as they cross a network; sends are kept once per client id.
 */
import { signedInState, signedOutState, type StateTarget } from '../../src/model/agent-state.js';
import type { MediaId } from '../../src/model/media.js';
import type { Message } from '../../src/model/tasks.js';
import { EMPTY_CATALOGUE } from '../../src/model/workflows.js';
import {
  DcBackendError,
  type BackendListener,
  type ConnectionStatus,
  type DcBackend,
  type DcEvent,
  type DcSnapshot,
  type OutgoingMessage,
} from '../../src/backend/types.js';
import { ScriptServer } from '../store/script-backend.js';

type EventBody = DcEvent extends infer E ? (E extends DcEvent ? Omit<E, 'seq' | 'at'> : never) : never;

interface Connection {
  online(): boolean;
  deliver(json: string): void;
}

export class Hub {
  readonly server: ScriptServer;
  readonly #connections = new Set<Connection>();

  constructor(media: readonly MediaId[]) {
    this.server = new ScriptServer(media, () => Date.now());
    for (const m of media) this.server.media.set(m, signedOutState(m, Date.now()));
  }

  join(c: Connection): void {
    this.#connections.add(c);
  }

  leave(c: Connection): void {
    this.#connections.delete(c);
  }

  /** An event from the server to every page that is online. */
  emit(body: EventBody): void {
    const server = this.server;
    server.seq += 1;
    const event = { ...body, seq: server.seq, at: Date.now() } as DcEvent;
    server.take(event);
    const json = JSON.stringify(event);
    for (const c of [...this.#connections]) {
      try {
        if (c.online()) c.deliver(json);
      } catch {
        this.#connections.delete(c); // a page that has gone
      }
    }
  }

  /** A send reaching the server: one message per client id. */
  take(message: { clientId: string; taskId: string; text: string }): void {
    this.server.sends.push({ ...message, attachments: [] });
    if (this.agentMessages(message.clientId).length) return;
    this.emit({
      type: 'message',
      message: { id: `server-${this.server.seq + 1}`, taskId: message.taskId, from: 'agent', text: message.text, at: Date.now(), clientId: message.clientId, receipt: 'sent' },
    });
  }

  /** The messages the server holds under a client id (exactly-once means one). */
  agentMessages(clientId: string): Message[] {
    return [...this.server.messages.values()].flat().filter((m) => m.clientId === clientId);
  }
}

/** One page's connection to the hub. */
export class TabBackend implements DcBackend, Connection {
  connection: ConnectionStatus = 'online';
  readonly #hub: Hub;
  #listeners = new Set<BackendListener>();

  constructor(hub: Hub) {
    this.#hub = hub;
    hub.join(this);
  }

  online(): boolean {
    return this.connection === 'online';
  }

  deliver(json: string): void {
    const event: unknown = JSON.parse(json);
    for (const l of [...this.#listeners]) l.event(event);
  }

  drop(): void {
    this.#set('offline');
  }

  restore(): void {
    this.#set('online');
  }

  #set(status: ConnectionStatus): void {
    this.connection = status;
    for (const l of [...this.#listeners]) l.connection(status);
  }

  #check(): void {
    if (this.connection !== 'online') throw new DcBackendError('offline', 'Not connected to the server');
  }

  async connect(): Promise<void> {}
  close(): void {
    this.#hub.leave(this);
    this.#listeners.clear();
  }
  subscribe(listener: BackendListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  async snapshot(): Promise<DcSnapshot> {
    this.#check();
    return JSON.parse(JSON.stringify(this.#hub.server.snapshot())) as DcSnapshot;
  }
  async signIn(media: MediaId): Promise<void> {
    this.#check();
    this.#hub.emit({ type: 'media-state', cause: 'sign-in', state: signedInState(media, Date.now()) });
  }
  async signOut(): Promise<void> {
    this.#check();
  }
  async setState(media: MediaId, target: StateTarget): Promise<void> {
    this.#check();
    const state = { ...signedInState(media, Date.now()), availability: target.availability, ...(target.reasonId ? { reasonId: target.reasonId } : {}) };
    this.#hub.emit({ type: 'media-state', cause: 'agent', state });
  }
  async accept(): Promise<void> {
    this.#check();
  }
  async end(): Promise<void> {
    this.#check();
  }
  async wrapUp(): Promise<void> {
    this.#check();
  }
  async send(message: OutgoingMessage): Promise<void> {
    this.#check();
    this.#hub.take({ clientId: message.clientId, taskId: message.taskId, text: message.text });
  }
  async loadHistory(): Promise<readonly Message[]> {
    this.#check();
    return [];
  }
  async typing(): Promise<void> {}
  async catalogue() {
    this.#check();
    return EMPTY_CATALOGUE;
  }
  async triggerWorkflow(): Promise<void> {
    this.#check();
  }
  async transfer(): Promise<void> {
    this.#check();
  }
  async saveCustomer(): Promise<void> {
    this.#check();
  }
}
