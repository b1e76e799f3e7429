import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SAMPLE_WORKFLOWS } from '../../src/simulator/index.js';
import '../../src/elements/internal/workflow-dialog.js';
import type { DcWorkflowDialog } from '../../src/elements/internal/workflow-dialog.js';
import { setDefaultLocale } from '../../src/i18n/localization.js';
import type { Workflow } from '../../src/model/workflows.js';
import { darkTokens } from '../../src/styles/tokens.js';
import { press, text, until } from '../support/dom.js';

/** Every type of parameter, for the validation tests. */
const ORDER: Workflow = {
  id: 'order',
  name: { en: 'Order a replacement', fr: 'Commander un remplacement' },
  params: [
    { name: 'reference', label: { en: 'Reference', fr: 'Référence' }, type: 'text', required: true, maxLength: 8 },
    { name: 'quantity', label: { en: 'Quantity', fr: 'Quantité' }, type: 'number', required: true },
    { name: 'email', label: { en: 'Email', fr: 'E-mail' }, type: 'email', required: false },
    { name: 'phone', label: { en: 'Phone', fr: 'Téléphone' }, type: 'phone', required: false },
    { name: 'date', label: { en: 'Date', fr: 'Date' }, type: 'date', required: false },
  ],
};
const WORKFLOWS = [...SAMPLE_WORKFLOWS, ORDER];

