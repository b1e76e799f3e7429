/**
 * HOSTILE-25: notifications that need no action do not pile up. An informational one leaves after
 * `notificationSeconds`, but not while the agent holds the notifications (the pointer or the focus on
 * them: WCAG 2.2.1); a warning raised again for the same cause while it is on show stays one
 * notification, with a count (×3). The rules are transitions of the store's state on its clock: an
 * event replayed raises nothing again and counts nothing again.
 */
import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import type { MediaState } from '../../src/model/agent-state.js';
import { resolveConfig } from '../../src/model/config.js';
import { MemoryBlobStore } from '../../src/store/blobs.js';
import type { DcNotification } from '../../src/store/state.js';
import { DcStore } from '../../src/store/store.js';
import { ScriptBackend, ScriptServer, task } from './script-backend.js';

const config = resolveConfig({ notificationSeconds: 5 });
const MEDIA = config.media.map((m) => m.id);

async function setup() {
  const clock = new ManualClock();
  const server = new ScriptServer(MEDIA, () => clock.now());
  const backend = new ScriptBackend(server);
  const store = new DcStore({ config, backend, clock, storage: null, blobs: new MemoryBlobStore(), newId: () => 'client' });
  await store.ready;
  return { clock, server, backend, store };
}

type Kit = Awaited<ReturnType<typeof setup>>;

const summary = (n: DcNotification) => `${n.code}${'media' in n.params ? ` ${n.params.media}` : ''} ×${n.count ?? 1}`;
const shown = (kit: Kit) => kit.store.state.notifications.map(summary);

/** The server changes a media by itself (a supervisor, a routing rule). */
function serverSets(kit: Kit, media: string, availability: 'ready' | 'not-ready', cause: 'supervisor' | 'system') {
  const state: MediaState = { ...kit.server.media.get(media)!, availability, since: kit.clock.now() };
  return kit.backend.emit({ type: 'media-state', state, cause });
}

/** A customer writes in task `a`, which is not on show: an informational notification (TASK-5). */
function customerWrites(kit: Kit, id: string) {
  return kit.backend.emit({ type: 'message', message: { id, taskId: 'a', from: 'customer', text: 'Hello?', at: kit.clock.now() } });
}

async function withTasks(): Promise<Kit> {
  const kit = await setup();
  const at = kit.clock.now();
  kit.backend.emit({ type: 'task', task: task('a', 'chat', 'active', at, 'Ana'), cause: 'accepted' });
  kit.backend.emit({ type: 'task', task: task('b', 'chat', 'active', at + 10, 'Bo'), cause: 'accepted' });
  expect(kit.store.state.selectedTaskId).to.equal('b');
  return kit;
}

describe('HOSTILE-25: notifications in the store', () => {
  it('HOSTILE-25, TASK-5: an informational notification leaves after notificationSeconds, and not while it is held', async () => {
    const kit = await withTasks();
    customerWrites(kit, 'm1');
    expect(shown(kit)).to.deep.equal(['new-message chat ×1']);
    await kit.clock.advance(4_000);
    expect(shown(kit)).to.have.length(1);

    // The agent points at it at 4 s: it stays as long as they do.
    kit.store.holdNotifications(true);
    await kit.clock.advance(60_000);
    expect(shown(kit), 'held').to.have.length(1);
    kit.store.holdNotifications(true); // holding again changes nothing
    // Let go: the second it had left, it still has.
    kit.store.holdNotifications(false);
    await kit.clock.advance(999);
    expect(shown(kit), '1 ms before its time').to.have.length(1);
    await kit.clock.advance(1);
    expect(shown(kit), 'at its time').to.deep.equal([]);
  });

  it('HOSTILE-25: one raised while the notifications are held keeps its whole lifetime once they are let go', async () => {
    const kit = await withTasks();
    kit.store.holdNotifications(true);
    await kit.clock.advance(10_000);
    customerWrites(kit, 'm1');
    await kit.clock.advance(2_000);
    kit.store.holdNotifications(false);
    await kit.clock.advance(4_999);
    expect(shown(kit)).to.have.length(1);
    await kit.clock.advance(1);
    expect(shown(kit)).to.deep.equal([]);
  });

  it('HOSTILE-25, STATE-6: warnings of one cause collapse into one with a count; replayed events count nothing; they stay until dismissed', async () => {
    const kit = await setup();
    const sent = [serverSets(kit, 'chat', 'not-ready', 'supervisor'), serverSets(kit, 'sms', 'not-ready', 'supervisor'), serverSets(kit, 'social', 'not-ready', 'supervisor')];
    expect(shown(kit)).to.deep.equal(['state-auto-changed social ×3']);
    // The same events again, under their own numbers (a replay after a reconnection): nothing new.
    for (const event of sent) kit.backend.deliver(event);
    expect(shown(kit)).to.deep.equal(['state-auto-changed social ×3']);
    // Another cause is another notification.
    serverSets(kit, 'email', 'not-ready', 'system');
    expect(shown(kit)).to.deep.equal(['state-auto-changed social ×3', 'state-auto-changed email ×1']);
    // Warnings need no action, yet they say what changed: they stay until dismissed.
    await kit.clock.advance(120_000);
    expect(shown(kit)).to.have.length(2);
    kit.store.dismissNotification(kit.store.state.notifications[0]!.id);
    serverSets(kit, 'chat', 'ready', 'supervisor');
    expect(shown(kit)).to.deep.equal(['state-auto-changed email ×1', 'state-auto-changed chat ×1']);
  });

  it('HOSTILE-25, OFFER-4: missed offers of one group are one warning with a count; the same event again counts nothing', async () => {
    const kit = await setup();
    const miss = (id: string) => {
      const offer = task(id, 'chat', 'offered', kit.clock.now());
      kit.backend.emit({ type: 'task', task: offer, cause: 'offered' });
      return kit.backend.emit({ type: 'task', task: { ...offer, status: 'missed', endedAt: kit.clock.now() }, cause: 'missed' });
    };
    const first = miss('o1');
    miss('o2');
    expect(shown(kit)).to.deep.equal(['offer-missed chat ×2']);
    kit.backend.deliver(first);
    miss('o3');
    expect(shown(kit)).to.deep.equal(['offer-missed chat ×3']);
  });

  it('HOSTILE-25, SIGN-4: an error replaced by its next retry is not counted', async () => {
    const kit = await setup();
    expect(shown(kit)).to.deep.equal([]);
    kit.backend.setState = () => Promise.reject(new Error('Gateway timeout'));
    kit.store.setState('email', { availability: 'not-ready' });
    await kit.clock.advance(0);
    expect(shown(kit)).to.deep.equal(['state-change-failed email ×1']);
    await kit.clock.advance(config.retryDelayMs);
    expect(shown(kit)).to.deep.equal(['state-change-failed email ×1']);
  });
});
