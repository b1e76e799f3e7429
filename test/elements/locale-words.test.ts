/**
 * Words that follow the kit's language (HOSTILE-26, EMBED-5): a workflow announcement names the
 * workflow as the catalogue does in that language (COMP-10, PANE-3); keys in tooltips are written in it
 * ("Ctrl+Maj+X", "Envoyer (Entrée)", as the French guide writes them); and punctuation is the
 * language's: French sets a narrow no-break space before : ; ! ? and inside « », English no space at
 * all. Names are read as the browser computes them for a screen reader (its accessibility tree).
 */
import { expect, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import '../../src/elements/chat-thread/chat-thread.js';
import '../../src/elements/composer/composer.js';
import '../../src/elements/offers/offers.js';
import '../../src/elements/state-picker/state-picker.js';
import { templates } from '../../src/i18n/locales/fr.js';
import { mountKit, signInReady, text, until } from '../support/kit.js';

const NNBSP = '\u202f';

type A11yNode = { role?: string; name?: string; children?: A11yNode[] };

/** The accessible names of the page's buttons, as a screen reader hears them. */
async function buttonNames(): Promise<string[]> {
  const snapshot = (await a11ySnapshot({})) as unknown as A11yNode & { children: A11yNode[] };
  const names: string[] = [];
  findAccessibilityNode<A11yNode>(snapshot as A11yNode & { children: A11yNode[] }, (node) => {
    if (node.role === 'button' && node.name) names.push(node.name);
    return false;
  });
  return names;
}

/**
 * A kit in `lang` with a state picker, offers, a thread and a composer: a chat accepted, the workflow
 * "create-case" run in it, and two offers waiting.
 */
async function kitIn(lang: 'en' | 'fr') {
  const kit = await mountKit(
    html`<dc-state-picker></dc-state-picker><dc-offers placement="inline"></dc-offers
      ><dc-chat-thread style="display: block; height: 40rem"></dc-chat-thread><dc-composer></dc-composer>`,
    { lang, config: { shortcuts: { 'offers.accept-all': 'Ctrl+Shift+A' } } },
  );
  await signInReady(kit.store);
  const held = kit.backend.offer('chat', { customer: { name: 'Alice Martin' }, text: null })!;
  await until(() => kit.store.state.tasks[held.id]?.status === 'offered', 'offered');
  kit.store.accept(held.id);
  await until(() => kit.store.state.tasks[held.id]?.status === 'active', 'accepted');
  await until(() => kit.store.state.catalogue.status === 'loaded', 'the catalogue');
  await kit.store.triggerWorkflow(held.id, 'create-case', { subject: 'Refund', email: 'alice@example.com' });
  for (const [media, name] of [
    ['chat', 'Ana Lima'],
    ['sms', 'Lee Chan'],
  ] as const) {
    const offer = kit.backend.offer(media, { customer: { name }, text: null })!;
    await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
  }
  const el = <T extends keyof HTMLElementTagNameMap>(tag: T) => kit.provider.querySelector(tag)!;
  const [picker, offers, thread, composer] = [el('dc-state-picker'), el('dc-offers'), el('dc-chat-thread'), el('dc-composer')];
  await until(() => offers.shadowRoot!.querySelectorAll('[part~="offer"]').length === 2, 'two offers on show');
  const notes = () => [...thread.shadowRoot!.querySelectorAll('[part~="announcement"]')].map((n) => text(n));
  await until(() => notes().some((n) => n.includes('Refund') || n.includes('CS-')), 'the workflow announcement');
  await Promise.all([picker.updateComplete, offers.updateComplete, thread.updateComplete, composer.updateComplete]);
  const button = (root: ShadowRoot, selector: string) => root.querySelector<HTMLButtonElement>(selector)!;
  return {
    ...kit,
    notes,
    send: () => button(composer.shadowRoot!, '[part~="send"]'),
    strike: () => button(composer.shadowRoot!, 'button[data-style="strike"]'),
    acceptAll: () => button(offers.shadowRoot!, '[part~="accept-all"]'),
    trigger: () => button(picker.shadowRoot!, '[part~="trigger"]'),
  };
}

describe('words in the kit’s language', function () {
  this.timeout(20000);

  it('HOSTILE-26 (fr): the workflow by its French name, keys the French way, French punctuation', async () => {
    const kit = await kitIn('fr');
    // COMP-10, PANE-3: the catalogue's French name, not the server's English one.
    expect(kit.notes().find((n) => n.includes('Flux de travail'))).to.match(/^Flux de travail Créer un dossier exécuté/);
    expect(kit.notes().join(' | ')).not.to.contain('Create a case');
    // Keys as the French guide writes them (Maj, Entrée).
    expect(kit.send().title).to.equal('Envoyer (Entrée)');
    expect(kit.strike().title).to.equal('Barré (Ctrl+Maj+X)');
    expect(text(kit.acceptAll())).to.equal('Tout accepter Ctrl+Maj+A');
    expect(kit.acceptAll().getAttribute('aria-keyshortcuts')).to.equal('Control+Shift+A');
    // A narrow no-break space before the colon, in the tooltip and in what a screen reader hears.
    expect(kit.trigger().title).to.equal(`Canaux sociaux/de conversation en ligne${NNBSP}: Prêt. Email${NNBSP}: Prêt`);
    const names = await buttonNames();
    expect(names).to.include(`Canaux numériques${NNBSP}: Prêt. Canaux sociaux/de conversation en ligne${NNBSP}: Prêt. Email${NNBSP}: Prêt`);
    expect(names).to.include(`Accepter${NNBSP}: Offre Conversation de Ana Lima`);
    expect(names).to.include(`Accepter${NNBSP}: Offre SMS de Lee Chan`);
  });

  it('HOSTILE-26 (en): the workflow by its English name, English keys, no space before a colon', async () => {
    const kit = await kitIn('en');
    expect(kit.notes().find((n) => n.startsWith('Workflow'))).to.match(/^Workflow Create a case ran/);
    expect(kit.send().title).to.equal('Send (Enter)');
    expect(kit.strike().title).to.equal('Strikethrough (Ctrl+Shift+X)');
    expect(text(kit.acceptAll())).to.equal('Accept all Ctrl+Shift+A');
    expect(kit.trigger().title).to.equal('Chat/Social Channels: Ready. Email: Ready');
    const names = await buttonNames();
    expect(names).to.include('Digital channels: Ready. Chat/Social Channels: Ready. Email: Ready');
    expect(names).to.include('Accept: Chat offer from Ana Lima');
    expect(names).to.include('Accept: SMS offer from Lee Chan');
    expect(names.filter((n) => / [:;!?.,](\s|$)/.test(n)), 'no space before punctuation').to.deep.equal([]);
  });

  it('HOSTILE-26: the language switches at run time, keys and workflow names with it', async () => {
    const kit = await kitIn('en');
    kit.provider.lang = 'fr';
    await kit.provider.localeReady;
    await until(() => kit.send().title === 'Envoyer (Entrée)', 'the send keys in French');
    await until(() => kit.notes().some((n) => n.startsWith('Flux de travail Créer un dossier')), 'the workflow in French');
    expect(kit.strike().title).to.equal('Barré (Ctrl+Maj+X)');
  });

  it('HOSTILE-26: every string of the kit follows its language’s punctuation, English and French', async () => {
    const { punctuationProblems } = (await import('../../scripts/punctuation.mjs' as string)) as {
      punctuationProblems: (text: string, locale: string) => string[];
    };
    // The rule itself: the faults of the issue are faults.
    expect(punctuationProblems('Accept : Email offer', 'en')).to.have.length(1);
    expect(punctuationProblems('…en ligne: Non prêt', 'fr')).to.have.length(1);
    expect(punctuationProblems('…en ligne : Non prêt', 'fr'), 'an ordinary space breaks').to.have.length(1);
    expect(punctuationProblems(`« X » ?`, 'fr')).to.have.length(3);
    expect(punctuationProblems(`«${NNBSP}X${NNBSP}»${NNBSP}? https://x.fr/?a=1 à 10:30`, 'fr')).to.deep.equal([]);

    const xliff = await (await fetch('/xliff/fr.xlf')).text();
    const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>\s*<target>([\s\S]*?)<\/target>/g)];
    expect(units.length, 'the catalogue was read').to.be.greaterThan(200);
    const problems = units.flatMap(([, id, source, target]) => [
      ...punctuationProblems(source!, 'en').map((p) => `${id} (en): ${p}`),
      ...punctuationProblems(target!, 'fr').map((p) => `${id} (fr): ${p}`),
    ]);
    expect(problems).to.deep.equal([]);
    // And the French the kit loads, built from it.
    const built = Object.entries(templates).flatMap(([id, t]) => {
      const written = typeof t === 'string' ? t : (t as { strings: readonly string[] }).strings.join('{}');
      return punctuationProblems(written, 'fr').map((p) => `${id}: ${p}`);
    });
    expect(built).to.deep.equal([]);
    expect(templates['picker.group-look' as keyof typeof templates]).to.exist;
  });
});
