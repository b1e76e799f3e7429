/**
 * Every story, mounted as a designer sees it, in English and French: it reaches the state its name
 * promises, and passes axe. (The stories build their state through the real store and simulated backend.)
 */
import { expect } from '@open-wc/testing';
import type { StoryObj } from '@storybook/web-components-vite';
import * as bannerStories from '../../stories/connection-banner.stories.js';
import * as notificationStories from '../../stories/notifications.stories.js';
import * as pickerStories from '../../stories/state-picker.stories.js';
import * as providerStories from '../../stories/provider.stories.js';
import { scenarioOf } from '../../stories/support/scenario.js';
import { setLocale } from '../../src/i18n/localization.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { text } from '../support/dom.js';

type Module = Record<string, unknown> & { default: { args?: Record<string, unknown> } };

/** What each state-picker story must show: the picker's custom state (STATE-4 looks, FAIL-2). */
const PICKER_LOOKS: Record<string, string> = {
  NotSignedIn: 'signed-out',
  SigningIn: 'signing-in',
  SignInFailedForOne: 'partial',
  SignInFailedForAll: 'sign-in-failed',
  NoChannelAssigned: 'empty',
  AllNotReady: 'not-ready',
  AllReady: 'ready',
  Partial: 'partial',
  NotReadyWithReason: 'not-ready',
  NonRoutable: 'not-ready',
  StateChangeFailed: 'partial',
  Disconnected: 'disabled',
};

async function mount(module: Module, name: string, lang: 'en' | 'fr'): Promise<HTMLElement> {
  const story = module[name] as StoryObj<Record<string, unknown>>;
  const args = { ...module.default.args, ...story.args };
  const node = (story.render as (args: Record<string, unknown>, context: unknown) => HTMLElement)(args, {});
  const providers = (node.matches('dc-provider') ? [node] : [...node.querySelectorAll('dc-provider')]) as DcProvider[];
  for (const p of providers) p.lang = lang;
  document.body.append(node);
  await Promise.all(providers.map((p) => scenarioOf(p)?.done));
  await setLocale(lang);
  for (const p of providers) {
    await p.updateComplete;
    for (const el of p.querySelectorAll('*')) await (el as { updateComplete?: Promise<unknown> }).updateComplete;
  }
  return node;
}

const MODULES: [string, Module][] = [
  ['state-picker', pickerStories as unknown as Module],
  ['notifications', notificationStories as unknown as Module],
  ['connection-banner', bannerStories as unknown as Module],
  ['provider', providerStories as unknown as Module],
];

describe('stories', function () {
  this.timeout(20000);
  let mounted: HTMLElement | undefined;
  afterEach(() => {
    mounted?.remove();
    mounted = undefined;
  });

  for (const [file, module] of MODULES) {
    for (const name of Object.keys(module).filter((k) => k !== 'default')) {
      for (const lang of ['en', 'fr'] as const) {
        it(`${file}: ${name} (${lang}) shows its state and passes axe`, async () => {
          const original = console.error;
          console.error = () => {}; // the invalid-configuration story logs its error on purpose
          try {
            mounted = await mount(module, name, lang);
          } finally {
            console.error = original;
          }
          if (file === 'state-picker' && PICKER_LOOKS[name]) {
            const picker = mounted.querySelector('dc-state-picker')!;
            expect(picker.matches(`:state(${PICKER_LOOKS[name]})`), `${name} looks ${PICKER_LOOKS[name]}`).to.be.true;
          }
          if (file === 'notifications') {
            const shown = mounted.querySelectorAll('dc-notifications');
            const count = [...shown].reduce((n, el) => n + el.shadowRoot!.querySelectorAll('[part~="notification"]').length, 0);
            expect(count, `${name} shows a notification`).to.be.greaterThan(0);
          }
          if (lang === 'fr') {
            // No English label left on screen in French.
            const words = [...mounted.querySelectorAll('*')]
              .map((el) => text(el.shadowRoot))
              .join(' ');
            expect(words).to.not.match(/\b(Not Ready|Ready|Sign In|Partial|Not signed in|Dismiss)\b/);
          }
          await expect(mounted).to.be.accessible();
        });
      }
    }
  }
});
