import { expect, html } from '@open-wc/testing';
import '../../src/elements/notifications/notifications.js';
import type { DcNotifications } from '../../src/elements/notifications/notifications.js';
import { mountKit, text, until } from '../support/kit.js';

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
});
