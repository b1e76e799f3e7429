/**
 * `<dc-template-picker>`: the composer's template list on its own (COMP-5, COMP-6), given the simulated
 * contact centre's sample catalogue: six groups, each template in English and French, some locked.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_TEMPLATE_GROUPS, SAMPLE_TEMPLATES } from '../src/simulator/index.js';
import type { CatalogueStatus } from '../src/elements/internal/template-picker.js';
import type { MediaKind } from '../src/model/media.js';
import type { Template } from '../src/model/templates.js';
import { scenarioElement } from './support/scenario.js';
import '../src/elements/internal/template-picker.js';

const describe = (text: string) => ({ docs: { description: { story: text } } });

interface PickerArgs {
  media: MediaKind;
  status: CatalogueStatus;
  reason: string;
  query: string;
  inline: boolean;
  maxTabs: number;
}

const meta: Meta<PickerArgs> = {
  title: 'Conversation/Template picker',
  component: 'dc-template-picker',
  args: { media: 'chat', status: 'loaded', reason: '', query: '', inline: false, maxTabs: 3 },
  argTypes: {
    media: { control: 'inline-radio', options: ['chat', 'sms', 'social', 'email'] },
    status: { control: 'inline-radio', options: ['idle', 'loading', 'loaded', 'failed'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Pick a message template: "All templates", a tab for each of the first groups and More for the rest; ' +
          'a search by name that ignores case and accents; a list driven by Up, Down, Home, End and Enter. Locked ' +
          'templates show a lock. Properties in, events out (`dc-template-pick`, `dc-close`, `dc-catalogue-retry`).',
      },
    },
  },
};
export default meta;

/** The picker as the composer shows it: a popover of fixed width above the box. */
function picker(args: PickerArgs, name: string, templates: readonly Template[] = SAMPLE_TEMPLATES): HTMLElement {
  return scenarioElement({
    name: `template-picker-${name}`,
    content: html`<div
      style="width: 26rem; max-width: 100%; padding: 0.5rem; border: 1px solid var(--dc-color-border, #c9d0d8); border-radius: 6px"
    >
      <dc-template-picker
        .templates=${templates}
        .groups=${SAMPLE_TEMPLATE_GROUPS}
        .media=${args.media}
        .status=${args.status}
        .reason=${args.reason}
        .query=${args.query}
        .inline=${args.inline}
        .maxTabs=${args.maxTabs}
      ></dc-template-picker>
    </div>`,
  });
}

/** COMP-5. */
export const Loaded: StoryObj<PickerArgs> = {
  name: 'Loaded',
  parameters: describe('COMP-5: every template for chat under "All templates"; three group tabs and More.'),
  render: (args) => picker(args, 'loaded'),
};

/** COMP-5. */
export const Loading: StoryObj<PickerArgs> = {
  name: 'Loading',
  args: { status: 'loading' },
  parameters: describe('COMP-5: the catalogue is on its way from the server.'),
  render: (args) => picker(args, 'loading'),
};

/** COMP-5. */
export const Failed: StoryObj<PickerArgs> = {
  name: 'Failed, with Retry',
  args: { status: 'failed', reason: 'The server did not answer in time.' },
  parameters: describe('COMP-5: the catalogue could not be loaded: the reason, and Retry.'),
  render: (args) => picker(args, 'failed'),
};

/** COMP-6. */
export const Locked: StoryObj<PickerArgs> = {
  name: 'Locked templates',
  parameters: describe('COMP-6: locked templates show a lock; the composer sends them as they are.'),
  render: (args) =>
    picker(
      args,
      'locked',
      SAMPLE_TEMPLATES.filter((t) => t.locked),
    ),
};

/** COMP-5. */
export const SearchResults: StoryObj<PickerArgs> = {
  name: 'Search results',
  args: { media: 'sms', query: 'sms' },
  parameters: describe('COMP-5: the search keeps the templates whose name holds the words, case and accents ignored.'),
  render: (args) => picker(args, 'search'),
};

/** COMP-5. */
export const Inline: StoryObj<PickerArgs> = {
  name: 'Inline (/ in the box)',
  args: { inline: true, query: '' },
  parameters: describe(
    'COMP-5: the composer’s `/` search: no field and no tab; the text after `/` filters, and the composer’s box keeps the focus.',
  ),
  render: (args) => picker(args, 'inline'),
};

/** 10,000 templates built from the sample ones: the same names with a number, in the same groups. */
const MANY: readonly Template[] = Array.from({ length: 10_000 }, (_, i) => {
  const t = SAMPLE_TEMPLATES[i % SAMPLE_TEMPLATES.length]!;
  const n = Math.floor(i / SAMPLE_TEMPLATES.length) + 1;
  const name = typeof t.name === 'string' ? `${t.name} ${n}` : Object.fromEntries(Object.entries(t.name).map(([k, v]) => [k, `${v} ${n}`]));
  return { ...t, id: `${t.id}-${n}`, name };
});

/** HOSTILE-16. */
export const TenThousand: StoryObj<PickerArgs> = {
  name: '10,000 templates',
  parameters: describe(
    'HOSTILE-16: a catalogue of 10,000 templates opens at once and filters as the agent types: only the options near the view are in the page, each announced with its place in the whole list.',
  ),
  render: (args) => picker(args, 'many', MANY),
};
