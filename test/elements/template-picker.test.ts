import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SAMPLE_TEMPLATE_GROUPS, SAMPLE_TEMPLATES } from '../../src/simulator/index.js';
import '../../src/elements/internal/template-picker.js';
import type { DcTemplatePicker } from '../../src/elements/internal/template-picker.js';
import { setDefaultLocale } from '../../src/i18n/localization.js';
import type { MediaKind } from '../../src/model/media.js';
import { darkTokens } from '../../src/styles/tokens.js';
import { press, text, until } from '../support/dom.js';

interface Options {
  media?: MediaKind;
  status?: DcTemplatePicker['status'];
  reason?: string;
  inline?: boolean;
  query?: string;
}

async function mount(options: Options = {}): Promise<DcTemplatePicker> {
  return fixture<DcTemplatePicker>(html`<dc-template-picker
    .templates=${SAMPLE_TEMPLATES}
    .groups=${SAMPLE_TEMPLATE_GROUPS}
    .media=${options.media ?? 'chat'}
    .status=${options.status ?? 'loaded'}
    .reason=${options.reason ?? ''}
    .query=${options.query ?? ''}
    .inline=${options.inline ?? false}
  ></dc-template-picker>`);
}

function parts(picker: DcTemplatePicker) {
  const root = picker.shadowRoot!;
  const all = <T extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<T & HTMLElement>(selector)];
  return {
    search: () => root.querySelector<HTMLInputElement>('[part~="search"]'),
    tabs: () => all('[role="tab"]').map((t) => text(t)),
    tab: (name: string) => all('[role="tab"]').find((t) => text(t) === name)!,
    selectedTab: () => text(root.querySelector('[role="tab"][aria-selected="true"]')),
    more: () => root.querySelector<HTMLButtonElement>('[part~="more"]'),
    menuItems: () => all('[role="menuitemradio"]').map((i) => text(i)),
    /** The names of the templates listed, in order (the lock's hidden text included). */
    names: () => all('[role="option"] .name').map((n) => text(n)),
    active: () => text(root.querySelector('[role="option"][aria-selected="true"] .name')),
    option: (name: string) => all('[role="option"]').find((o) => text(o.querySelector('.name')).replace(', Locked', '') === name)!,
    list: () => root.querySelector<HTMLElement>('[role="listbox"]'),
    focused: () => root.activeElement as HTMLElement | null,
  };
}

/** The names of the sample templates, in English, for a kind of media. */
const namesFor = (media: MediaKind) =>
  SAMPLE_TEMPLATES.filter((t) => !t.media || t.media.includes(media)).map((t) => (t.name as Record<string, string>)['en']!);

