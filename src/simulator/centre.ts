/**
 * One simulated contact centre shared by several agents (XFER-4, PANE-5): each `SimulatedBackend`
 * that joins it keeps its own agent, media states, tasks and event stream; the centre holds what
 * is between them — the conversations transferred to a routing point and waiting for an agent.
 *
 * A transferred conversation is offered to another agent who can take an offer of its media now
 * (signed in, Ready, routable, below capacity: the routing rules of OFFER-1/3); if nobody can, it
 * waits until someone can. An offer not accepted in time (or taken back) comes back here and waits
 * again. The agent who accepts gets the whole transcript, the earlier agents' messages and their
 * internal notes included.
 *
 * Across the tabs of one browser, centres of the same `channel` name meet through a BroadcastChannel:
 * each tells the others which of its agents can take which media, and a conversation goes, as JSON,
 * to the tab of the agent it is offered to (who then holds it, and routes it again if it comes back).
 * What waits is kept in memory: a tab that closes takes the conversations waiting in it.
 */
import type { MediaId } from '../model/media.js';
import type { CustomerVariables, Message } from '../model/tasks.js';

/** A conversation on its way from one agent to another. */
export interface TransferredConversation {
  /** The transfer's id (from the request's client id): one conversation per transfer. */
  readonly id: string;
  readonly media: MediaId;
  /** The routing point's id and, as the next agent's queue, its name. */
  readonly target: string;
  readonly queue: string;
  readonly customer: CustomerVariables;
  /** Every message so far, oldest first: the earlier agents', their notes, the announcements. */
  readonly transcript: readonly Message[];
  /** The agent who transferred it last: not offered back to them at once. */
  readonly from: string;
}

/** What a centre needs of an agent who joined it (a `SimulatedBackend`'s side). */
export interface CentreAgent {
  readonly agentId: string;
  /** The media this agent could take an offer of right now. */
  available(): readonly MediaId[];
  /** Offers the conversation to the agent; false when it cannot be presented now. */
  offer(conversation: TransferredConversation): boolean;
}

export interface SimulatedCentreOptions {
  /**
   * Meets the centres of the same name in the other tabs of this browser (BroadcastChannel). Without
   * it, the centre is this page's alone.
   */
  channel?: string;
}

type Wire =
  | { readonly kind: 'hello'; readonly tab: string }
  | { readonly kind: 'agents'; readonly tab: string; readonly agents: readonly RemoteAgent[] }
  | { readonly kind: 'offer'; readonly tab: string; readonly to: string; readonly agent: string; readonly conversation: TransferredConversation }
  | { readonly kind: 'bye'; readonly tab: string };

interface RemoteAgent {
  readonly id: string;
  readonly media: readonly MediaId[];
}

export class SimulatedCentre {
  readonly #agents = new Set<CentreAgent>();
  readonly #waiting: TransferredConversation[] = [];
  readonly #remote = new Map<string, readonly RemoteAgent[]>();
  readonly #tab = `tab-${Math.random().toString(36).slice(2)}`;
  #channel: BroadcastChannel | undefined;
  #scheduled = false;
  #closed = false;

  constructor(options: SimulatedCentreOptions = {}) {
    if (options.channel && typeof BroadcastChannel === 'function') {
      const channel = (this.#channel = new BroadcastChannel(`dc-widgets:centre:${options.channel}`));
      channel.onmessage = (e: MessageEvent) => this.#receive(e.data as Wire);
      this.#post({ kind: 'hello', tab: this.#tab });
    }
  }

  /** An agent joins; the function returned makes them leave. */
  join(agent: CentreAgent): () => void {
    this.#agents.add(agent);
    this.changed();
    return () => {
      this.#agents.delete(agent);
      this.changed();
    };
  }

  /** The conversations waiting for an agent, oldest first (tests, the demo). */
  get waiting(): readonly TransferredConversation[] {
    return [...this.#waiting];
  }

  /** A conversation goes to routing: it is offered to the next agent who can take it. */
  route(conversation: TransferredConversation): void {
    if (this.#closed) return;
    if (!this.#waiting.some((c) => c.id === conversation.id)) this.#waiting.push(conversation);
    this.changed();
  }

  /** Something changed for an agent (state, tasks): routing looks again, and the other tabs hear of it. */
  changed(): void {
    if (this.#scheduled || this.#closed) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#dispatch();
      this.#announce();
    });
  }

  /** Leaves the other tabs and drops what waits here. */
  close(): void {
    this.#closed = true;
    this.#post({ kind: 'bye', tab: this.#tab });
    this.#channel?.close();
    this.#channel = undefined;
    this.#waiting.length = 0;
  }

  #dispatch(): void {
    for (const conversation of [...this.#waiting]) {
      if (this.#place(conversation)) this.#waiting.splice(this.#waiting.indexOf(conversation), 1);
    }
  }

  /** Offers a conversation to one agent, here first, then in another tab. */
  #place(conversation: TransferredConversation): boolean {
    for (const agent of this.#agents) {
      if (agent.agentId === conversation.from || !agent.available().includes(conversation.media)) continue;
      if (agent.offer(conversation)) return true;
    }
    for (const [tab, agents] of this.#remote) {
      const agent = agents.find((a) => a.id !== conversation.from && a.media.includes(conversation.media));
      if (!agent) continue;
      // That tab holds it from now on; it cannot take it after all, it waits there.
      this.#remote.set(tab, agents.filter((a) => a !== agent));
      this.#post({ kind: 'offer', tab: this.#tab, to: tab, agent: agent.id, conversation });
      return true;
    }
    return false;
  }

  #announce(): void {
    if (!this.#channel) return;
    const agents = [...this.#agents].map((a) => ({ id: a.agentId, media: [...a.available()] }));
    this.#post({ kind: 'agents', tab: this.#tab, agents });
  }

  #receive(message: Wire): void {
    if (this.#closed || typeof message !== 'object' || message === null) return;
    switch (message.kind) {
      case 'hello':
        this.#announce();
        return;
      case 'agents':
        this.#remote.set(message.tab, Array.isArray(message.agents) ? message.agents : []);
        this.#dispatch();
        return;
      case 'bye':
        this.#remote.delete(message.tab);
        return;
      case 'offer': {
        if (message.to !== this.#tab) return;
        const agent = [...this.#agents].find((a) => a.agentId === message.agent);
        if (!agent?.available().includes(message.conversation.media) || !agent.offer(message.conversation)) {
          this.route(message.conversation);
        }
        return;
      }
    }
  }

  #post(message: Wire): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // a channel closed under us: this tab goes on alone
    }
  }
}
