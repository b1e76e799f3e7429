import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One shared one-second tick for every timer on the page: elements showing durations re-render once a
 * second, together, and only while connected. Durations themselves are derived from timestamps.
 */
const hosts = new Set<ReactiveControllerHost>();
let interval: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  for (const host of hosts) host.requestUpdate();
}

export class TickerController implements ReactiveController {
  #host: ReactiveControllerHost;
  #active = true;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Ticks only while `active` (a picker with no timer on show need not re-render). */
  set active(value: boolean) {
    this.#active = value;
    if (value) this.hostConnected();
    else this.#leave();
  }

  hostConnected(): void {
    if (!this.#active) return;
    hosts.add(this.#host);
    interval ??= setInterval(tick, 1000);
  }

  hostDisconnected(): void {
    this.#leave();
  }

  #leave(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  }
}
