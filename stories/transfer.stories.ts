/**
 * `<dc-transfer-menu>` (XFER-1, XFER-3, XFER-4, PANE-5): the Transfer button and its pop-up of routing
 * points, a transfer pending and failed, and two agents side by side on one simulated contact centre —
 * each reached by real actions on the simulated centre.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { inDiv, scenario, step, type Scenario, type ScenarioStep } from './support/scenario.js';
import { SAMPLE_TRANSFER_TARGETS, SimulatedCentre } from '../src/simulator/index.js';
import type { DcConfigInput } from '../src/model/config.js';
import '../src/elements/transfer/transfer.js';
import '../src/elements/chat-thread/chat-thread.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const CONFIG: DcConfigInput = {
  media: {
    chat: { transferTargets: SAMPLE_TRANSFER_TARGETS.chat },
    sms: { transferTargets: SAMPLE_TRANSFER_TARGETS.sms },
    email: {},
  },
};

/** The menu above the task's conversation, as in the customer details' header. */
const content = (): TemplateResult => html`<div
  style="display: flex; flex-direction: column; gap: 0.5rem; padding: 0.75rem; min-height: 30rem; box-sizing: border-box"
>
  <div style="display: flex; justify-content: flex-end"><dc-transfer-menu></dc-transfer-menu></div>
  <dc-chat-thread style="height: 24rem"></dc-chat-thread>
</div>`;

/** A chat accepted, where the customer and the agent have both written. */
const HELD: readonly ScenarioStep[] = [
  step.signIn(),
  step.ready('all'),
  step.offer('chat', { text: 'My invoice shows 120 € instead of 100 €', customer: { name: 'Léa Dubois', email: 'lea@example.com' } }),
  step.accept(0),
  step.send(0, 'Let me check that for you'),
];

const menuOf = (s: Scenario) => s.provider.querySelector('dc-transfer-menu')!;
const heldTask = (s: Scenario) => Object.values(s.store!.state.tasks).find((t) => t.status === 'active')!;

/** Waits until `ok`, a little at a time. */
async function until(ok: () => boolean, limitMs = 5000): Promise<void> {
  for (const start = Date.now(); !ok() && Date.now() - start < limitMs; ) await new Promise((r) => setTimeout(r, 20));
}

const meta: Meta = {
  title: 'Tasks/Transfer',
  component: 'dc-transfer-menu',
  parameters: {
    docs: {
      description: {
        component:
          'Transfer sends the task to one of the routing points configured for its channel (not the voice ' +
          'directory). The pop-up searches them and takes an internal note for the next agent; with a forced ' +
          'wrap-up, a wrap-up reason and Apply come first. Pending and failed transfers show in the button and ' +
          'as a line in the thread; while a transfer is pending, End and Send wait.',
      },
    },
  },
};
export default meta;

/** XFER-1: the pop-up open, every routing point of the chat. */
export const Menu: StoryObj = {
  name: 'Transfer menu',
  parameters: describe('XFER-1: the routing points of the chat channel, a search field and the internal note.'),
  render: () =>
    scenario({
      name: 'transfer-menu',
      config: CONFIG,
      content: content(),
      steps: HELD,
      after: async (s) => {
        const menu = menuOf(s);
        menu.show();
        await menu.updateComplete;
      },
    }).provider,
};

/** XFER-1: a search narrows the list, whatever the case and accents. */
export const Searching: StoryObj = {
  name: 'Transfer menu, searching',
  parameters: describe('XFER-1: “supp” finds Technical support; accents and case do not matter.'),
  render: () =>
    scenario({
      name: 'transfer-search',
      config: CONFIG,
      content: content(),
      steps: HELD,
      after: async (s) => {
        const menu = menuOf(s);
        menu.show();
        await menu.updateComplete;
        const search = menu.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
        search.value = 'supp';
        search.dispatchEvent(new Event('input'));
        const note = menu.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="note"]')!;
        note.value = 'Wants a refund of 20 €';
        note.dispatchEvent(new Event('input'));
        await menu.updateComplete;
      },
    }).provider,
};

