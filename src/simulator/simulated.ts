/**
 * The embedded simulated contact centre: the kit's default backend, used by the demo, the stories and
 * the tests. Deterministic from a seed and an injectable clock; failures are injected on purpose.
 *
 * `SimulatedBackend` is its face: the `DcBackend` commands and the server-side controls. The work is
 * done by the parts it composes, which share one server and one seeded generator: server.ts (state,
 * event stream, timers, storage), routing.ts (offers, OFFER-4, STATE-6), conversation.ts (customers,
 * receipts, bot hand-off, announcements), history.ts, workflows.ts, failures.ts (injected failures,
 * the connection), transfers.ts (transfers, and the tasks other agents transfer to this one);
 * options.ts holds the options and their defaults. Several backends may share one contact centre
 * (centre.ts: `new SimulatedBackend({ centre })`), each with its own agent, media, tasks and stream.
 */
import { signedInState, signedOutState, type MediaState, type StateTarget } from '../model/agent-state.js';
import type { DcConfig, SignOutDisposition } from '../model/config.js';
import type { MediaId } from '../model/media.js';
import { isHeld, type Message, type Task } from '../model/tasks.js';
import type { Catalogue } from '../model/workflows.js';
import type { Clock } from '../backend/clock.js';
import {
  DcBackendError,
  type BackendListener,
  type ConnectionStatus,
  type DcBackend,
  type DcSnapshot,
  type OutgoingMessage,
  type StateCause,
  type TransferRequest,
} from '../backend/types.js';
import type { SimulatedCentre, TransferredConversation } from './centre.js';
import { SAMPLE_CATALOGUE } from './catalogue.js';
import { Conversation } from './conversation.js';
import { CustomerRecords } from './customer-records.js';
import {
  InjectedFailures,
  SimulatedLink,
  type CountedFailureOptions,
  type FailureOptions,
  type SendFailureOptions,
} from './failures.js';
import { earlierInteractions } from './history.js';
import { resolveOptions, resolvePace, type Pace, type SimulatedBackendOptions } from './options.js';
import { Routing, type OfferOptions } from './routing.js';
import { SimulatedServer } from './server.js';
import { Workflows } from './workflows.js';
import { WrapUps } from './wrap-up.js';
import { outcomeAtZero, type WrapUpOutcome } from '../model/wrap-up.js';
import { Transfers } from './transfers.js';

export { seededRandom, type Duration } from './random.js';
export type { CountedFailureOptions, FailureOptions, SendFailureOptions } from './failures.js';
export type { OfferOptions } from './routing.js';
export { EMAIL_SAMPLES, type EmailSample } from './email-basics.js';
export { FOLLOWABLE_PACE, SAMPLE_EMAIL_CONFIG, type Pace, type SimulatedBackendOptions } from './options.js';
export { SimulatedCentre, type SimulatedCentreOptions, type TransferredConversation } from './centre.js';
export { SAMPLE_TRANSFER_TARGETS } from './targets.js';

export class SimulatedBackend implements DcBackend {
  readonly clock: Clock;
  readonly config: DcConfig;
  #server: SimulatedServer;
  #failures = new InjectedFailures();
  #link: SimulatedLink;
  #conversation: Conversation;
  #routing: Routing;
  #workflows: Workflows;
  #wrapUps: WrapUps;
  #customers: CustomerRecords;
  #historySize: number | undefined;
  #transfers: Transfers;
  #centre: SimulatedCentre | undefined;
  /** The email writers (emails.ts) on their way, for a backend with an email media; `connect()` waits for them. */
  #emailsReady: Promise<void>;

  constructor(options: SimulatedBackendOptions = {}) {
    const resolved = resolveOptions(options);
    const server = new SimulatedServer(resolved.server);
    this.clock = server.clock;
    this.config = server.config;
    this.#server = server;
    this.#link = new SimulatedLink(server, resolved.latency, () => this.#routing.start());
    this.#conversation = new Conversation(server, this.#failures, resolved.conversation);
    this.#routing = new Routing(server, this.#conversation, this.#link, resolved.routing);
    this.#workflows = new Workflows(server, this.#conversation, this.#failures);
    this.#wrapUps = new WrapUps(server, this.#conversation);
    this.#customers = new CustomerRecords(server, this.#failures);
    this.#historySize = resolved.historySize;
    this.#centre = resolved.transfers.centre;
    this.#transfers = new Transfers(server, this.#conversation, this.#routing, this.#failures, resolved.transfers);
    // MAIL-*: the emails' text loads apart, on first use (most of the simulator's weight); connect()
    // waits for it, so every email offer after it opens on a real email. Failing that, plain emails.
    this.#emailsReady = this.config.media.some((m) => m.kind === 'email')
      ? import('./emails.js').then(
          (writers) => this.#conversation.useEmails(writers),
          () => undefined,
        )
      : Promise.resolve();
    // A server read back from storage picks up its offers' timers and its receipts where they were.
    for (const task of Object.values(server.state.tasks)) {
      if (task.status === 'offered') this.#routing.armExpiry(task);
      this.#wrapUps.arm(task); // END-2: a wrap-up's deadline holds across a reload
      for (const m of server.state.messages[task.id] ?? []) if (m.from === 'agent') this.#conversation.armReceipt(task.id, m.id);
    }
  }

