import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { ManualClock } from '../../src/backend/clock.js';
import '../../src/elements/notifications/notifications.js';
import type { DcNotifications } from '../../src/elements/notifications/notifications.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import type { MediaState } from '../../src/model/agent-state.js';
import { resolveConfig } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { centre } from '../support/layout.js';
import { mountKit, press, text, until } from '../support/kit.js';
import { ScriptBackend, ScriptServer, task } from '../store/script-backend.js';

/** Notifications on a scripted server and a clock that moves only when told (HOSTILE-25). */
async function onManualClock(lang = 'en') {
  const config = { notificationSeconds: 5 };
  const clock = new ManualClock();
  const server = new ScriptServer(resolveConfig(config).media.map((m) => m.id), () => clock.now());
  const backend = new ScriptBackend(server);
  const provider = await fixture<DcProvider>(
    html`<dc-provider .config=${config} .backend=${backend} .clock=${clock} .storage=${new MemoryStorage()} lang=${lang}>
      <dc-notifications placement="inline"></dc-notifications>
      <button id="elsewhere">Elsewhere</button>
    </dc-provider>`,
  );
  await provider.store!.ready;
  await provider.localeReady;
  const el = provider.querySelector<DcNotifications>('dc-notifications')!;
  const items = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="notification"]')];
  const at = clock.now();
  backend.emit({ type: 'task', task: task('a', 'chat', 'active', at, 'Ana Lima'), cause: 'accepted' });
  backend.emit({ type: 'task', task: task('b', 'chat', 'active', at + 10, 'Bo Chen'), cause: 'accepted' });
  const serverSets = (media: string, availability: 'ready' | 'not-ready') => {
    const state: MediaState = { ...server.media.get(media)!, availability, since: clock.now() };
    return backend.emit({ type: 'media-state', state, cause: 'supervisor' });
  };
  /** Ana (not on show) writes: an informational notification with Open (TASK-5). */
  const anaWrites = (id: string) => backend.emit({ type: 'message', message: { id, taskId: 'a', from: 'customer', text: 'Hello?', at: clock.now() } });
  /** Moves time on, and lets the element draw what changed. */
  const advance = async (ms: number) => {
    await clock.advance(ms);
    await el.updateComplete;
  };
  return { provider, backend, store: provider.store!, clock, el, items, serverSets, anaWrites, advance };
}

async function pointAt(el: Element): Promise<void> {
  const [x, y] = centre(el);
  await sendMouse({ type: 'move', position: [Math.round(x), Math.round(y)] });
}

async function kitWithNotifications(options: Parameters<typeof mountKit>[1] = {}) {
  const kit = await mountKit(html`<dc-notifications placement="inline"></dc-notifications>`, options);
  const el = kit.provider.querySelector<DcNotifications>('dc-notifications')!;
  const items = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="notification"]')];
  return { ...kit, el, items };
}

