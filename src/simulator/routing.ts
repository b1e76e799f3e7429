/**
 * Routing in the simulated contact centre (OFFER-*): offers to the agent within capacity and only to a
 * Ready, routable media, their accept timers and the customers who give up, missed offers and what
 * they do to the agent's state (OFFER-4), and offers taken back when a media stops being routable.
 */
import type { EmailSample } from './email-basics.js';
import type { MediaState, StateTarget } from '../model/agent-state.js';
import type { MediaId } from '../model/media.js';
import { canPresentOffer, isHeld, missedOfferChanges, type Task } from '../model/tasks.js';
import type { StateCause } from '../backend/types.js';
import type { Conversation } from './conversation.js';
import { makeCustomer, makeQueue } from './customers.js';
import type { SimulatedLink } from './failures.js';
import { poissonWait } from './random.js';
import type { SimulatedServer } from './server.js';

/** What an `offer()` call may set; the rest is made up from the seed. */
export interface OfferOptions {
  customer?: Record<string, string>;
  queue?: string;
  /** The first customer message (the email's question for email); `null` for none. */
  text?: string | null;
  /** Overrides the media's accept timer. */
  acceptSeconds?: number;
  /** Overrides the backend's `botHistory` for this offer (chat and social only). */
  botHistory?: boolean;
  /** Which kind of email an email offer opens with (MAIL-*; drawn per task without it). */
  email?: EmailSample;
}

export interface RoutingOptions {
  /** Offers a minute, per media id. */
  offersPerMinute: Readonly<Record<MediaId, number>>;
  /** Offers a minute in all media together, each to a media that can take it then. */
  totalOffersPerMinute: number;
  /** At most this many routed offers on show at once (Infinity: no limit). */
  maxOffers: number;
  abandonRate: number;
}

/** The timer of the offers routed in all media together. */
const ROUTE_ANY = 'route:*';

export class Routing {
  #server: SimulatedServer;
  #conversation: Conversation;
  #link: SimulatedLink;
  #options: RoutingOptions;

  /** Told when an offer ends without being accepted (missed or taken back): a transferred one goes back to routing. */
  onUnanswered: ((task: Task) => void) | undefined;

  constructor(server: SimulatedServer, conversation: Conversation, link: SimulatedLink, options: RoutingOptions) {
    this.#server = server;
    this.#conversation = conversation;
    this.#link = link;
    this.#options = options;
  }

  /** OFFER-1/3, STATE-6: an offer now, if the rules allow it (see `SimulatedBackend.offer`). */
  offer(media: MediaId, options: OfferOptions = {}): Task | undefined {
    const server = this.#server;
    server.known(media);
    const m = server.mediaConfig(media)!;
    if (!canPresentOffer(server.config, server.state.media, Object.values(server.state.tasks), media)) return undefined;
    const now = server.clock.now();
    const id = `${media}-${server.state.nextId++}`;
    const task: Task = {
      id,
      media,
      status: 'offered',
      queue: options.queue ?? makeQueue(server.random, m.kind),
      customer: options.customer ?? makeCustomer(server.random, m.kind),
      offeredAt: now,
      expiresAt: now + (options.acceptSeconds ?? m.acceptSeconds) * 1000,
    };
    server.taskUpdate(task, 'offered');
    this.#conversation.open(task, m.kind, options, now);
    this.armExpiry(task);
    const abandonRate = this.#options.abandonRate;
    if (abandonRate > 0 && server.random() < abandonRate) {
      const at = (task.expiresAt - now) * (0.2 + 0.6 * server.random());
      server.schedule(`abandon:${id}`, at, () => this.rescind(id));
    }
    return structuredClone(task);
  }

  /** Whether the offer can still be accepted; if it can, it is, and its customer starts writing. */
  accept(taskId: string): boolean {
    const server = this.#server;
    const task = server.lookup(taskId);
    if (!task || task.status !== 'offered' || task.expiresAt <= server.clock.now()) return false;
    server.cancel(`expire:${taskId}`);
    server.cancel(`abandon:${taskId}`);
    server.taskUpdate({ ...task, status: 'active', acceptedAt: server.clock.now() }, 'accepted');
    this.#conversation.scheduleMessage(taskId);
    return true;
  }

  /** The routing system takes an offer back (the customer left, or another agent took it). */
  rescind(taskId: string): void {
    const task = this.#server.lookup(taskId);
    if (!task || task.status !== 'offered') return;
    this.#server.cancel(`expire:${taskId}`);
    this.#server.taskUpdate({ ...task, status: 'rescinded', endedAt: this.#server.clock.now() }, 'rescinded');
    this.onUnanswered?.(task);
  }