  get connection(): ConnectionStatus {
    return this.#server.connection;
  }

  /** The simulated server's own view of a media (for tests and the demo's simulator panel). */
  serverState(media: MediaId): MediaState | undefined {
    return this.#server.state.media[media];
  }

  get media(): readonly MediaId[] {
    return this.#server.media;
  }

  // -------------------------------------------------------------------------------------------------
  // DcBackend

  async connect(): Promise<void> {
    await Promise.all([this.#link.connect(), this.#emailsReady]);
  }

  close(): void {
    this.#transfers.leave();
    this.#link.close();
    this.#server.close();
  }

  subscribe(listener: BackendListener): () => void {
    return this.#server.subscribe(listener);
  }

  async snapshot(): Promise<DcSnapshot> {
    await this.#link.roundTrip();
    return this.#server.snapshot();
  }

  async signIn(media: MediaId): Promise<void> {
    await this.#link.roundTrip();
    this.#server.known(media);
    const current = this.#server.state.media[media]!;
    if (current.signIn === 'signed-in') return;
    const failure = this.#failures.takeSignIn(media);
    if (failure) {
      this.#routing.setMediaState({ ...current, signIn: 'failed', signInError: failure }, 'sign-in');
      throw new DcBackendError('rejected', failure);
    }
    this.#routing.setMediaState(signedInState(media, this.clock.now()), 'sign-in'); // SIGN-3
  }

  async signOut(media: readonly MediaId[], disposition: SignOutDisposition): Promise<void> {
    await this.#link.roundTrip();
    const server = this.#server;
    for (const m of media) {
      server.known(m);
      // STATE-8: the agent's tasks of that media are transferred back to routing, or closed.
      for (const task of Object.values(server.state.tasks)) {
        if (task.media !== m) continue;
        if (task.status === 'offered') server.taskUpdate({ ...task, status: 'rescinded', endedAt: this.clock.now() }, 'rescinded');
        else if (task.status === 'wrap-up') this.#wrapUps.close(task, this.#defaultOutcome(task), 'server'); // its conversation is over
        else if (isHeld(task)) this.#conversation.finish(task, disposition === 'transfer' ? 'transferred' : 'closed');
      }
      this.#routing.setMediaState(signedOutState(m, this.clock.now()), 'agent');
    }
  }

  async setState(media: MediaId, target: StateTarget): Promise<void> {
    await this.#link.roundTrip();
    this.#server.known(media);
    const current = this.#server.state.media[media]!;
    if (current.signIn !== 'signed-in') throw new DcBackendError('not-signed-in', `${media} is not signed in`);
    const failure = this.#failures.takeStateChange(media);
    if (failure) throw new DcBackendError('rejected', failure);
    this.#routing.setMediaState(this.#routing.applyTarget(current, target), 'agent');
  }

  async accept(taskId: string): Promise<void> {
    await this.#link.roundTrip();
    if (!this.#routing.accept(taskId)) throw new DcBackendError('rejected', 'This offer is no longer available');
  }

  /** END-1, END-2: closes the task, or moves it to wrap-up when its media forces one (see wrap-up.ts). */
  async end(taskId: string): Promise<void> {
    await this.#link.roundTrip();
    this.#wrapUps.end(this.#server.task(taskId));
  }

  /** END-2: closes a task in wrap-up with the agent's reasons and note. */
  async wrapUp(taskId: string, outcome: WrapUpOutcome): Promise<void> {
    await this.#link.roundTrip();
    this.#wrapUps.wrapUp(taskId, outcome);
  }

  #defaultOutcome(task: Task): WrapUpOutcome {
    const wrapUp = this.#server.mediaConfig(task.media)?.wrapUp;
    return wrapUp ? outcomeAtZero(wrapUp, undefined) : { reasons: [] };
  }

  /**
   * COMP-1, PANE-4: takes an agent message, once per client id. A new id makes a `sent` message whose
   * receipt then moves on to delivered and read; an id whose message failed is delivered again (no
   * second message); any other known id changes nothing.
   */
  async send(message: OutgoingMessage): Promise<void> {
    await this.#link.roundTrip();
    this.#conversation.send(message);
  }

  /** PANE-1, PANE-5: the customer's earlier interactions, oldest first (seeded per customer). */
  async loadHistory(taskId: string): Promise<readonly Message[]> {
    await this.#link.roundTrip();
    const task = this.#server.task(taskId);
    const failure = this.#failures.takeHistory();
    if (failure) throw new DcBackendError('rejected', failure);
    return earlierInteractions(task, this.#server.seed, this.#historySize);
  }

  /** The agent is (or stopped) typing in a held task. */
  async typing(taskId: string, typing: boolean): Promise<void> {
    await this.#link.roundTrip();
    this.#conversation.agentTypes(taskId, typing);
  }

  /** COMP-5, COMP-10: the sample templates and workflows (src/simulator/catalogue.ts). */
  async catalogue(): Promise<Catalogue> {
    await this.#link.roundTrip();
    const failure = this.#failures.takeCatalogue();
    if (failure) throw new DcBackendError('rejected', failure);
    return structuredClone(SAMPLE_CATALOGUE);
  }

  /**
   * COMP-10: runs a sample workflow after checking its parameters as the server would, then adds its
   * audit announcement to the thread. A workflow that runs and fails adds a `failed` announcement and
   * rejects with the reason.
   */
  async triggerWorkflow(taskId: string, workflowId: string, params: Readonly<Record<string, string>>): Promise<void> {
    await this.#link.roundTrip();
    this.#workflows.run(this.#server.held(taskId), workflowId, params);
  }

  /**
   * XFER-1/3/4: transfers a held task to a routing point of its media, once per client id; the note
   * goes with it as an internal message. In a shared centre, another agent is offered it next.
   */
  async transfer(request: TransferRequest): Promise<void> {
    await this.#link.roundTrip();
    this.#transfers.transfer(request);
  }
  /** CUST-3: saves a held task's customer fields (checked as a server would); the task event carries them. */
  async saveCustomer(taskId: string, fields: Readonly<Record<string, string>>): Promise<void> {
    await this.#link.roundTrip();
    this.#customers.save(taskId, fields);
  }

  // -------------------------------------------------------------------------------------------------
  // The server's side (tests, stories, the demo's simulator panel)

  /** The shared centre this agent joined, if any. */
  get centre(): SimulatedCentre | undefined {
    return this.#centre;
  }

  /** This agent's id in the shared centre. */
  get agentId(): string {
    return this.#transfers.agentId;
  }

  /** The next `count` transfers are refused by the server (XFER-4: the agent keeps the task and retries). */
  failTransfer(options: CountedFailureOptions = {}): void {
    this.#failures.failTransfer(options);
  }

  /** Offers a transferred conversation to this agent now, if it may be presented (tests, stories). */
  offerTransferred(conversation: TransferredConversation): boolean {
    return this.#transfers.offer(conversation);
  }

  /**
   * How fast offers arrive by themselves: per media, in all media together, and how many may wait at
   * once (`maxOffers` is Infinity without a limit).
   */
  get pace(): Required<Pace> {
    const { offersPerMinute, totalOffersPerMinute, maxOffers } = this.#routing.pace;
    return { offersPerMinute: { ...offersPerMinute }, totalOffersPerMinute, maxOffers };
  }

  /**
   * Changes how fast offers arrive by themselves, from now on (the demo's panel): the fields given
   * replace the current ones; `maxOffers: Infinity` lifts the limit. Offers on show stay.
   */
  setPace(pace: Pace): void {
    const given = resolvePace(this.config, pace);
    const current = this.#routing.pace;
    this.#routing.setPace({
      offersPerMinute: pace.offersPerMinute === undefined ? current.offersPerMinute : given.offersPerMinute,
      totalOffersPerMinute: pace.totalOffersPerMinute === undefined ? current.totalOffersPerMinute : given.totalOffersPerMinute,
      maxOffers: pace.maxOffers === undefined ? current.maxOffers : given.maxOffers,
    });
  }

  /**
   * Routes an offer of `media` to the agent now, if the routing rules allow it (Ready, routable, below
   * capacity: OFFER-1/3, STATE-6). Returns the offer, or undefined when it may not be presented.
   */
  offer(media: MediaId, options: OfferOptions = {}): Task | undefined {
    return this.#routing.offer(media, options);
  }

  /** The routing system takes an offer back (the customer left, or another agent took it). */
  rescind(taskId: string): void {
    this.#routing.rescind(taskId);
  }

  /** The customer writes in a task (TASK-5); in an email task, a follow-up email. */
  customerMessage(taskId: string, text?: string): Message {
    return this.#conversation.customerMessage(taskId, text);
  }

  /** MAIL-4: the customer of an email task sends a follow-up email now ("Re: …", the last email quoted). */
  customerEmail(taskId: string, text?: string): Message {
    return this.#conversation.customerEmail(taskId, text);
  }

  /** The server's own view of a task (tests, the demo). */
  serverTask(taskId: string): Task | undefined {
    return this.#server.lookup(taskId);
  }

  /** The server's own messages of a task it holds, with their current receipts (tests, the demo). */
  serverMessages(taskId: string): readonly Message[] {
    return this.#server.state.messages[taskId] ?? [];
  }

  /** What a closed task was wrapped up with, and whether the agent or the server closed it (END-2). */
  serverWrapUp(taskId: string): (WrapUpOutcome & { readonly by: 'agent' | 'server' }) | undefined {
    return this.#wrapUps.outcome(taskId);
  }

  /** Every task the server holds for the agent (offers and held tasks). */
  get serverTasks(): readonly Task[] {
    return Object.values(this.#server.state.tasks);
  }

  /** The next `times` sign-ins of `media` fail (every one when `times` is left out). SIGN-4. */
  failSignIn(media: MediaId, options: FailureOptions = {}): void {
    this.#failures.failSignIn(media, options);
  }

  /** The next `times` state changes of `media` fail. STATE-7. */
  failStateChange(media: MediaId, options: FailureOptions = {}): void {
    this.#failures.failStateChange(media, options);
  }

  /**
   * The next `count` sends fail (PANE-4): refused outright (`reject`: no message, the client id is not
   * kept) or taken but not delivered (`delivery`: the message gets a `failed` receipt with the reason).
   */
  failSends(options: SendFailureOptions = {}): void {
    this.#failures.failSends(options);
  }

  /** The next `count` history loads fail (PANE-1). */
  failHistory(options: CountedFailureOptions = {}): void {
    this.#failures.failHistory(options);
  }

  /** The next `count` catalogue loads fail (COMP-5, COMP-10). */
  failCatalogue(options: CountedFailureOptions = {}): void {
    this.#failures.failCatalogue(options);
  }

  /** The next `count` workflow runs fail on the server, with a `failed` announcement (COMP-10). */
  failWorkflow(options: CountedFailureOptions = {}): void {
    this.#failures.failWorkflow(options);
  }

  /** The next `count` saves of customer fields fail with the reason (CUST-3). */
  failCustomerSave(options: CountedFailureOptions = {}): void {
    this.#failures.failCustomerSave(options);
  }

  /** The customer starts or stops typing in a task (their next message also means they stopped). */
  customerTyping(taskId: string, typing: boolean): void {
    this.#conversation.customerTyping(taskId, typing);
  }

  /**
   * The customer leaves the conversation (PANE-3): a `customer-left` announcement. The task stays held
   * until the agent ends it; the customer writes no more, and messages to them are not delivered.
   */
  customerLeaves(taskId: string): void {
    this.#conversation.customerLeaves(taskId);
  }

  /** Whether the agent is typing in a task, as the server last heard. */
  agentTyping(taskId: string): boolean {
    return this.#conversation.agentTyping(taskId);
  }

  /** How many typing calls (started or stopped) the server has received. */
  get typingCalls(): number {
    return this.#conversation.typingCalls;
  }

  /** Removes every injected failure. */
  clearFailures(): void {
    this.#failures.clear();
  }

  /** The connection drops: commands fail, events are lost, until `restoreConnection()`. FAIL-1. */
  dropConnection(): void {
    this.#link.drop();
  }

  /** The connection comes back (after the latency), and the store re-reads the snapshot. FAIL-2. */
  restoreConnection(): Promise<void> {
    return this.#link.restore();
  }

  /** The server changes a media by itself (a supervisor, a routing rule, a missed offer). */
  serverSetState(media: MediaId, target: StateTarget & { routable?: boolean }, cause: StateCause = 'system'): void {
    this.#server.known(media);
    const next = this.#routing.applyTarget(this.#server.state.media[media]!, target);
    this.#routing.setMediaState(target.routable === undefined ? next : { ...next, routable: target.routable }, cause);
  }

  /** The next `count` events are lost on the way (the store must notice the gap and resynchronise). */
  loseEvents(count: number): void {
    this.#server.loseEvents(count);
  }

  /**
   * Sends anything down the event stream as if the server had: how tests feed malformed events. A raw
   * event carrying the server's next sequence number uses that number up, as a real server's would.
   */
  injectRawEvent(raw: unknown): void {
    this.#server.emitRaw(raw);
  }

  /** The next sequence number the server will use. */
  get nextSeq(): number {
    return this.#server.state.seq + 1;
  }

  /** Forgets the persisted server state (the demo's "reset" button). */
  reset(): void {
    this.#server.reset();
    for (const m of this.#server.media) this.#routing.setMediaState(this.#server.state.media[m]!, 'system');
    if (this.#server.connection === 'online') this.#routing.start();
  }
}
