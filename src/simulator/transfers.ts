/**
 * Transfers in the simulated contact centre (XFER-1, XFER-3, XFER-4, PANE-5): the agent's transfer of
 * a held task to a routing point of its media, kept once per client id, with its internal note; and,
 * when the agent has joined a shared centre (centre.ts), the conversations other agents transferred,
 * offered to this agent with their whole transcript, and given back to routing when not accepted.
 */
import { canPresentOffer, type Message, type Task } from '../model/tasks.js';
import { MAX_TRANSFER_NOTE, transferWrapUp } from '../model/transfer.js';
import { pickText } from '../model/text.js';
import type { MediaId } from '../model/media.js';
import { DcBackendError, type TransferRequest } from '../backend/types.js';
import type { CentreAgent, SimulatedCentre, TransferredConversation } from './centre.js';
import type { Conversation } from './conversation.js';
import type { InjectedFailures } from './failures.js';
import type { Routing } from './routing.js';
import type { SimulatedServer } from './server.js';

export class Transfers implements CentreAgent {
  readonly agentId: string;
  readonly #server: SimulatedServer;
  readonly #conversation: Conversation;
  readonly #routing: Routing;
  readonly #failures: InjectedFailures;
  readonly #agentName: string;
  readonly #centre: SimulatedCentre | undefined;
  /** Client ids of the transfers the server took (the same request again changes nothing). */
  readonly #done = new Set<string>();
  /** Offers that are transferred conversations, by task id: one not accepted goes back to routing. */
  readonly #offered = new Map<string, TransferredConversation>();
  readonly #leave: (() => void)[] = [];

  constructor(
    server: SimulatedServer,
    conversation: Conversation,
    routing: Routing,
    failures: InjectedFailures,
    options: { agentId: string; agentName: string; centre: SimulatedCentre | undefined },
  ) {
    this.#server = server;
    this.#conversation = conversation;
    this.#routing = routing;
    this.#failures = failures;
    this.agentId = options.agentId;
    this.#agentName = options.agentName;
    this.#centre = options.centre;
    const centre = options.centre;
    if (centre) {
      routing.onUnanswered = (task) => this.#unanswered(task);
      this.#leave.push(server.onChange(() => centre.changed()));
      this.#leave.push(centre.join(this));
    }
  }

  /** The agent leaves the shared centre (the backend is closed). */
  leave(): void {
    for (const f of this.#leave.splice(0)) f();
  }

  /**
   * XFER-1/3/4: transfers a held task to one of its media's routing points, once per client id. The
   * note becomes an internal message; the task ends as `transferred` and the conversation goes to
   * routing, to be offered to another agent.
   */
  transfer(request: TransferRequest): void {
    if (this.#done.has(request.clientId)) return;
    const server = this.#server;
    const task = server.held(request.taskId);
    if (task.status !== 'active') throw new DcBackendError('rejected', 'Only an active task can be transferred');
    const media = server.mediaConfig(task.media);
    const target = media?.transferTargets.find((t) => t.id === request.target);
    if (!target) throw new DcBackendError('invalid', `Unknown routing point "${request.target}"`);
    if (transferWrapUp(media).required && !request.wrapUp?.reasons.length) {
      throw new DcBackendError('invalid', 'A wrap-up reason is required before this transfer');
    }
    const note = request.note?.trim() ?? '';
    if (note.length > MAX_TRANSFER_NOTE) throw new DcBackendError('invalid', `The note is longer than ${MAX_TRANSFER_NOTE} characters`);
    const failure = this.#failures.takeTransfer();
    if (failure) throw new DcBackendError('rejected', failure);
    this.#done.add(request.clientId);
    if (note) server.addMessage(task.id, 'agent', note, { name: this.#agentName, internal: true });
    const queue = pickText(target.label, 'en') || target.id;
    const transcript = this.#conversation.finish(task, 'transferred', queue);
    this.#offered.delete(task.id);
    this.#centre?.route({
      id: `transfer-${request.clientId}`,
      media: task.media,
      target: target.id,
      queue,
      customer: task.customer,
      transcript,
      from: this.agentId,
    });
  }

  // -------------------------------------------------------------------------------------------------
  // The shared centre's side

  available(): readonly MediaId[] {
    const server = this.#server;
    if (server.closed || server.connection !== 'online') return [];
    const tasks = Object.values(server.state.tasks);
    return server.media.filter((m) => canPresentOffer(server.config, server.state.media, tasks, m));
  }

  /** A conversation transferred by another agent, offered to this one with its whole transcript (PANE-5). */
  offer(conversation: TransferredConversation): boolean {
    const server = this.#server;
    if (!this.available().includes(conversation.media)) return false;
    const m = server.mediaConfig(conversation.media)!;
    const now = server.clock.now();
    const task: Task = {
      id: `${conversation.media}-${server.state.nextId++}`,
      media: conversation.media,
      status: 'offered',
      queue: conversation.queue,
      customer: conversation.customer,
      offeredAt: now,
      expiresAt: now + m.acceptSeconds * 1000,
    };
    server.taskUpdate(task, 'offered');
    for (const message of conversation.transcript) server.addMessage(task.id, message.from, message.text, copied(message));
    this.#offered.set(task.id, conversation);
    this.#routing.armExpiry(task);
    return true;
  }

  /** An offered conversation not accepted (missed, taken back) goes back to routing. */
  #unanswered(task: Task): void {
    const conversation = this.#offered.get(task.id);
    if (!conversation) return;
    this.#offered.delete(task.id);
    this.#centre?.route(conversation);
  }
}

/** A message of an earlier part of the conversation, as the next agent's task holds it. */
function copied(message: Message): Partial<Omit<Message, 'id' | 'taskId'>> {
  return {
    at: message.at,
    ...(message.name !== undefined ? { name: message.name } : {}),
    ...(message.receipt !== undefined && message.receipt !== 'sending' ? { receipt: message.receipt } : {}),
    ...(message.failure !== undefined ? { failure: message.failure } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.announcement ? { announcement: message.announcement } : {}),
    ...(message.internal ? { internal: true as const } : {}),
  };
}
