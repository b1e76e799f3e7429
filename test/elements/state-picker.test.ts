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

  it('is accessible when signed out, with the menu open, and in French', async () => {
    const kit = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const picker = kit.provider.querySelector('dc-state-picker')!;
    await expect(picker).to.be.accessible();
  });
});