describe('dc-notifications', () => {
  it('SIGN-4: shows a sign-in failure as an alert with its reason, and the agent dismisses it', async () => {
    const { store, backend, el, items } = await kitWithNotifications({ config: { signInRetries: 0 } });
    backend.failSignIn('email', { reason: 'Mailbox not provisioned' });
    store.signIn();
    await until(() => items().length === 1, 'one notification');
    const n = items()[0]!;
    expect(n.getAttribute('role')).to.equal('alert');
    expect(text(n)).to.contain('Sign-in failed for Email: Mailbox not provisioned.');
    await expect(el).to.be.accessible();
    n.querySelector<HTMLButtonElement>('[part~="dismiss"]')!.click();
    await until(() => items().length === 0, 'dismissed');
    expect(store.state.notifications).to.deep.equal([]);
  });

  it('explains an automatic state change', async () => {
    const { store, backend, items } = await kitWithNotifications();
    store.signIn();
    await until(() => store.state.media['chat']!.signIn === 'signed-in', 'signed in');
    backend.serverSetState('email', { availability: 'not-ready' }, 'system');
    await until(() => items().length === 1, 'auto-change notification');
    expect(items()[0]!.getAttribute('role')).to.equal('status');
    expect(text(items()[0])).to.contain('The system changed Email to Not Ready.');
  });

  it('says it in French', async () => {
    const { store, backend, el, items } = await kitWithNotifications({ lang: 'fr', config: { signInRetries: 1, retryDelayMs: 5000 } });
    backend.failSignIn('sms', { reason: 'Passerelle indisponible' });
    store.signIn();
    await until(() => items().length === 1, 'one notification');
    expect(text(items()[0])).to.match(/Échec de la connexion pour SMS : Passerelle indisponible\. Nouvelle tentative dans 1 s/);
    expect(items()[0]!.querySelector('[part~="dismiss"]')!.getAttribute('aria-label')).to.equal('Fermer la notification');
    await expect(el).to.be.accessible();
  });

  it('stacks several notifications and lets informational ones leave by themselves', async () => {
    const { store, backend, items } = await kitWithNotifications({ config: { notificationSeconds: 1 } });
    store.signIn();
    await until(() => store.state.media['chat']!.signIn === 'signed-in', 'signed in');
    backend.serverSetState('email', { availability: 'not-ready', reasonId: 'meeting' }, 'supervisor');
    backend.dropConnection();
    await backend.restoreConnection();
    await until(() => items().length === 2, 'two notifications');
    expect(items().map((n) => n.dataset['code'])).to.deep.equal(['state-auto-changed', 'connection-restored']);
    await until(() => items().length === 1, 'the success leaves after notificationSeconds', 3000);
    expect(items()[0]!.dataset['code']).to.equal('state-auto-changed');
  });

  it('HOSTILE-25, STATE-6: a warning raised again for its cause is one notification with a count, in French too', async () => {
    const kit = await onManualClock();
    kit.serverSets('chat', 'not-ready');
    kit.serverSets('sms', 'not-ready');
    const third = kit.serverSets('social', 'not-ready');
    await until(() => kit.items().length === 1 && text(kit.items()[0]).includes('×3'), 'one warning, ×3');
    expect(text(kit.items()[0])).to.equal('A supervisor changed WhatsApp to Not Ready. ×3(3 times)');
    expect(kit.items()[0]!.querySelector('[part~="count"]')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(kit.el).to.be.accessible();
    // Warnings need no action but say what changed: they do not leave by themselves.
    await kit.advance(60_000);
    expect(kit.items()).to.have.length(1);
    // A replayed event counts nothing.
    kit.backend.deliver(third);
    await kit.el.updateComplete;
    expect(text(kit.items()[0])).to.contain('×3');
    kit.provider.lang = 'fr';
    await kit.provider.localeReady;
    await kit.el.updateComplete;
    expect(text(kit.items()[0])).to.contain('×3(3 fois)');
  });

  it('HOSTILE-25, TASK-5, WCAG 2.2.1: information leaves after notificationSeconds, not while the pointer or the focus is on it', async () => {
    const kit = await onManualClock();
    await sendMouse({ type: 'move', position: [0, 0] });
    kit.anaWrites('m1');
    await until(() => kit.items().length === 1, 'the new message');
    await kit.advance(4_000);
    expect(kit.items()).to.have.length(1);

    // The pointer on it: it stays.
    await pointAt(kit.items()[0]!);
    await until(() => kit.store.state.notificationsHeldAt !== undefined, 'held');
    await kit.advance(30_000);
    expect(kit.items(), 'under the pointer').to.have.length(1);
    // The pointer goes: the second it had left, it still has.
    await sendMouse({ type: 'move', position: [0, 0] });
    await until(() => kit.store.state.notificationsHeldAt === undefined, 'let go');
    await kit.advance(999);
    expect(kit.items()).to.have.length(1);

    // The focus on its Open button (Tab from the page): it stays; the focus goes, it leaves.
    kit.provider.querySelector<HTMLElement>('#elsewhere')!.focus();
    await press('Shift+Tab');
    await press('Shift+Tab');
    expect(kit.el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('action');
    await until(() => kit.store.state.notificationsHeldAt !== undefined, 'held by the focus');
    await kit.advance(30_000);
    expect(kit.items(), 'with the focus').to.have.length(1);
    await press('Tab');
    await press('Tab');
    expect(kit.el.shadowRoot!.activeElement).to.equal(null);
    await until(() => kit.store.state.notificationsHeldAt === undefined, 'let go by the focus');
    await kit.advance(1);
    await until(() => kit.items().length === 0, 'gone at its time');
  });

  it('HOSTILE-25: dismissing the notification under the pointer lets the others go on', async () => {
    const kit = await onManualClock();
    kit.anaWrites('m1');
    kit.serverSets('email', 'not-ready');
    await until(() => kit.items().length === 2, 'the new message and a warning under it');
    // The last one's X: once it is gone, nothing of the stack is under the pointer.
    const dismiss = kit.items()[1]!.querySelector<HTMLElement>('[part~="dismiss"]')!;
    await pointAt(dismiss);
    await until(() => kit.store.state.notificationsHeldAt !== undefined, 'held');
    const [x, y] = centre(dismiss);
    await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
    await until(() => kit.items().length === 1, 'the warning dismissed');
    await sendMouse({ type: 'move', position: [0, 0] });
    await until(() => kit.store.state.notificationsHeldAt === undefined, 'let go');
    await kit.advance(5_000);
    await until(() => kit.items().length === 0, 'the new message leaves at its time');
  });
});
