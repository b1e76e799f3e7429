/**
 * `<dc-sign-out-confirm>` on the simulated centre with a manual clock, driven with real keys and clicks
 * (STATE-8).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { text } from '../support/dom.js';
import { config, mount, part } from '../support/wrap-up-kit.js';

describe('dc-sign-out-confirm', () => {
  it('STATE-8: the host signs out with held tasks: a dialog lists them; Go back keeps them, Sign out closes them', async () => {
    const kit = await mount(config({}, { onSignOut: 'close' }), 'fr');
    const a = await kit.accept('chat');
    const b = await kit.accept('sms');
    kit.store.end(a);
    await kit.advance(0);
    kit.store.setState('all', { availability: 'not-ready' });
    await kit.clock.advance(0);
    let answer: boolean | undefined;
    void kit.store.signOut().then((v) => (answer = v));
    await kit.confirm.updateComplete;
    const dialog = part(kit.confirm, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(kit.confirm.matches(':state(open)')).to.equal(true);
    expect(kit.confirm.shadowRoot!.querySelectorAll('[part~="task"]')).to.have.length(2);
    expect(text(dialog)).to.include('Ces 2 tâches seront clôturées');
    expect(kit.confirm.shadowRoot!.activeElement, '"Go back" has the focus').to.equal(part(kit.confirm, 'cancel'));
    await expect(kit.confirm).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await kit.clock.advance(0);
    await kit.confirm.updateComplete;
    expect(answer).to.equal(false);
    expect(dialog.open).to.equal(false);
    expect(Object.keys(kit.store.state.tasks)).to.have.members([a, b]);

    void kit.store.signOut().then((v) => (answer = v));
    await kit.confirm.updateComplete;
    // A host may veto it: the confirmation stays, nothing is signed out.
    let asked = 0;
    const veto = (e: Event) => {
      asked += 1;
      e.preventDefault();
    };
    kit.provider.addEventListener('dc-before-sign-out', veto);
    (part(kit.confirm, 'confirm') as HTMLButtonElement).click();
    await kit.clock.advance(0);
    expect(asked, 'dc-before-sign-out fired').to.equal(1);
    expect(dialog.open, 'vetoed: still asking').to.equal(true);
    expect(Object.keys(kit.store.state.tasks)).to.have.members([a, b]);
    kit.provider.removeEventListener('dc-before-sign-out', veto);
    (part(kit.confirm, 'confirm') as HTMLButtonElement).click();
    await kit.clock.advance(0);
    await kit.clock.advance(0);
    expect(answer).to.equal(true);
    expect(kit.store.state.tasks).to.deep.equal({});
    expect(kit.backend.serverWrapUp(a)).to.deep.equal({ reasons: ['spam'], by: 'agent' });
  });
});