describe('dc-template-picker', function () {
  this.timeout(10000);
  afterEach(() => setDefaultLocale(undefined));

  it('COMP-5: "All templates", a tab for each of the first groups, and More; every template for the media', async () => {
    const picker = await mount({ media: 'sms' });
    const p = parts(picker);
    expect(p.tabs()).to.deep.equal(['All templates', 'Greetings', 'Orders', 'Billing']);
    expect(p.selectedTab()).to.equal('All templates');
    expect(p.more()).to.exist;
    expect(p.names().map((n) => n.replace(', Locked', ''))).to.deep.equal(namesFor('sms'));
    // Templates for chat and social only are left out of SMS.
    expect(p.names().join()).to.not.include('Tracking link');
    // Each shows its group and the start of its text, parameters as the agent will see them.
    const welcome = p.option('Welcome (English)');
    expect(text(welcome.querySelector('.group'))).to.equal(', Greetings');
    expect(text(welcome.querySelector('.preview'))).to.match(/^Hello \{\{customer\.name\}\}, my name is/);
    expect(text(p.option('Order status (English)').querySelector('.preview'))).to.include('Your order [Order number] left');
  });

  it('COMP-5: a tab shows its group; Left and Right move along the tabs', async () => {
    const picker = await mount();
    const p = parts(picker);
    p.tab('Billing').focus();
    p.tab('Billing').click();
    await picker.updateComplete;
    expect(p.selectedTab()).to.equal('Billing');
    expect(p.names()).to.deep.equal([
      'Refund issued (English)',
      'Refund issued (French)',
      'Card details: never by message (English), Locked',
      'Card details: never by message (French), Locked',
    ]);
    await press('ArrowLeft');
    await picker.updateComplete;
    expect(p.selectedTab()).to.equal('Orders');
    expect(p.focused()).to.equal(p.tab('Orders'));
    expect(p.names()).to.deep.equal(['Order status (English)', 'Order status (French)']);
    await press('Home');
    await picker.updateComplete;
    expect(p.selectedTab()).to.equal('All templates');
  });

  it('COMP-5: More lists every group; a group picked there gets a tab (keyboard only)', async () => {
    const picker = await mount();
    const p = parts(picker);
    p.more()!.focus();
    await press('Enter');
    await picker.updateComplete;
    expect(p.more()!.getAttribute('aria-expanded')).to.equal('true');
    expect(p.menuItems()).to.deep.equal(['Greetings', 'Orders', 'Billing', 'Delivery', 'Account', 'Closing']);
    expect(text(p.focused())).to.equal('Greetings');
    await press('ArrowUp');
    expect(text(p.focused())).to.equal('Closing');
    await press('ArrowUp');
    await press('ArrowUp');
    expect(text(p.focused())).to.equal('Delivery');
    await press('Enter');
    await picker.updateComplete;
    expect(p.menuItems()).to.deep.equal([]);
    expect(p.tabs()).to.deep.equal(['All templates', 'Greetings', 'Orders', 'Billing', 'Delivery']);
    expect(p.selectedTab()).to.equal('Delivery');
    expect(p.focused()).to.equal(p.tab('Delivery'));
    expect(p.names()).to.deep.equal(['Tracking link (English)', 'Tracking link (French)']);
    // Escape closes the menu only, and gives the focus back to More.
    p.more()!.click();
    await picker.updateComplete;
    expect(p.menuItems()).to.have.length(6);
    await press('Escape');
    await picker.updateComplete;
    expect(p.menuItems()).to.deep.equal([]);
    expect(p.focused()).to.equal(p.more());
  });

  it('COMP-5: the search filters names, ignoring case and accents', async () => {
    await setDefaultLocale('fr');
    const picker = await mount({ media: 'sms' });
    const p = parts(picker);
    picker.focus();
    expect(p.focused()).to.equal(p.search());
    await sendKeys({ type: 'CRENEAU' });
    await picker.updateComplete;
    expect(p.names()).to.deep.equal(['Créneau de livraison par SMS (anglais)', 'Créneau de livraison par SMS (français)']);
    await sendKeys({ type: 'x' });
    await picker.updateComplete;
    expect(p.names()).to.deep.equal([]);
    expect(picker.matches(':state(empty)')).to.be.true;
    expect(text(picker.shadowRoot!.querySelector('[part~="empty"]'))).to.include('CRENEAUx');
  });

  it('COMP-5: Up, Down, Home and End move the active template; Enter picks it', async () => {
    const picker = await mount();
    const p = parts(picker);
    const names = namesFor('chat');
    picker.focus();
    expect(p.active()).to.equal(names[0]);
    await press('ArrowDown');
    await press('ArrowDown');
    await picker.updateComplete;
    expect(p.active()).to.equal(names[2]);
    expect(p.search()!.getAttribute('aria-activedescendant')).to.equal('option-2');
    // Tab to the list itself: the same keys, plus Home and End.
    p.list()!.focus();
    await press('End');
    await picker.updateComplete;
    expect(p.active()).to.equal(`${names.at(-1)}, Locked`);
    await press('Home');
    await press('ArrowDown');
    await picker.updateComplete;
    expect(p.active()).to.equal(names[1]);
    const picked = oneEvent(picker, 'dc-template-pick');
    await press('Enter');
    expect((await picked).detail.template.id).to.equal('greet-fr');
  });

  it('COMP-5: a click picks a template', async () => {
    const picker = await mount();
    const picked = oneEvent(picker, 'dc-template-pick');
    parts(picker).option('Order status (English)').click();
    const event = await picked;
    expect(event.detail.template.id).to.equal('order-status-en');
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('COMP-6: a locked template shows a lock, read as "Locked"', async () => {
    const picker = await mount();
    const p = parts(picker);
    const locked = p.option('Goodbye (English)');
    expect(locked.querySelector('[part~="lock"] svg')).to.exist;
    expect(text(locked.querySelector('[part~="lock"]'))).to.equal(', Locked');
    expect(p.option('Welcome (English)').querySelector('[part~="lock"]')).to.be.null;
  });

  it('COMP-5: inline, the text box keeps the focus and drives the list with moveActive and pickActive', async () => {
    const picker = await mount({ inline: true, query: 'order' });
    const p = parts(picker);
    expect(p.search()).to.be.null;
    expect(p.tabs()).to.deep.equal([]);
    expect(p.names()).to.deep.equal(['Order status (English)', 'Order status (French)']);
    expect(p.active()).to.equal('Order status (English)');
    picker.moveActive(1);
    picker.moveActive(1);
    await picker.updateComplete;
    expect(p.active()).to.equal('Order status (French)');
    const picked = oneEvent(picker, 'dc-template-pick');
    expect(picker.pickActive()).to.be.true;
    expect((await picked).detail.template.id).to.equal('order-status-fr');
    picker.query = 'nothing like it';
    await picker.updateComplete;
    expect(picker.pickActive()).to.be.false;
  });

  it('COMP-5: loading, then a failure with its reason and Retry', async () => {
    const picker = await mount({ status: 'loading' });
    expect(picker.matches(':state(loading)')).to.be.true;
    expect(text(picker.shadowRoot!.querySelector('[part~="status"]'))).to.equal('Loading templates…');
    picker.status = 'failed';
    picker.reason = 'Server unavailable';
    await picker.updateComplete;
    expect(picker.matches(':state(failed)')).to.be.true;
    const error = picker.shadowRoot!.querySelector('[part~="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.include('The templates could not be loaded.').and.include('Server unavailable');
    const retry = oneEvent(picker, 'dc-catalogue-retry');
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await retry;
  });

  it('COMP-5: Escape fires dc-close', async () => {
    const picker = await mount();
    picker.focus();
    const closed = oneEvent(picker, 'dc-close');
    await press('Escape');
    await closed;
  });

  it('HOSTILE-16: 10,000 templates: a few options in the DOM, each with its place; End, the search and Enter reach any of them', async () => {
    const groups = Array.from({ length: 40 }, (_, g) => ({ id: `g${g}`, name: `Group ${g + 1}` }));
    const words = ['Welcome', 'Order', 'Refund', 'Délai', 'Livraison'];
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      id: `t${i}`,
      name: `${words[i % words.length]} ${i + 1}`,
      group: `g${i % 40}`,
      locked: false,
      ...(i % 4 === 0 ? { media: ['sms' as const] } : {}),
      body: `Template number ${i + 1}`,
    }));
    const forChat = many.filter((t) => !t.media);
    const picker = await fixture<DcTemplatePicker>(html`<dc-template-picker .templates=${many} .groups=${groups} .media=${'chat'}></dc-template-picker>`);
    const p = parts(picker);
    const options = () => [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
    await until(() => options().length > 0, 'the first options');
    // Only the options near the view are rendered, and each says where it stands in the whole list.
    expect(options().length).to.be.within(5, 60);
    expect(options()[0]!.getAttribute('aria-posinset')).to.equal('1');
    expect(options()[0]!.getAttribute('aria-setsize')).to.equal(String(forChat.length));
    expect(p.names()[0]).to.equal('Order 2');
    // End in the list: the last template is active, rendered, and inside the list's box.
    p.list()!.focus();
    await press('End');
    const last = forChat.at(-1)!;
    await until(() => p.active() === last.name, 'the last template active and rendered');
    const list = p.list()!.getBoundingClientRect();
    const active = picker.shadowRoot!.querySelector('[role="option"][aria-selected="true"]')!.getBoundingClientRect();
    expect(active.top).to.be.at.least(list.top - 1);
    expect(active.bottom).to.be.at.most(list.bottom + 1);
    expect(p.list()!.getAttribute('aria-activedescendant')).to.equal(`option-${forChat.length - 1}`);
    expect(options().length).to.be.below(60);
    // A search typed with real keys narrows the whole catalogue, not only what was rendered.
    p.search()!.focus();
    await sendKeys({ type: 'livraison 99' });
    const expected = forChat.filter((t) => t.name.toLowerCase().includes('livraison 99')).map((t) => t.name);
    expect(expected.length).to.be.greaterThan(1);
    await until(() => p.names().join('|') === expected.join('|'), 'the matching templates');
    // Fewer than the threshold: every match is rendered, without the virtual list's positions.
    expect(options()[0]!.hasAttribute('aria-setsize')).to.equal(false);
    await press('ArrowDown');
    await picker.updateComplete;
    const picked = oneEvent(picker, 'dc-template-pick');
    await press('Enter');
    expect((await picked).detail.template.name).to.equal(expected[1]);
  });

  it('COMP-5: names in French, inside another shadow root, axe-clean in light and dark', async () => {
    await setDefaultLocale('fr');
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const picker = document.createElement('dc-template-picker');
    picker.templates = SAMPLE_TEMPLATES;
    picker.groups = SAMPLE_TEMPLATE_GROUPS;
    picker.media = 'chat';
    root.append(picker);
    await picker.updateComplete;
    const p = parts(picker);
    expect(p.tabs().slice(1)).to.deep.equal(['Salutations', 'Commandes', 'Facturation']);
    expect(p.names()[0]).to.equal('Accueil (anglais)');
    await expect(host).to.be.accessible();
    p.more()!.click();
    await until(() => p.menuItems().length === 6, 'the More menu');
    await expect(host).to.be.accessible();
    host.setAttribute('style', darkTokens.cssText);
    await expect(host).to.be.accessible();
    picker.status = 'failed';
    await picker.updateComplete;
    await expect(host).to.be.accessible();
  });
});
