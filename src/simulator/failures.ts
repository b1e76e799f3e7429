/**
 * What goes wrong on purpose in the simulated contact centre: failures injected into its commands
 * (tests, stories, the demo's simulator panel), and the connection that drops and comes back.
 */
import type { MediaId } from '../model/media.js';
import { DcBackendError } from '../backend/types.js';
import { draw, type Duration } from './random.js';
import type { SimulatedServer } from './server.js';

export interface FailureOptions {
  /** How many attempts fail before one succeeds; `Infinity` (the default) fails every time. */
  times?: number;
  /** The server's reason, shown to the agent. */
  reason?: string;
}

/** The next `count` calls fail with `reason` (the conversation's failure injection). */
export interface CountedFailureOptions {
  /** How many calls fail; default 1. */
  count?: number;
  /** The server's reason, shown to the agent. */
  reason?: string;
}

export interface SendFailureOptions extends CountedFailureOptions {
  /**
   * `reject` (the default): the server refuses the send (no message is made; the same client id may be
   * sent again). `delivery`: the server takes the message but cannot deliver it (a `failed` receipt).
   */
  mode?: 'reject' | 'delivery';
}

interface Failure {
  remaining: number;
  reason: string;
}

export interface SendFailure extends Failure {
  mode: 'reject' | 'delivery';
}

/** Failures waiting for the commands they break; each `take…` uses up one call and gives its reason. */
export class InjectedFailures {
  #signIn = new Map<MediaId, Failure>();
  #stateChange = new Map<MediaId, Failure>();
  #send: SendFailure | undefined;
  #history: Failure | undefined;
  #catalogue: Failure | undefined;
  #workflow: Failure | undefined;
  #transfer: Failure | undefined;
  #customerSave: Failure | undefined;

  failSignIn(media: MediaId, options: FailureOptions): void {
    this.#signIn.set(media, repeated(options, 'Sign-in refused by the server'));
  }

  failStateChange(media: MediaId, options: FailureOptions): void {
    this.#stateChange.set(media, repeated(options, 'Network error'));
  }

  failSends(options: SendFailureOptions): void {
    const mode = options.mode ?? 'reject';
    this.#send = {
      mode,
      ...counted(options, mode === 'reject' ? 'Message refused by the server' : 'The message could not be delivered'),
    };
  }

  failHistory(options: CountedFailureOptions): void {
    this.#history = counted(options, 'The history is not available');
  }

  failCatalogue(options: CountedFailureOptions): void {
    this.#catalogue = counted(options, 'Templates and workflows are not available');
  }

  failWorkflow(options: CountedFailureOptions): void {
    this.#workflow = counted(options, 'The workflow failed');
  }

  failTransfer(options: CountedFailureOptions): void {
    this.#transfer = counted(options, 'The routing point cannot take the task now');
  }

  takeTransfer(): string | undefined {
    return take(this.#transfer);
  }
  failCustomerSave(options: CountedFailureOptions): void {
    this.#customerSave = counted(options, 'The customer record could not be saved');
  }

  clear(): void {
    this.#transfer = undefined;
    this.#signIn.clear();
    this.#stateChange.clear();
    this.#send = undefined;
    this.#history = undefined;
    this.#catalogue = undefined;
    this.#workflow = undefined;
    this.#customerSave = undefined;
  }

  takeSignIn(media: MediaId): string | undefined {
    return takeFor(this.#signIn, media);
  }

  takeStateChange(media: MediaId): string | undefined {
    return takeFor(this.#stateChange, media);
  }

  takeSend(): SendFailure | undefined {
    const failure = this.#send;
    return take(failure) === undefined ? undefined : failure;
  }

  takeHistory(): string | undefined {
    return take(this.#history);
  }

  takeCatalogue(): string | undefined {
    return take(this.#catalogue);
  }

  takeWorkflow(): string | undefined {
    return take(this.#workflow);
  }

  takeCustomerSave(): string | undefined {
    return take(this.#customerSave);
  }
}

/** A failure of every call, or of the next `times`. */
function repeated(options: FailureOptions, reason: string): Failure {
  return { remaining: options.times ?? Infinity, reason: options.reason ?? reason };
}

/** A failure of the next `count` calls (default 1). */
function counted(options: CountedFailureOptions, reason: string): Failure {
  return { remaining: options.count ?? 1, reason: options.reason ?? reason };
}

/** Uses up one call of an injected failure; its reason when the call fails. */
function take(failure: Failure | undefined): string | undefined {
  if (!failure || failure.remaining <= 0) return undefined;
  failure.remaining -= 1;
  return failure.reason;
}

/** `take` for a failure kept per media, forgotten once used up. */
function takeFor(failures: Map<MediaId, Failure>, media: MediaId): string | undefined {
  const failure = failures.get(media);
  const reason = take(failure);
  if (reason !== undefined && failure!.remaining <= 0) failures.delete(media);
  return reason;
}

/**
 * The connection to the simulated server: up unless dropped on purpose (FAIL-1), back when restored
 * (FAIL-2), every command a round trip of the configured latency.
 */
export class SimulatedLink {
  #server: SimulatedServer;
  #latency: Duration;
  #online: () => void;
  #up = true;
  #wanted = false;

  /** `online` runs as the connection comes online, before anything else can happen. */
  constructor(server: SimulatedServer, latency: Duration, online: () => void) {
    this.#server = server;
    this.#latency = latency;
    this.#online = online;
  }

  /** Whether the link is up (it may be up and not yet connected). */
  get up(): boolean {
    return this.#up;
  }

  async connect(): Promise<void> {
    const server = this.#server;
    if (server.closed) throw new DcBackendError('offline', 'This backend is closed');
    this.#wanted = true;
    if (server.connection === 'online') return;
    if (!this.#up) return;
    server.setConnection('connecting');
    await this.#delay();
    if (this.#up && !server.closed) {
      server.setConnection('online');
      this.#online();
    }
  }

  close(): void {
    this.#wanted = false;
  }

  drop(): void {
    this.#up = false;
    this.#server.setConnection('offline');
  }

  async restore(): Promise<void> {
    this.#up = true;
    if (this.#wanted) await this.connect();
  }

  /** A command's way to the server and back; it fails when the connection is down at either end. */
  async roundTrip(): Promise<void> {
    if (this.#server.connection !== 'online') throw new DcBackendError('offline', 'Not connected to the server');
    await this.#delay();
    if (this.#server.connection !== 'online') throw new DcBackendError('offline', 'Connection lost');
  }

  #delay(): Promise<void> {
    const ms = draw(this.#server.random, this.#latency);
    return new Promise((resolve) => this.#server.clock.setTimeout(resolve, ms));
  }
}
