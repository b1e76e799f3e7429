/**
 * `<dc-emoji-panel>`: the composer's emoji picker on its own (COMP-11). Its data ships with the kit: the
 * story loads it from the kit's own files, in the toolbar's language.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DcEmojiPanel } from '../src/elements/internal/emoji-panel.js';
import { scenarioElement } from './support/scenario.js';
import '../src/elements/internal/emoji-panel.js';

const meta: Meta = {
  title: 'Conversation/Emoji panel',
  component: 'dc-emoji-panel',
  parameters: {
    docs: {
      description: {
        component:
          'An emoji picker (emoji-picker-element) whose data ships with the kit, in French or English, in the ' +
          'kit’s colours. It loads on first opening. Properties in (`open`), events out (`dc-emoji-pick`, `dc-close`).',
      },
    },
  },
};
export default meta;

/** Resolves once the picker shows its emoji (or the panel says it failed), within `ms`. */
async function loaded(panel: DcEmojiPanel, ms = 10000): Promise<void> {
  const shown = () =>
    panel.matches(':state(failed)') ||
    Boolean(panel.shadowRoot?.querySelector('emoji-picker')?.shadowRoot?.querySelector('.tabpanel button.emoji'));
  for (const end = Date.now() + ms; !shown() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** COMP-11. */
export const Open: StoryObj = {
  name: 'Open',
  parameters: { docs: { description: { story: 'COMP-11: the panel open, its data loaded from the kit.' } } },
  render: () =>
    scenarioElement({
      name: 'emoji-panel-open',
      content: html`<dc-emoji-panel open></dc-emoji-panel>`,
      after: async (s) => {
        const panel = s.provider.querySelector('dc-emoji-panel');
        if (panel) await loaded(panel);
      },
    }),
};
