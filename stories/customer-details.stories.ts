/**
 * `<dc-customer-details>`: the customer of the task on show (CUST-1…4), each look reached as the agent
 * reaches it on the simulated contact centre: signed in, Ready, a chat offer accepted; then the agent
 * edits a field, saves, or clicks End with an unsaved edit.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DcConfigInput } from '../src/model/config.js';
import type { DcCustomerDetails } from '../src/elements/customer-details/customer-details.js';
import { scenarioElement, step, type Scenario, type ScenarioStep } from './support/scenario.js';
import '../src/elements/customer-details/customer-details.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

const meta: Meta = {
  title: 'Tasks/Customer details',
  component: 'dc-customer-details',
  parameters: {
    docs: {
      description: {
        component:
          'The customer of a task: name (or the media’s display field), task timer, Transfer and End at the top, then ' +
          'the configured fields, at most ten on show before they scroll. Editable fields are shaded with an edit icon ' +
          'under the pointer and checked as the agent types; Save goes through the backend with the outcome at the ' +
          'bottom left, Cancel restores the saved values. Collapses with the header button or Ctrl+Alt+8. With unsaved ' +
          'edits, End and Transfer ask first ("Unsaved changes").',
      },
    },
  },
};
export default meta;

/** The kit's own fields: the name in the header only; email and phone editable; the account number read-only. */
const THREE: DcConfigInput['customerFields'] = {
  name: { editable: false },
  address: { editable: false },
};

const ANA = { name: 'Ana Lima', email: 'ana.lima@example.com', phone: '+33 6 12 34 56 78' };

/** Fourteen fields, every type among them, half of them editable. */
const FOURTEEN: DcConfigInput['customerFields'] = {
  name: { editable: false },
  address: { editable: true, maxLength: 80 },
  accountNumber: { editable: false },
  birthday: { label: { en: 'Birthday', fr: 'Anniversaire' }, type: 'date', editable: true },
  tier: {
    label: { en: 'Loyalty tier', fr: 'Niveau de fidélité' },
    type: 'choice',
    editable: true,
    options: [
      { value: 'gold', label: { en: 'Gold', fr: 'Or' } },
      { value: 'silver', label: { en: 'Silver', fr: 'Argent' } },
      { value: 'bronze', label: { en: 'Bronze', fr: 'Bronze' } },
    ],
  },
  orders: { label: { en: 'Orders', fr: 'Commandes' }, type: 'number', editable: true },
  city: { label: { en: 'City', fr: 'Ville' } },
  country: { label: { en: 'Country', fr: 'Pays' } },
  language: { label: { en: 'Language', fr: 'Langue' } },
  lastOrder: { label: { en: 'Last order', fr: 'Dernière commande' } },
  plan: { label: { en: 'Plan', fr: 'Offre' } },
  since: { label: { en: 'Customer since', fr: 'Client depuis' }, type: 'date' },
  segment: { label: { en: 'Segment', fr: 'Segment' } },
};
const ANA_FULL = {
  ...ANA,
  address: '12 rue des Lilas, Lyon',
  accountNumber: 'AC-204518',
  birthday: '1988-04-12',
  tier: 'gold',
  orders: '14',
  city: 'Lyon',
  country: 'France',
  language: 'fr-FR',
  lastOrder: 'CMD-88172',
  plan: 'Premium',
  since: '2019-09-01',
  segment: 'Retail',
};

const held = (customer: Record<string, string>): ScenarioStep[] => [
  step.signIn(),
  step.ready('all'),
  step.offer('chat', { customer, text: null }),
  step.accept(0),
];

const box = () => html`<div style="max-width: 34rem; padding: 0.75rem"><dc-customer-details></dc-customer-details></div>`;

const details = (s: Scenario) => s.provider.querySelector<DcCustomerDetails>('dc-customer-details')!;
const taskId = (s: Scenario) => s.store!.state.selectedTaskId!;

const story = (
  name: string,
  text: string,
  options: { fields?: DcConfigInput['customerFields']; customer?: Record<string, string>; after?: (s: Scenario) => Promise<void> | void } = {},
): StoryObj => ({
  name,
  parameters: describe(text),
  render: () =>
    scenarioElement({
      name: `details-${name}`,
      config: { customerFields: options.fields ?? THREE },
      content: box(),
      steps: held(options.customer ?? { ...ANA, accountNumber: 'AC-204518' }),
      ...(options.after ? { after: options.after } : {}),
    }),
});

/** CUST-1: three fields. */
export const ThreeFields = story('Three fields', 'CUST-1: the name and timer, Transfer and End at the top, then three fields: email and phone editable, the account number read-only.');

/** CUST-1: fourteen fields, ten on show. */
export const FourteenFields = story(
  'Fourteen fields',
  'CUST-1: fourteen fields of every type; ten are on show and the list scrolls for the rest (with the mouse or the keyboard).',
  { fields: FOURTEEN, customer: ANA_FULL },
);

/** CUST-3: an unsaved edit, Save and Cancel on show. */
export const Editing = story('Editing', 'CUST-3: the agent changed the email; the field is marked, and Save and Cancel appear.', {
  after: (s) => s.store!.editCustomer(taskId(s), 'email', 'ana.lima@newmail.example.com'),
});

/** CUST-3: a value refused as typed, with the reason. */
export const InvalidValue = story('Invalid value', 'CUST-3: an email without a domain is refused as it is typed, with the reason under the field; Save is disabled.', {
  after: (s) => s.store!.editCustomer(taskId(s), 'email', 'ana.lima@example'),
});

/** CUST-3: saved, with the message at the bottom left. */
export const Saved = story('Saved', 'CUST-3: the edit went through the backend; the message at the bottom left says so.', {
  after: async (s) => {
    s.store!.editCustomer(taskId(s), 'phone', '+33 6 98 76 54 32');
    await s.store!.saveCustomer(taskId(s));
    await details(s).updateComplete;
  },
});

/** CUST-3: the server refused the save; the edit is kept. */
export const SaveFailed = story('Save failed', 'CUST-3: the server refused the save; the reason shows at the bottom left and the edit is kept for another try.', {
  after: async (s) => {
    s.backend.failCustomerSave({ reason: 'The customer record is locked by another user' });
    s.store!.editCustomer(taskId(s), 'email', 'ana.lima@newmail.example.com');
    await s.store!.saveCustomer(taskId(s)).catch(() => {});
    await details(s).updateComplete;
  },
});

/** CUST-4: End with an unsaved edit. */
export const UnsavedChanges = story('Unsaved changes', 'CUST-4: End clicked with an unsaved edit: continue without saving, or go back.', {
  after: async (s) => {
    s.store!.editCustomer(taskId(s), 'email', 'ana.lima@newmail.example.com');
    const el = details(s);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="end"]')!.click();
    await el.updateComplete;
  },
});

/** CUST-2: collapsed to the header. */
export const Collapsed = story('Collapsed', 'CUST-2: collapsed to its header (the header button or Ctrl+Alt+8 expands it again).', {
  after: async (s) => {
    const el = details(s);
    el.collapsed = true;
    await el.updateComplete;
  },
});