  /**
   * A media's new state. One that is no longer Ready and routable gets no offers: the routing system
   * takes back the ones it had on show (STATE-6).
   */
  setMediaState(state: MediaState, cause: StateCause): void {
    const server = this.#server;
    server.mediaUpdate(state, cause);
    if (state.signIn !== 'signed-in' || state.availability !== 'ready' || !state.routable) {
      for (const task of Object.values(server.state.tasks)) {
        if (task.media === state.media && task.status === 'offered') this.rescind(task.id);
      }
    }
  }

  /** A media's state once it has moved to `target` (routing is kept when it goes Not Ready). */
  applyTarget(current: MediaState, target: StateTarget): MediaState {
    const base = {
      media: current.media,
      signIn: current.signIn,
      since: this.#server.clock.now(),
      ...(current.systemState ? { systemState: current.systemState } : {}),
    };
    if (target.availability === 'ready') return { ...base, availability: 'ready', routable: true };
    return {
      ...base,
      availability: 'not-ready',
      routable: current.routable,
      ...(target.reasonId ? { reasonId: target.reasonId } : {}),
    };
  }

  /** The offer's accept timer. */
  armExpiry(task: Task): void {
    this.#server.schedule(`expire:${task.id}`, task.expiresAt - this.#server.clock.now(), () => this.#expire(task.id));
  }

  /** Online: offers arrive by themselves where a rate is set, and the customers of held tasks write. */
  start(): void {
    this.#startRouting();
    for (const task of Object.values(this.#server.state.tasks)) if (isHeld(task)) this.#conversation.scheduleMessage(task.id);
  }

  /** How fast offers arrive by themselves, now. */
  get pace(): Pick<RoutingOptions, 'offersPerMinute' | 'totalOffersPerMinute' | 'maxOffers'> {
    const { offersPerMinute, totalOffersPerMinute, maxOffers } = this.#options;
    return { offersPerMinute, totalOffersPerMinute, maxOffers };
  }

  /** A new pace, from now on: the waits for the next offers are drawn again at the new rates. */
  setPace(pace: Pick<RoutingOptions, 'offersPerMinute' | 'totalOffersPerMinute' | 'maxOffers'>): void {
    this.#options = { ...this.#options, ...pace };
    const server = this.#server;
    for (const key of server.timerKeys()) if (key.startsWith('route:')) server.cancel(key);
    if (server.connection === 'online') this.#startRouting();
  }

  #startRouting(): void {
    const server = this.#server;
    for (const media of server.media) {
      if ((this.#options.offersPerMinute[media] ?? 0) > 0 && !server.scheduled(`route:${media}`)) this.#scheduleOffer(media);
    }
    if (this.#options.totalOffersPerMinute > 0 && !server.scheduled(ROUTE_ANY)) this.#scheduleAny();
  }

  /** Whether routing may present one more offer (`maxOffers`). */
  #roomForOffer(): boolean {
    const max = this.#options.maxOffers;
    if (max === Infinity) return true;
    let waiting = 0;
    for (const task of Object.values(this.#server.state.tasks)) if (task.status === 'offered') waiting++;
    return waiting < max;
  }

  /**
   * OFFER-4: an offer not accepted in time goes back to routing, and the agent's state changes as the
   * model's rule says (`missedOfferChanges`): chat, SMS and social first lose routing, then their whole
   * group goes Not Ready; email goes Not Ready alone.
   */
  #expire(taskId: string): void {
    const server = this.#server;
    const task = server.lookup(taskId);
    if (!task || task.status !== 'offered') return;
    server.taskUpdate({ ...task, status: 'missed', endedAt: server.clock.now() }, 'missed');
    this.onUnanswered?.(task);
    for (const { state } of missedOfferChanges(server.config, task.media, server.state.media, server.clock.now())) {
      this.setMediaState(state, 'missed-offer');
    }
  }

  #scheduleOffer(media: MediaId): void {
    const server = this.#server;
    const rate = this.#options.offersPerMinute[media] ?? 0;
    if (rate <= 0 || server.closed) return;
    server.schedule(`route:${media}`, poissonWait(server.random, rate), () => {
      if (this.#link.up && this.#roomForOffer()) this.offer(media);
      this.#scheduleOffer(media);
    });
  }

  /** The next offer of `totalOffersPerMinute`, to one of the media that can take it then. */
  #scheduleAny(): void {
    const server = this.#server;
    const rate = this.#options.totalOffersPerMinute;
    if (rate <= 0 || server.closed) return;
    server.schedule(ROUTE_ANY, poissonWait(server.random, rate), () => {
      if (this.#link.up && this.#roomForOffer()) {
        const tasks = Object.values(server.state.tasks);
        const open = server.media.filter((m) => canPresentOffer(server.config, server.state.media, tasks, m));
        if (open.length) this.offer(open[Math.floor(server.random() * open.length)]!);
      }
      this.#scheduleAny();
    });
  }
}
