import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/state-picker/state-picker.js';
import '../../src/elements/notifications/notifications.js';
import type { DcStatePicker } from '../../src/elements/state-picker/state-picker.js';
import type { DcStore } from '../../src/store/store.js';
import { mountKit, press, text, until } from '../support/kit.js';

function parts(picker: DcStatePicker) {
  const root = picker.shadowRoot!;
  return {
    trigger: root.querySelector<HTMLButtonElement>('[part~="trigger"]')!,
    label: () => text(root.querySelector('[part~="label"]')),
    dialog: () => root.querySelector<HTMLElement>('[part~="sign-in-dialog"]'),
    signIn: () => root.querySelector<HTMLButtonElement>('[part~="sign-in-button"]'),
    menu: () => root.querySelector<HTMLElement>('[role="menu"]'),
    items: () => [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')],
    item: (scope: string, kind: string, reason = '') =>
      root.querySelector<HTMLButtonElement>(
        `[role="menuitem"][data-scope="${scope}"][data-kind="${kind}"][data-reason="${reason}"]`,
      ),
    groupLook: (group: string) => root.querySelector(`[part~="group-icon"][data-group="${group}"]`)?.getAttribute('data-look'),
    focused: () => root.activeElement as HTMLElement | null,
  };
}

const availability = (store: DcStore) =>
  Object.fromEntries(
    Object.values(store.state.media).map((m) => [m.media, m.availability === 'ready' ? 'R' : m.reasonId ?? 'NR']),
  );

async function signedIn(options: Parameters<typeof mountKit>[1] = {}) {
  const kit = await mountKit(html`<dc-state-picker></dc-state-picker><dc-notifications></dc-notifications>`, options);
  const picker = kit.provider.querySelector('dc-state-picker')!;
  const p = parts(picker);
  p.signIn()!.click();
  await until(() => Object.values(kit.store.state.media).every((m) => m.signIn === 'signed-in'), 'all media signed in');
  await picker.updateComplete;
  return { ...kit, picker, p };
}

describe('dc-state-picker', () => {
  it('SIGN-1/2/3: shows the Sign In dialog, signs every media in, then all are Not Ready', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const picker = kit.provider.querySelector('dc-state-picker')!;
    const p = parts(picker);
    expect(p.dialog(), 'sign-in dialog').to.exist;
    expect(text(p.dialog())).to.contain('Manage Digital Channels Sign In');
    expect(p.label()).to.equal('Not signed in');
    p.signIn()!.click();
    await until(() => !p.dialog(), 'the dialog closes after sign-in');
    expect(Object.values(kit.store.state.media).map((m) => m.signIn)).to.deep.equal(Array(4).fill('signed-in'));
    expect(availability(kit.store)).to.deep.equal({ chat: 'NR', sms: 'NR', social: 'NR', email: 'NR' });
    expect(p.label()).to.match(/^Not Ready \d+:\d\d$/);
  });

  it('STATE-1: Ctrl+Shift+L opens the menu; arrows and Enter set Chat/Social Ready', async () => {
    const { store, p } = await signedIn();
    await press('Control+Shift+KeyL');
    await until(() => !!p.menu(), 'menu open');
    expect(p.focused()?.textContent?.trim()).to.equal('Ready'); // All → Ready
    await sendKeys({ press: 'ArrowDown' }); // Chat/Social → Ready
    await sendKeys({ press: 'Enter' });
    await until(() => store.state.media['sms']!.availability === 'ready', 'chat/social ready');
    expect(availability(store)).to.deep.equal({ chat: 'R', sms: 'R', social: 'R', email: 'NR' });
    expect(p.menu()).to.be.null;
    expect(p.groupLook('chat-social')).to.equal('ready');
    expect(p.groupLook('email')).to.equal('not-ready');
    expect(p.label()).to.equal('Partial');
  });

  it('STATE-5: All→Not Ready leaves "Not Ready – Lunch" as it is and moves the Ready media', async () => {
    const { store, p, picker } = await signedIn();
    p.trigger.click();
    await picker.updateComplete;
    p.item('chat-social', 'ready')!.click();
    await until(() => store.state.media['chat']!.availability === 'ready', 'chat ready');
    p.trigger.click();
    await picker.updateComplete;
    p.item('email', 'not-ready', 'lunch')!.click();
    await until(() => store.state.media['email']!.reasonId === 'lunch', 'email lunch');
    p.trigger.click();
    await picker.updateComplete;
    p.item('all', 'not-ready')!.click();
    await until(() => store.state.media['chat']!.availability === 'not-ready', 'chat not ready');
    expect(availability(store)).to.deep.equal({ chat: 'NR', sms: 'NR', social: 'NR', email: 'lunch' });
  });

  it('STATE-1/3: the menu lists All, Chat/Social and Email, never the reason already selected', async () => {
    const { store, p, picker } = await signedIn();
    p.trigger.click();
    await picker.updateComplete;
    const sections = [...picker.shadowRoot!.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('data-scope'));
    expect(sections).to.deep.equal(['all', 'chat-social', 'email']);
    expect(text(picker.shadowRoot!.querySelector('[data-scope="all"] .heading'))).to.equal('All');
    expect(p.item('email', 'not-ready', 'lunch')).to.exist;
    p.item('email', 'not-ready', 'lunch')!.click();
    await until(() => store.state.media['email']!.reasonId === 'lunch', 'email lunch');
    p.trigger.click();
    await picker.updateComplete;
    expect(p.item('email', 'not-ready', 'lunch')).to.be.null;
    expect(p.item('email', 'not-ready', 'break')).to.exist;
    expect(p.item('chat-social', 'not-ready', 'lunch')).to.exist;
    expect(p.groupLook('email')).to.equal('not-ready-reason');
  });

  it('STATE-1: Escape closes the menu and gives focus back; Home and End jump', async () => {
    const { p, picker } = await signedIn();
    p.trigger.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => !!p.menu(), 'menu open');
    await sendKeys({ press: 'End' });
    expect(p.focused()).to.equal(p.items().at(-1));
    await sendKeys({ press: 'Home' });
    expect(p.focused()).to.equal(p.items()[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(p.focused()).to.equal(p.items().at(-1));
    await sendKeys({ press: 'Escape' });
    await picker.updateComplete;
    expect(p.menu()).to.be.null;
    expect(p.focused()).to.equal(p.trigger);
  });

  it('KEY: Ctrl+Shift+5/7 set Chat/Social, 4/6 Email, V/Z everything', async () => {
    const { store } = await signedIn();
    await press('Control+Shift+Digit5');
    await until(() => store.state.media['chat']!.availability === 'ready', 'Ctrl+Shift+5');
    expect(availability(store)).to.deep.equal({ chat: 'R', sms: 'R', social: 'R', email: 'NR' });
    await press('Control+Shift+Digit4');
    await until(() => store.state.media['email']!.availability === 'ready', 'Ctrl+Shift+4');
    await press('Control+Shift+Digit7');
    await until(() => store.state.media['chat']!.availability === 'not-ready', 'Ctrl+Shift+7');
    expect(availability(store)).to.deep.equal({ chat: 'NR', sms: 'NR', social: 'NR', email: 'R' });
    await press('Control+Shift+Digit6');
    await until(() => store.state.media['email']!.availability === 'not-ready', 'Ctrl+Shift+6');
    await press('Control+Shift+KeyV');
    await until(() => Object.values(store.state.media).every((m) => m.availability === 'ready'), 'Ctrl+Shift+V');
    await press('Control+Shift+KeyZ');
    await until(() => Object.values(store.state.media).every((m) => m.availability === 'not-ready'), 'Ctrl+Shift+Z');
  });

  it('KEY: a host remaps a shortcut and switches one off', async () => {
    const { store, p } = await signedIn({
      config: { shortcuts: { 'state.open-menu': 'Ctrl+Alt+S', 'state.ready-all': null } },
    });
    await press('Control+Shift+KeyL');
    await press('Control+Shift+KeyV');
    await new Promise((r) => setTimeout(r, 100));
    expect(p.menu()).to.be.null;
    expect(availability(store)['chat']).to.equal('NR');
    await press('Control+Alt+KeyS');
    await until(() => !!p.menu(), 'remapped shortcut opens the menu');
  });

  it('KEY: shortcuts can be switched off at run time', async () => {
    const { provider, p } = await signedIn();
    provider.shortcuts!.enabled = false;
    await press('Control+Shift+KeyL');
    await new Promise((r) => setTimeout(r, 100));
    expect(p.menu()).to.be.null;
  });

  it('SIGN-4: a media whose sign-in fails says why, is retried, and the others sign in', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker><dc-notifications></dc-notifications>`, {
      config: { signInRetries: 2 },
    });
    kit.backend.failSignIn('sms', { reason: 'SMS gateway down' });
    const picker = kit.provider.querySelector('dc-state-picker')!;
    const notifications = kit.provider.querySelector('dc-notifications')!;
    parts(picker).signIn()!.click();
    await until(() => text(notifications.shadowRoot).includes('SMS gateway down'), 'failure notification');
    expect(text(notifications.shadowRoot)).to.match(/Sign-in failed for SMS: SMS gateway down\. Retrying in 1 s \(retry [12] of 2\)/);
    await until(() => text(notifications.shadowRoot).includes('Automatic retries have stopped'), 'retries exhausted');
    expect(kit.store.state.media['sms']!.signIn).to.equal('failed');
    expect(kit.store.state.media['chat']!.signIn).to.equal('signed-in');
    await picker.updateComplete;
    expect(parts(picker).label()).to.equal('Partial');
    expect(parts(picker).dialog()).to.be.null; // SIGN-1: one media signed in is enough
    // After the automatic retries the agent signs SMS in again from the menu.
    kit.backend.clearFailures();
    parts(picker).trigger.click();
    await picker.updateComplete;
    const again = parts(picker).item('all', 'sign-in')!;
    expect(text(again)).to.equal('Sign in to SMS');
    again.click();
    await until(() => kit.store.state.media['sms']!.signIn === 'signed-in', 'SMS signed in by hand');
    await picker.updateComplete;
    expect(parts(picker).label()).to.match(/^Not Ready/);
  });

  it('STATE-4: sign-in failing for every media shows the sign-in-failed look and keeps the dialog', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`, { config: { signInRetries: 0 } });
    for (const m of ['chat', 'sms', 'social', 'email']) kit.backend.failSignIn(m, { reason: 'No licence' });
    const picker = kit.provider.querySelector('dc-state-picker')!;
    const p = parts(picker);
    p.signIn()!.click();
    await until(() => Object.values(kit.store.state.media).every((m) => m.signIn === 'failed'), 'all failed');
    await picker.updateComplete;
    expect(p.label()).to.equal('Sign-in failed');
    expect(text(p.dialog())).to.contain('No licence');
    await expect(picker).to.be.accessible();
  });

  it('STATE-7: a failed change leaves the group partial; Retry in the notification sets it again', async () => {
    const { store, backend, p, picker, provider } = await signedIn({ config: { stateRetries: 1 } });
    backend.failStateChange('sms', { reason: 'Network error' });
    p.trigger.click();
    await picker.updateComplete;
    p.item('chat-social', 'ready')!.click();
    const notifications = provider.querySelector('dc-notifications')!;
    await until(() => !!notifications.shadowRoot!.querySelector('[part~="action"]'), 'Retry button after retries');
    expect(availability(store)).to.deep.equal({ chat: 'R', sms: 'NR', social: 'R', email: 'NR' });
    await picker.updateComplete;
    expect(p.groupLook('chat-social')).to.equal('partial');
    p.trigger.click();
    await picker.updateComplete;
    expect(text(picker.shadowRoot!.querySelector('[data-scope="chat-social"] .heading'))).to.contain('SMS: Not Ready');
    await expect(picker).to.be.accessible();
    backend.clearFailures();
    notifications.shadowRoot!.querySelector<HTMLButtonElement>('[part~="action"]')!.click();
    await until(() => store.state.media['sms']!.availability === 'ready', 'sms ready after Retry');
    await picker.updateComplete;
    expect(p.groupLook('chat-social')).to.equal('ready');
  });

  it('STATE-4: a chat that missed an offer shows Chat/Social as non-routable', async () => {
    const { store, backend, p, picker } = await signedIn();
    store.setState('chat-social', { availability: 'ready' });
    await until(() => store.state.media['chat']!.availability === 'ready', 'ready');
    backend.serverSetState('chat', { availability: 'ready', routable: false }, 'missed-offer');
    await until(() => store.state.media['sms']!.availability === 'not-ready', 'group follows');
    await picker.updateComplete;
    expect(p.groupLook('chat-social')).to.equal('non-routable');
    expect(text(p.trigger)).to.contain('Chat/Social Channels: Not Ready – non-routable');
  });

  it('FAIL-1/2: offline, the controls are disabled; after the snapshot they return as they were', async () => {
    const { store, backend, p, picker, provider } = await signedIn();
    store.setState('email', { availability: 'ready' });
    await until(() => store.state.media['email']!.availability === 'ready', 'email ready');
    backend.dropConnection();
    await picker.updateComplete;
    expect(p.trigger.getAttribute('aria-disabled')).to.equal('true');
    p.trigger.click();
    await picker.updateComplete;
    expect(p.menu(), 'no menu while offline').to.be.null;
    await press('Control+Shift+KeyV');
    expect(store.state.media['chat']!.availability).to.equal('not-ready');
    await expect(picker).to.be.accessible();
    void provider;
    await backend.restoreConnection();
    await until(() => store.state.connection === 'online', 'online again');
    await picker.updateComplete;
    expect(p.trigger.getAttribute('aria-disabled')).to.equal('false');
    expect(availability(store)['email']).to.equal('R');
    p.trigger.click();
    await picker.updateComplete;
    expect(p.menu()).to.exist;
  });

  it('SIGN-5: with no media configured it shows a clear empty state', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`, { config: { media: {} } });
    const picker = kit.provider.querySelector('dc-state-picker')!;
    const empty = picker.shadowRoot!.querySelector('[part~="empty"]');
    expect(text(empty)).to.contain('No digital channel assigned');
    expect(picker.shadowRoot!.querySelector('[part~="trigger"]')).to.be.null;
    await expect(picker).to.be.accessible();
  });

  it('EMBED-5: renders in French with the guide’s words', async () => {
    const { p, picker, store } = await signedIn({ lang: 'fr' });
    await until(() => p.label().startsWith('Non prêt'), 'French label');
    p.trigger.click();
    await picker.updateComplete;
    const heading = (scope: string) => text(picker.shadowRoot!.querySelector(`[data-scope="${scope}"] .heading-name`));
    expect([heading('all'), heading('chat-social'), heading('email')]).to.deep.equal([
      'Tous',
      'Canaux sociaux/de conversation en ligne',
      'Email',
    ]);
    expect(text(p.item('email', 'not-ready', 'lunch'))).to.equal('Non prêt – Déjeuner');
    expect(text(p.item('all', 'ready'))).to.equal('Prêt');
    p.item('email', 'not-ready', 'lunch')!.click();
    await until(() => store.state.media['email']!.reasonId === 'lunch', 'lunch');
    await expect(picker).to.be.accessible();
  });

  it('EMBED-5: the Sign In dialog in French', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`, { lang: 'fr' });
    const picker = kit.provider.querySelector('dc-state-picker')!;
    await picker.updateComplete;
    expect(text(parts(picker).dialog())).to.contain('Connexion à Gérer les canaux numériques');
    expect(text(parts(picker).signIn())).to.equal('Se connecter');
    expect(parts(picker).label()).to.equal('Non connecté');
  });

  it('is accessible when signed out, signed in, and with the menu open', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const picker = kit.provider.querySelector('dc-state-picker')!;
    await expect(picker).to.be.accessible();
    parts(picker).signIn()!.click();
    await until(() => !parts(picker).dialog(), 'signed in');
    await expect(picker).to.be.accessible();
    parts(picker).trigger.click();
    await picker.updateComplete;
    await expect(picker).to.be.accessible();
  });

  it('EMBED-1: works without a provider when given a store', async () => {
    const kit = await mountKit(html``);
    const picker = document.createElement('dc-state-picker');
    picker.store = kit.store;
    document.body.append(picker);
    try {
      await picker.updateComplete;
      expect(parts(picker).dialog()).to.exist;
      parts(picker).signIn()!.click();
      await until(() => kit.store.state.media['chat']!.signIn === 'signed-in', 'signed in through the property');
    } finally {
      picker.remove();
    }
  });
});
