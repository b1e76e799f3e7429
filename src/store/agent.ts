/**
 * The agent's state per media (SIGN-*, STATE-*): signing in and out, state changes with their retries
 * (STATE-7), and STATE-6, which follows from transitions: when a Chat/Social media really leaves Ready
 * (Ready and routable before, Not Ready or non-routable after), the rest of its group follows. The
 * same state again, under any sequence number or in a snapshot, is no such change.
 */
import type { StateScope, StateTarget } from '../model/agent-state.js';
import type { MediaId } from '../model/media.js';
import {
  canSignOut,
  groupPropagation,
  mediaToSignIn,
  planStateChange,
  retryDelay,
  type MediaStates,
} from '../model/state-rules.js';
import { DcBackendError } from '../backend/types.js';
import type { StoreCore, Transition } from './core.js';
import type { Notifier } from './notifications.js';
import { has, own } from './records.js';

export class AgentState {
  readonly #core: StoreCore;
  readonly #notes: Notifier;
  /** A token per media: a newer change (or sign-in) for a media makes older retries stop. */
  #tokens = new Map<MediaId, number>();
  #nextToken = 1;

  constructor(core: StoreCore, notes: Notifier) {
    this.#core = core;
    this.#notes = notes;
    core.onTransition((t) => this.#propagate(t));
  }

  get canSignOut(): boolean {
    return canSignOut(this.#core.config, this.#core.state.media);
  }

  /** SIGN-2: signs in every configured media not yet signed in; each succeeds or fails on its own. */
  signIn(): void {
    if (!this.#notes.requireOnline()) return;
    for (const media of mediaToSignIn(this.#core.config, this.#core.state.media)) {
      void this.#signIn(media, 1, this.#token(media));
    }
  }

  /** STATE-5, STATE-6: the model decides which media move; each is retried on its own (STATE-7). */
  setState(scope: StateScope, target: StateTarget): void {
    if (!this.#notes.requireOnline()) return;
    for (const [media, mediaTarget] of planStateChange(this.#core.config, this.#core.state.media, scope, target)) {
      void this.#change(media, mediaTarget, 1, this.#token(media));
    }
  }

  setMediaState(media: MediaId, target: StateTarget): void {
    if (!this.#notes.requireOnline() || !this.#core.known.has(media)) return;
    void this.#change(media, target, 1, this.#token(media));
  }

  /** STATE-8, SIGN-6: refused (false, with a notification) unless every media is Not Ready. */
  async signOut(): Promise<boolean> {
    const core = this.#core;
    if (!this.#notes.requireOnline()) return false;
    if (!this.canSignOut) {
      this.#notes.notify('warning', 'sign-out-blocked', { code: 'sign-out-blocked', params: {} });
      return false;
    }
    const media = core.config.media.map((m) => m.id).filter((m) => own(core.state.media, m)?.signIn !== 'signed-out');
    media.forEach((m) => this.#token(m));
    try {
      await core.backend.signOut(media, core.config.onSignOut);
      return true;
    } catch (error) {
      core.report({ source: 'command', message: `Sign-out failed: ${(error as Error).message}`, detail: error });
      return false;
    }
  }

  /** STATE-6: a Chat/Social media that left Ready takes its group with it. */
  #propagate({ before, after }: Transition): void {
    if (before.media === after.media) return;
    for (const id of Object.keys(after.media)) {
      const was = own(before.media, id);
      const now = after.media[id]!;
      if (was === now || !was || was.availability !== 'ready' || !was.routable) continue;
      if (now.availability !== 'not-ready' && now.routable) continue;
      const state = this.#core.state;
      for (const [media, target] of groupPropagation(this.#core.config, state.media as MediaStates, id)) {
        if (has(this.#core.state.pending, media)) continue; // already moving (the agent's own group change)
        void this.#change(media, target, 1, this.#token(media));
      }
    }
  }

  #token(media: MediaId): number {
    const token = this.#nextToken++;
    this.#tokens.set(media, token);
    return token;
  }

  #current(media: MediaId, token: number): boolean {
    return !this.#core.disposed && this.#tokens.get(media) === token;
  }

  async #signIn(media: MediaId, attempt: number, token: number): Promise<void> {
    const core = this.#core;
    core.dispatch({ type: 'sign-in-start', media, at: core.now() });
    try {
      await core.backend.signIn(media);
      if (this.#current(media, token)) this.#notes.dismissKey(`sign-in:${media}`);
    } catch (error) {
      if (!this.#current(media, token)) return;
      const reason = (error as Error).message || String(error);
      core.dispatch({ type: 'sign-in-failed', media, reason, at: core.now() });
      const retries = core.config.signInRetries;
      const willRetry = attempt <= retries;
      const retryInMs = willRetry ? retryDelay(core.config, attempt) : undefined;
      this.#notes.notify('error', `sign-in:${media}`, {
        code: 'sign-in-failed',
        params: { media, reason, attempt, retries, ...(retryInMs !== undefined ? { retryInMs } : {}) },
      });
      if (willRetry) {
        core.later(retryInMs!, () => {
          if (this.#current(media, token)) void this.#signIn(media, attempt + 1, token);
        });
      }
    }
  }

  async #change(media: MediaId, target: StateTarget, attempt: number, token: number): Promise<void> {
    const core = this.#core;
    core.dispatch({ type: 'pending', media, change: { target, attempt } });
    try {
      await core.backend.setState(media, target);
      if (!this.#current(media, token)) return;
      core.dispatch({ type: 'pending', media, change: undefined });
      this.#notes.dismissKey(`state:${media}`);
    } catch (error) {
      if (!this.#current(media, token)) return;
      const reason = (error as Error).message || String(error);
      const retries = core.config.stateRetries;
      const retryable = !(error instanceof DcBackendError) || error.code !== 'not-signed-in';
      const willRetry = retryable && attempt <= retries;
      const retryInMs = willRetry ? retryDelay(core.config, attempt) : undefined;
      this.#notes.notify(
        'error',
        `state:${media}`,
        {
          code: 'state-change-failed',
          params: { media, reason, attempt, retries, target, ...(retryInMs !== undefined ? { retryInMs } : {}) },
        },
        willRetry ? undefined : { kind: 'retry-state', media, target },
      );
      if (willRetry) {
        core.later(retryInMs!, () => {
          if (this.#current(media, token)) void this.#change(media, target, attempt + 1, token);
        });
      } else {
        core.dispatch({ type: 'pending', media, change: undefined }); // STATE-7: the group stays partial
      }
    }
  }
}