/** A run that the test settles by hand. */
function deferredRun() {
  const calls: { workflowId: string; params: Record<string, string> }[] = [];
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const run = (workflowId: string, params: Record<string, string>) => {
    calls.push({ workflowId, params });
    return new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { run, calls, resolve: () => settle.resolve(), reject: (e: Error) => settle.reject(e) };
}

async function mount(run = deferredRun().run) {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <button id="opener">Workflows</button>
    <dc-workflow-dialog .workflows=${WORKFLOWS} .run=${run}></dc-workflow-dialog>
  </div>`);
  const dialog = wrapper.querySelector('dc-workflow-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  dialog.open = true;
  await dialog.updateComplete;
  return { wrapper, dialog, opener };
}

function parts(dialog: DcWorkflowDialog) {
  const root = dialog.shadowRoot!;
  return {
    native: () => root.querySelector('dialog')!,
    focused: () => root.activeElement as HTMLElement | null,
    workflows: () => [...root.querySelectorAll('[part~="workflow"]')].map((w) => text(w)),
    radio: (name: string) =>
      [...root.querySelectorAll<HTMLLabelElement>('[part~="workflow"]')].find((w) => text(w.querySelector('.name')) === name)!.querySelector('input')!,
    trigger: () => root.querySelector<HTMLButtonElement>('[part~="trigger"]')!,
    back: () => root.querySelector<HTMLButtonElement>('[part~="back"]'),
    input: (label: string) => {
      const l = [...root.querySelectorAll('label')].find((x) => text(x).replace(/ \*$/, '') === label)!;
      return root.getElementById(l.htmlFor) as HTMLInputElement;
    },
    /** The message a field points at through aria-describedby. */
    message: (input: HTMLInputElement) => {
      const id = input.getAttribute('aria-describedby');
      return id ? text(root.getElementById(id)) : '';
    },
    alert: () => text(root.querySelector('[role="alert"]')),
  };
}

async function chooseAndTrigger(dialog: DcWorkflowDialog, name: string) {
  const p = parts(dialog);
  p.radio(name).click();
  await dialog.updateComplete;
  p.trigger().click();
  await dialog.updateComplete;
}

/**
 * The agent chooses a workflow with parameters and goes on to them with Tab: its fields show as soon
 * as it is chosen (HOSTILE-29), right after the list.
 */
async function chooseAndEnter(dialog: DcWorkflowDialog, name: string) {
  const radio = parts(dialog).radio(name);
  // As a click does: the radio takes the focus and is checked.
  radio.focus();
  radio.click();
  await dialog.updateComplete;
  await press('Tab');
  await dialog.updateComplete;
}

describe('dc-workflow-dialog', function () {
  this.timeout(10000);
  afterEach(() => setDefaultLocale(undefined));

  it('COMP-10: a modal dialog lists the workflows with their descriptions; arrows choose one', async () => {
    const { dialog } = await mount();
    const p = parts(dialog);
    expect(p.native().open).to.be.true;
    expect(p.native().matches(':modal')).to.be.true;
    expect(p.workflows()).to.deep.equal([
      'Create a case Opens a case in the CRM for follow-up.',
      'Send satisfaction survey Sends the customer a short survey after this conversation.',
      'Schedule a callback Books a phone call back to the customer.',
      'Escalate to supervisor',
      'Order a replacement',
    ]);
    expect(p.focused()).to.equal(p.radio('Create a case'));
    expect(p.trigger().getAttribute('aria-disabled')).to.equal('true');
    await press('ArrowDown');
    await dialog.updateComplete;
    expect(p.radio('Send satisfaction survey').checked).to.be.true;
    expect(p.trigger().getAttribute('aria-disabled')).to.equal('false');
  });

  it('COMP-10: Trigger runs a workflow without parameters at once; Running… until it is done, then the dialog closes', async () => {
    const runner = deferredRun();
    const { dialog } = await mount(runner.run);
    const p = parts(dialog);
    await chooseAndTrigger(dialog, 'Send satisfaction survey');
    expect(runner.calls).to.deep.equal([{ workflowId: 'survey', params: {} }]);
    expect(text(p.trigger())).to.equal('Running…');
    expect(p.trigger().getAttribute('aria-disabled')).to.equal('true');
    expect(dialog.matches(':state(running)')).to.be.true;
    p.trigger().click();
    expect(runner.calls).to.have.length(1);
    const done = oneEvent(dialog, 'dc-workflow-done');
    runner.resolve();
    expect((await done).detail.workflowId).to.equal('survey');
    await dialog.updateComplete;
    expect(dialog.open).to.be.false;
    expect(p.native().open).to.be.false;
  });

  it('COMP-10: a workflow with parameters asks for them: labelled fields of the right type, required ones marked', async () => {
    const { dialog } = await mount();
    const p = parts(dialog);
    await chooseAndEnter(dialog, 'Order a replacement');
    expect(dialog.matches(':state(form)')).to.be.true;
    const reference = p.input('Reference');
    expect(p.focused()).to.equal(reference);
    expect(reference.type).to.equal('text');
    expect(reference.required).to.be.true;
    expect(reference.maxLength).to.equal(8);
    expect(p.input('Quantity').type).to.equal('number');
    expect(p.input('Email').type).to.equal('email');
    expect(p.input('Email').required).to.be.false;
    expect(p.input('Phone').type).to.equal('tel');
    expect(p.input('Date').type).to.equal('date');
    const labels = [...dialog.shadowRoot!.querySelectorAll('label')].map((l) => text(l));
    expect(labels).to.deep.equal(['Reference *', 'Quantity *', 'Email', 'Phone', 'Date']);
  });

  it('COMP-10: Trigger checks every field: each refused one says why, and the first takes the focus', async () => {
    const runner = deferredRun();
    const { dialog } = await mount(runner.run);
    const p = parts(dialog);
    await chooseAndEnter(dialog, 'Order a replacement');
    p.input('Quantity').focus();
    await sendKeys({ type: '1e' });
    p.input('Email').focus();
    await sendKeys({ type: 'camille@' });
    p.input('Phone').focus();
    await sendKeys({ type: '12' });
    p.input('Date').focus();
    await sendKeys({ type: '12' });
    p.trigger().click();
    await dialog.updateComplete;
    expect(runner.calls).to.deep.equal([]);
    const messages = ['Reference', 'Quantity', 'Email', 'Phone', 'Date'].map((l) => [
      l,
      p.input(l).getAttribute('aria-invalid'),
      p.message(p.input(l)),
    ]);
    expect(messages).to.deep.equal([
      ['Reference', 'true', 'Enter a value.'],
      ['Quantity', 'true', 'Enter a number.'],
      ['Email', 'true', 'Enter an email address, such as name@example.com.'],
      ['Phone', 'true', 'Enter a phone number: 6 to 15 digits, with + in front if needed.'],
      ['Date', 'true', 'Enter a valid date.'],
    ]);
    expect(p.focused()).to.equal(p.input('Reference'));
  });

  it('COMP-10: leaving an edited field checks it; correcting it clears the message', async () => {
    const { dialog } = await mount();
    const p = parts(dialog);
    await chooseAndEnter(dialog, 'Create a case');
    // Passing through an untouched field says nothing yet.
    await press('Tab');
    await dialog.updateComplete;
    expect(p.input('Subject').getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ type: 'not-an-address' });
    await press('Tab');
    await dialog.updateComplete;
    const email = p.input('Customer email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(p.message(email)).to.equal('Enter an email address, such as name@example.com.');
    email.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '@example.com' });
    await dialog.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(email.hasAttribute('aria-describedby')).to.be.false;
  });

  it('COMP-10: Trigger runs the workflow with the values typed; success closes the dialog and fires dc-workflow-done', async () => {
    const runner = deferredRun();
    const { dialog } = await mount(runner.run);
    const p = parts(dialog);
    await chooseAndEnter(dialog, 'Schedule a callback');
    await sendKeys({ type: '+33 6 12 34 56 78' });
    p.input('Date').focus();
    await sendKeys({ type: '03152027' });
    await press('Enter');
    await dialog.updateComplete;
    expect(runner.calls).to.deep.equal([{ workflowId: 'callback', params: { phone: '+33 6 12 34 56 78', date: '2027-03-15' } }]);
    const done = oneEvent(dialog, 'dc-workflow-done');
    runner.resolve();
    expect((await done).detail.workflowId).to.equal('callback');
    expect(dialog.open).to.be.false;
  });

  it('COMP-10: a failed run shows the server’s reason and keeps the dialog and the values', async () => {
    const runner = deferredRun();
    const { dialog } = await mount(runner.run);
    const p = parts(dialog);
    await chooseAndEnter(dialog, 'Create a case');
    await sendKeys({ type: 'Broken screen' });
    p.input('Customer email').focus();
    await sendKeys({ type: 'alice@example.com' });
    p.trigger().click();
    await dialog.updateComplete;
    runner.reject(new Error('No supervisor available'));
    await until(() => p.alert() !== '', 'the failure shows');
    await dialog.updateComplete;
    expect(p.alert()).to.equal('No supervisor available');
    expect(dialog.open).to.be.true;
    expect(p.native().open).to.be.true;
    expect(dialog.matches(':state(failed)')).to.be.true;
    expect(p.input('Subject').value).to.equal('Broken screen');
    expect(p.input('Customer email').value).to.equal('alice@example.com');
    expect(text(p.trigger())).to.equal('Trigger');
    expect(p.focused()).to.equal(p.trigger());
  });

  it('COMP-10: the list stays with the workflow chosen beside its fields; Shift+Tab goes back to it', async () => {
    const { dialog } = await mount();
    const p = parts(dialog);
    await chooseAndEnter(dialog, 'Create a case');
    expect(p.radio('Create a case').checked).to.be.true;
    await press('Shift+Tab');
    expect(p.focused()).to.equal(p.radio('Create a case'));
  });

  it('HOSTILE-29: a workflow’s parameters show as soon as it is chosen, by click or arrows; one Trigger runs it', async () => {
    const runner = deferredRun();
    const { dialog } = await mount(runner.run);
    const p = parts(dialog);
    const fields = () => [...dialog.shadowRoot!.querySelectorAll('[part~="form"] label')].map((l) => text(l));
    expect(fields()).to.deep.equal([]);
    // Space chooses the first workflow: its fields show, no Trigger pressed.
    await press('Space');
    await dialog.updateComplete;
    expect(p.radio('Create a case').checked).to.be.true;
    expect(dialog.matches(':state(form)')).to.be.true;
    expect(fields()).to.deep.equal(['Subject *', 'Customer email *']);
    expect(runner.calls).to.deep.equal([]);
    // The arrows move along the list; the fields follow, and the focus stays on the list.
    await press('ArrowDown');
    await dialog.updateComplete;
    expect(fields(), 'the survey asks nothing').to.deep.equal([]);
    expect(dialog.matches(':state(form)')).to.be.false;
    await press('ArrowDown');
    await dialog.updateComplete;
    expect(fields()).to.deep.equal(['Phone number *', 'Date *']);
    expect(p.focused()).to.equal(p.radio('Schedule a callback'));
    await press('Tab');
    expect(p.focused()).to.equal(p.input('Phone number'));
    await sendKeys({ type: '+33 6 12 34 56 78' });
    p.input('Date').focus();
    await sendKeys({ type: '03152027' });
    p.trigger().click();
    await dialog.updateComplete;
    expect(runner.calls).to.deep.equal([{ workflowId: 'callback', params: { phone: '+33 6 12 34 56 78', date: '2027-03-15' } }]);
    runner.resolve();
    await oneEvent(dialog, 'dc-workflow-done');
  });

  it('HOSTILE-29: fields the workflow fills from the customer are filled when it is chosen; what the agent types is kept across choices', async () => {
    const runner = deferredRun();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <dc-workflow-dialog
        .workflows=${WORKFLOWS}
        .run=${runner.run}
        .customer=${{ name: 'Alice Martin', phone: '+33 6 12 34 56 78', email: 'alice@example.com' }}
      ></dc-workflow-dialog>
    </div>`);
    const dialog = wrapper.querySelector('dc-workflow-dialog')!;
    dialog.open = true;
    await dialog.updateComplete;
    const p = parts(dialog);
    p.radio('Schedule a callback').click();
    await dialog.updateComplete;
    expect(p.input('Phone number').value).to.equal('+33 6 12 34 56 78');
    expect(p.input('Date').value).to.equal('');
    p.radio('Create a case').click();
    await dialog.updateComplete;
    expect([p.input('Subject').value, p.input('Customer email').value]).to.deep.equal(['', 'alice@example.com']);
    p.input('Subject').focus();
    await sendKeys({ type: 'Broken screen' });
    p.radio('Schedule a callback').click();
    await dialog.updateComplete;
    p.radio('Create a case').click();
    await dialog.updateComplete;
    expect(p.input('Subject').value).to.equal('Broken screen');
    p.trigger().click();
    await dialog.updateComplete;
    expect(runner.calls).to.deep.equal([{ workflowId: 'create-case', params: { subject: 'Broken screen', email: 'alice@example.com' } }]);
  });

  it('COMP-10: Escape closes the dialog, fires dc-close and gives the focus back', async () => {
    const { dialog, opener } = await mount();
    const closed = oneEvent(dialog, 'dc-close');
    await press('Escape');
    await closed;
    await dialog.updateComplete;
    expect(dialog.open).to.be.false;
    expect(parts(dialog).native().open).to.be.false;
    expect(document.activeElement).to.equal(opener);
    // It opens again, from the list.
    dialog.open = true;
    await dialog.updateComplete;
    expect(parts(dialog).native().open).to.be.true;
  });

  it('COMP-10: French names, inside another shadow root, axe-clean in light and dark', async () => {
    await setDefaultLocale('fr');
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const dialog = document.createElement('dc-workflow-dialog');
    dialog.workflows = WORKFLOWS;
    root.append(dialog);
    dialog.open = true;
    await dialog.updateComplete;
    const p = parts(dialog);
    expect(p.workflows()[0]).to.equal('Créer un dossier Ouvre un dossier de suivi dans le CRM.');
    await expect(host).to.be.accessible();
    await chooseAndEnter(dialog, 'Commander un remplacement');
    p.trigger().click();
    await dialog.updateComplete;
    expect(p.input('Référence').getAttribute('aria-invalid')).to.equal('true');
    await expect(host).to.be.accessible();
    host.setAttribute('style', darkTokens.cssText);
    await expect(host).to.be.accessible();
    dialog.open = false;
  });
});