/** XFER-4: the server has not answered yet: the button and the thread say so, End and Send wait. */
export const Pending: StoryObj = {
  name: 'Transfer pending',
  parameters: describe('XFER-4: a transfer under way. The button says Transferring…, the thread says End and Send wait.'),
  render: () =>
    scenario({
      name: 'transfer-pending',
      config: CONFIG,
      content: content(),
      steps: HELD,
      after: async (s) => {
        s.backend.transfer = () => new Promise(() => {}); // a server that takes its time
        s.store!.transfer(heldTask(s).id, { target: 'billing', note: 'Wants a refund of 20 €' });
        await menuOf(s).updateComplete;
      },
    }).provider,
};

/** XFER-4: the server refused the transfer: the agent keeps the task, with the reason and Retry. */
export const Failed: StoryObj = {
  name: 'Transfer failed',
  parameters: describe('XFER-4: the routing point refused the task. The agent keeps it; Retry sends the same transfer again.'),
  render: () =>
    scenario({
      name: 'transfer-failed',
      config: CONFIG,
      content: content(),
      steps: HELD,
      after: async (s) => {
        s.backend.failTransfer({ reason: 'Billing is closed until 2 pm' });
        s.store!.transfer(heldTask(s).id, { target: 'billing' });
        await until(() => s.store!.state.transfers[heldTask(s).id]?.status === 'failed');
        await menuOf(s).updateComplete;
      },
    }).provider,
};

/** XFER-1: an email channel with no routing point configured: Transfer is disabled and says why. */
export const NoRoutingPoint: StoryObj = {
  name: 'No routing point',
  parameters: describe('XFER-1: no routing point is configured for email: Transfer is disabled, with the reason.'),
  render: () =>
    scenario({
      name: 'transfer-none',
      config: CONFIG,
      content: content(),
      steps: [step.signIn(), step.ready('all'), step.offer('email'), step.accept(0)],
    }).provider,
};

/**
 * XFER-4, PANE-5: two agents on one simulated centre. Alex transferred the chat to Billing with a note;
 * Sam accepted it and reads the whole conversation, Alex's messages and note included.
 */
export const TwoAgentsSideBySide: StoryObj = {
  name: 'Two agents side by side',
  parameters: describe(
    'XFER-4, PANE-5: Alex (left) transferred the chat to Billing with an internal note; Sam (right) accepted it ' +
      'and sees the whole history, Alex’s messages and the note included. Alex’s list no longer holds it.',
  ),
  render: () => {
    const centre = new SimulatedCentre();
    const agent = (id: string, name: string) => ({ ...CONFIG, agent: { id, name } });
    const alex = scenario({
      name: 'transfer-alex',
      config: agent('alex', 'Alex Martin'),
      backend: { centre, agentName: 'Alex Martin' },
      content: content(),
      steps: HELD,
      after: async (s) => {
        s.store!.transfer(heldTask(s).id, { target: 'billing', note: 'Wants a refund of 20 €; invoice attached last week' });
        await until(() => !Object.values(s.store!.state.tasks).length);
      },
    });
    const sam = scenario({
      name: 'transfer-sam',
      config: agent('sam', 'Sam Roux'),
      backend: { centre, agentName: 'Sam Roux' },
      content: content(),
      steps: [step.signIn(), step.ready('all')],
      after: async (s) => {
        const store = s.store!;
        await until(() => Object.values(store.state.tasks).some((t) => t.status === 'offered'));
        const offer = Object.values(store.state.tasks).find((t) => t.status === 'offered');
        if (offer) store.accept(offer.id);
        await until(() => Object.values(store.state.tasks).some((t) => t.status === 'active'));
        // The thread lays its rows out over a few frames (each row measured once drawn).
        const thread = s.provider.querySelector('dc-chat-thread')!;
        await until(() => (thread.shadowRoot?.querySelectorAll('[part~="internal-bubble"]').length ?? 0) > 0);
        for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => setTimeout(r, 150));
      },
    });
    return inDiv(html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem">
      <section aria-label="Alex Martin">${alex.provider}</section>
      <section aria-label="Sam Roux">${sam.provider}</section>
    </div>`);
  },
};
