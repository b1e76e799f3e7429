/**
 * A thin layer over a store's api for the email reply's stories and tests. The store's draft check
 * (src/store/schema.ts, checkDraft) does not keep `Draft.email` yet, so a draft the email reply writes
 * would lose its mode, fields and body there: this layer keeps the email part of each draft beside
 * the store's own draft (text and files stay the store's) and records what `send` was called with.
 * Once the store keeps `email`, the layer changes nothing but the recording.
 */
import type { Draft } from '../../src/model/draft.js';
import type { EmailDraft } from '../../src/model/email.js';
import type { DcStoreApi, SendRequest } from '../../src/store/api.js';
import type { DcState } from '../../src/store/state.js';

/** What the layer needs of a store. */
interface StoreLike {
  readonly state: DcState;
  readonly api: DcStoreApi;
  subscribe(listener: (state: DcState, previous: DcState) => void): () => void;
  setDraft(taskId: string, draft: Draft | undefined): void;
  send: DcStoreApi['send'];
}

export function overlay(store: StoreLike, kept: Map<string, EmailDraft> = new Map()) {
  const listeners = new Set<(s: DcState, p: DcState) => void>();
  const sends: SendRequest[] = [];
  let memo: { real: DcState; version: number; value: DcState } | undefined;
  let version = 0;
  const merged = (): DcState => {
    const real = store.state;
    if (kept.size === 0) return real;
    if (memo && memo.real === real && memo.version === version) return memo.value;
    const drafts: Record<string, Draft> = Object.create(null);
    Object.assign(drafts, real.drafts);
    for (const [taskId, email] of kept) {
      drafts[taskId] = { ...(real.drafts[taskId] ?? { text: '', spans: [], attachments: [] }), email };
    }
    memo = { real, version, value: { ...real, drafts } };
    return memo.value;
  };
  // The store's api object is frozen: the layer is a proxy over an empty object that reads from it.
  const real = store.api;
  const api: DcStoreApi = new Proxy({} as DcStoreApi, {
    get(_target, key) {
      if (key === 'state') return merged();
      if (key === 'subscribe') {
        return (l: (s: DcState, p: DcState) => void) => {
          listeners.add(l);
          const off = store.subscribe(() => l(merged(), merged()));
          return () => {
            listeners.delete(l);
            off();
          };
        };
      }
      if (key === 'setDraft') {
        return (taskId: string, draft: Draft | undefined) => {
          const before = merged();
          if (draft?.email) kept.set(taskId, draft.email);
          else kept.delete(taskId);
          version++;
          store.setDraft(taskId, draft);
          const after = merged();
          for (const l of listeners) l(after, before);
        };
      }
      if (key === 'send') {
        return (taskId: string, request: SendRequest) => {
          sends.push(request);
          return store.send(taskId, request);
        };
      }
      return Reflect.get(real, key) as unknown;
    },
  });
  return { api, sends };
}

