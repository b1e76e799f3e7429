/**
 * `<dc-customer-details>` (CUST-1…4, FAIL-3): driven with real keys and real clicks on the simulated
 * contact centre, read as a person reads it, and checked in the store and on the server.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/elements/customer-details/customer-details.js';
import type { DcCustomerDetails } from '../../src/elements/customer-details/customer-details.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import { DcBeforeEndEvent, DcBeforeSaveEvent } from '../../src/events/events.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { SimulatedBackend, type OfferOptions } from '../../src/simulator/index.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { centre, clickAt } from '../support/layout.js';
import { press, signInReady, text, until } from '../support/kit.js';

/** Fields of every type the details know (CUST-3), editable but for the account number. */
const FIELDS: DcConfigInput['customerFields'] = {
  name: { editable: true, required: true },
  email: { type: 'email', editable: true },
  phone: { type: 'phone', editable: true },
  accountNumber: { editable: false },
  orders: { label: { en: 'Orders', fr: 'Commandes' }, type: 'number', editable: true },
  birthday: { label: { en: 'Birthday', fr: 'Anniversaire' }, type: 'date', editable: true },
  tier: {
    label: { en: 'Tier', fr: 'Niveau' },
    type: 'choice',
    editable: true,
    options: [
      { value: 'gold', label: { en: 'Gold', fr: 'Or' } },
      { value: 'silver', label: { en: 'Silver', fr: 'Argent' } },
    ],
  },
  address: { editable: true, maxLength: 20 },
};

/** The kit's own editable fields made read-only: an empty one then does not show (CUST-1). */
const KNOWN_READ_ONLY = { name: { editable: false }, email: { editable: false }, phone: { editable: false }, address: { editable: false } };

const ANA: OfferOptions = {
  text: null,
  customer: { name: 'Ana Lima', email: 'ana@example.com', phone: '+33 6 12 34 56 78', accountNumber: 'AC-100200', tier: 'gold' },
};

interface Mount {
  storage?: MemoryStorage;
  serverStorage?: MemoryStorage;
  lang?: string;
  theme?: 'light' | 'dark';
  config?: DcConfigInput;
  width?: string;
}

async function mount(options: Mount = {}) {
  const config: DcConfigInput = { retryDelayMs: 20, retryMaxDelayMs: 200, customerFields: FIELDS, ...options.config };
  const serverStorage = options.serverStorage ?? new MemoryStorage();
  const backend = new SimulatedBackend({ config: resolveConfig(config), storage: serverStorage, storageKey: 'server' });
  const storage = options.storage ?? new MemoryStorage();
  const provider = await fixture<DcProvider>(
    html`<dc-provider .config=${config} .backend=${backend} .storage=${storage} lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'}
      ><div style=${`width: ${options.width ?? '32rem'}`}>
        <dc-customer-details></dc-customer-details>
        <button id="elsewhere">Elsewhere</button>
      </div></dc-provider
    >`,
  );
  const store = provider.store!;
  await store.ready;
  await provider.localeReady;
  const el = provider.querySelector<DcCustomerDetails>('dc-customer-details')!;
  await el.updateComplete;
  return { provider, backend, store, storage, serverStorage, el };
}
type Kit = Awaited<ReturnType<typeof mount>>;

async function hold(kit: Kit, media = 'chat', offer: OfferOptions = ANA): Promise<string> {
  const task = kit.backend.offer(media, offer);
  if (!task) throw new Error('no offer');
  await until(() => kit.store.state.tasks[task.id]?.status === 'offered', 'offered');
  kit.store.accept(task.id);
  await until(() => kit.store.state.tasks[task.id]?.status === 'active', 'accepted');
  await kit.el.updateComplete;
  return task.id;
}

async function holding(options: Mount = {}) {
  const kit = await mount(options);
  await signInReady(kit.store);
  const taskId = await hold(kit);
  return { ...kit, taskId };
}

const root = (el: DcCustomerDetails) => el.shadowRoot!;
const field = (el: DcCustomerDetails, name: string) => root(el).querySelector<HTMLElement>(`[part~="field"][data-field="${name}"]`)!;
const control = (el: DcCustomerDetails, name: string) => field(el, name).querySelector<HTMLInputElement>('input, select')!;
const rows = (el: DcCustomerDetails) => [...root(el).querySelectorAll<HTMLElement>('[part~="field"]')];
const part = <T extends HTMLElement = HTMLElement>(el: DcCustomerDetails, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const saveButton = (el: DcCustomerDetails) => part<HTMLButtonElement>(el, 'save');
const cancelButton = (el: DcCustomerDetails) => part<HTMLButtonElement>(el, 'cancel');
const message = (el: DcCustomerDetails) => text(part(el, 'message'));
const dialog = (el: DcCustomerDetails) => root(el).querySelector('dialog')!;
/** What has the focus in the details, as a short name (an element in a failing assertion is too big to print). */
const describeNode = (node: Element | null | undefined) => (node ? `${node.localName}.${[...node.classList].join('.')}${node.id ? `#${node.id}` : ''}` : 'nothing');
const describeFocus = (el: DcCustomerDetails) => describeNode(root(el).activeElement);
const serverCustomer = (kit: Kit, id: string) => kit.backend.serverTasks.find((t) => t.id === id)!.customer;

/** Clicks into a field and replaces what it holds by typing `keys`, key by key. */
async function retype(el: DcCustomerDetails, name: string, keys: string): Promise<void> {
  const input = control(el, name);
  await clickAt(input);
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (keys) await sendKeys({ type: keys });
  await el.updateComplete;
}

describe('dc-customer-details', function () {
  this.timeout(20000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('CUST-1: what it shows', () => {
    it('CUST-1: the customer name, the task timer, Transfer and End at the top, then the configured fields in order (the kit’s known ones first)', async () => {
      const kit = await holding();
      const el = kit.el;
      expect(text(part(el, 'name'))).to.equal('Ana Lima');
      expect(text(part(el, 'timer'))).to.match(/Task duration\s*\d+:\d\d/);
      const menu = root(el).querySelector('dc-transfer-menu')!;
      expect(menu.getAttribute('task-id')).to.equal(kit.taskId);
      expect(text(part(el, 'end'))).to.equal('End');
      // Header order: name, timer, then Transfer and End.
      const header = part(el, 'header')!;
      expect(header.compareDocumentPosition(menu) & Node.DOCUMENT_POSITION_CONTAINED_BY).to.be.ok;
      expect(rows(el).map((r) => r.dataset['field'])).to.deep.equal(['name', 'email', 'phone', 'accountNumber', 'address', 'orders', 'birthday', 'tier']);
      expect(text(field(el, 'accountNumber'))).to.equal('Account number AC-100200');
      expect(control(el, 'email').value).to.equal('ana@example.com');
      expect(control(el, 'tier').value).to.equal('gold');
    });

    it('CUST-1: the timer counts from the acceptance timestamp, and follows the selected task when no task-id is given', async () => {
      const kit = await holding();
      const second = await hold(kit, 'sms', { text: null, customer: { phone: '+44 7700 900123' } });
      await kit.el.updateComplete;
      // SMS shows its display field (the phone) as the name.
      expect(text(part(kit.el, 'name'))).to.equal('+44 7700 900123');
      kit.store.selectTask(kit.taskId);
      await kit.el.updateComplete;
      expect(text(part(kit.el, 'name'))).to.equal('Ana Lima');
      const pinned = await fixture<DcCustomerDetails>(html`<dc-customer-details .store=${kit.store.api} task-id=${second}></dc-customer-details>`);
      expect(text(pinned.shadowRoot!.querySelector('[part~="name"]'))).to.equal('+44 7700 900123');
    });

    it('CUST-1: with 14 fields, 10 are on show and the rest scroll; with 3, nothing scrolls', async () => {
      // The kit's own editable fields off, so that the 14 configured ones are all there is.
      const many: Record<string, { label?: string; editable: boolean }> = { ...KNOWN_READ_ONLY };
      const customer: Record<string, string> = { name: 'Ana Lima' };
      for (let i = 1; i <= 14; i++) {
        many[`f${i}`] = { label: `Field ${i}`, editable: i % 2 === 0 };
        customer[`f${i}`] = `Value ${i}`;
      }
      const kit = await mount({ config: { customerFields: many } });
      await signInReady(kit.store);
      await hold(kit, 'chat', { text: null, customer });
      const el = kit.el;
      const list = part(el, 'fields')!;
      expect(el.matches(':state(scrolls)')).to.equal(true);
      const all = rows(el);
      expect(all).to.have.length(14);
      const box = list.getBoundingClientRect();
      const shown = all.filter((r) => r.getBoundingClientRect().bottom <= box.bottom + 0.5);
      expect(shown).to.have.length(10);
      expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
      expect(list.tabIndex).to.equal(0); // the keyboard can scroll it
      all[13]!.scrollIntoView();
      await until(() => all[13]!.getBoundingClientRect().bottom <= list.getBoundingClientRect().bottom + 0.5, 'the last field scrolled into view');

      const few = await mount({ config: { customerFields: { ...KNOWN_READ_ONLY, a: { label: 'A' }, b: { label: 'B' }, c: { label: 'C' } } } });
      await signInReady(few.store);
      await hold(few, 'chat', { text: null, customer: { name: 'Bo', a: '1', b: '2', c: '3' } });
      expect(rows(few.el)).to.have.length(3);
      expect(few.el.matches(':state(scrolls)')).to.equal(false);
      const fewList = part(few.el, 'fields')!;
      expect(fewList.scrollHeight).to.equal(fewList.clientHeight);
    });

    it('CUST-1: no task, no fields: it says so', async () => {
      const kit = await mount();
      expect(kit.el.matches(':state(empty)')).to.equal(true);
      expect(text(root(kit.el))).to.equal('No task selected');
      await expect(kit.el).to.be.accessible();
    });
  });

  describe('CUST-2: collapse and expand', () => {
    it('CUST-2: the header button collapses the details to the header and expands them again', async () => {
      const { el } = await holding();
      const toggle = part<HTMLButtonElement>(el, 'toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await clickAt(toggle);
      await el.updateComplete;
      expect(el.collapsed).to.equal(true);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(part(el, 'fields')!.checkVisibility()).to.equal(false);
      expect(part(el, 'end')!.checkVisibility(), 'End stays in the header').to.equal(true);
      expect(describeFocus(el), 'the focus').to.equal(describeNode(toggle));
      await press('Enter');
      await el.updateComplete;
      expect(el.collapsed).to.equal(false);
      expect(part(el, 'fields')!.checkVisibility()).to.equal(true);
    });

    it('CUST-2: Ctrl+Alt+8 collapses and expands from anywhere in the kit; remapped, the old keys do nothing', async () => {
      const kit = await holding();
      kit.provider.querySelector<HTMLButtonElement>('#elsewhere')!.focus();
      await press('Control+Alt+Digit8');
      await kit.el.updateComplete;
      expect(kit.el.collapsed).to.equal(true);
      await press('Control+Alt+Digit8');
      await kit.el.updateComplete;
      expect(kit.el.collapsed).to.equal(false);
      expect(part(kit.el, 'toggle')!.getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+8');

      const remapped = await holding({ config: { shortcuts: { 'details.toggle': 'Ctrl+Alt+D' } } });
      remapped.provider.querySelector<HTMLButtonElement>('#elsewhere')!.focus();
      await press('Control+Alt+Digit8');
      await remapped.el.updateComplete;
      expect(remapped.el.collapsed, 'the old keys').to.equal(false);
      await press('Control+Alt+KeyD');
      await remapped.el.updateComplete;
      expect(remapped.el.collapsed, 'the new keys').to.equal(true);
    });
  });

  describe('CUST-3: editing and saving', () => {
    it('CUST-3: an editable field is shaded under the pointer and shows an edit icon; a read-only one does neither', async () => {
      const { el } = await holding();
      await sendMouse({ type: 'move', position: [0, 0] });
      const email = field(el, 'email');
      const account = field(el, 'accountNumber');
      const icon = email.querySelector<HTMLElement>('.edit-icon')!;
      const before = getComputedStyle(email).backgroundColor;
      expect(getComputedStyle(icon).opacity).to.equal('0');
      const [x, y] = centre(email);
      await sendMouse({ type: 'move', position: [Math.round(x), Math.round(y)] });
      await until(() => getComputedStyle(icon).opacity === '1', 'the edit icon shows');
      expect(getComputedStyle(email).backgroundColor).not.to.equal(before);
      expect(describeNode(account.querySelector('.edit-icon, input, select')), "absent: account.querySelector('.edit-icon, input").to.equal('nothing');
      const [ax, ay] = centre(account);
      await sendMouse({ type: 'move', position: [Math.round(ax), Math.round(ay)] });
      await until(() => getComputedStyle(icon).opacity === '0', 'the email field is no longer under the pointer');
      expect(getComputedStyle(account).backgroundColor).to.equal(before);
    });

    it('CUST-3: a bad email is refused as it is typed, with the reason; a good one is saved through the backend, with a message bottom left', async () => {
      const kit = await holding();
      const el = kit.el;
      await retype(el, 'email', 'ana@example');
      const input = control(el, 'email');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = field(el, 'email').querySelector('[part~="error"]')!;
      expect(text(error)).to.equal('Enter an email address, such as name@example.com.');
      expect(input.getAttribute('aria-describedby')).to.equal(error.id);
      expect(saveButton(el)!.disabled).to.equal(true);
      expect(el.matches(':state(invalid)')).to.equal(true);

      await sendKeys({ type: '.org' });
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(describeNode(field(el, 'email').querySelector('[part~="error"]')), "absent: field(el, 'email').querySelector('[part~").to.equal('nothing');
      expect(kit.store.state.customerEdits[kit.taskId]).to.deep.equal({ email: 'ana@example.org' });
      expect(saveButton(el)!.disabled).to.equal(false);

      await clickAt(saveButton(el)!);
      await until(() => message(el) === 'Customer details saved.', 'the saved message');
      expect(serverCustomer(kit, kit.taskId)['email']).to.equal('ana@example.org');
      expect(kit.store.state.tasks[kit.taskId]!.customer['email']).to.equal('ana@example.org');
      expect(kit.store.state.customerEdits[kit.taskId]).to.equal(undefined);
      expect(control(el, 'email').value).to.equal('ana@example.org');
      expect(describeNode(saveButton(el)), 'absent: saveButton(el)').to.equal('nothing');
      expect(el.matches(':state(saved)')).to.equal(true);
      // Bottom left: under the fields, at the details' left edge.
      const msg = part(el, 'message')!.getBoundingClientRect();
      const details = root(el).querySelector('.root')!.getBoundingClientRect();
      expect(msg.left - details.left).to.be.lessThan(16);
      expect(msg.top).to.be.greaterThan(part(el, 'fields')!.getBoundingClientRect().bottom - 1);
      // A new edit clears the message.
      await retype(el, 'phone', '+33 6 00 00 00 00');
      expect(message(el)).to.equal('');
    });

    it('CUST-3: each type is checked as typed (phone, number, date, choice, required, maxLength)', async () => {
      const { el } = await holding();
      const errorOf = (name: string) => text(field(el, name).querySelector('[part~="error"]'));
      await retype(el, 'phone', '12ab');
      expect(errorOf('phone')).to.equal('Enter a phone number: 6 to 15 digits, with + in front if needed.');
      await retype(el, 'phone', '+33 6 11 22 33 44');
      expect(errorOf('phone')).to.equal('');
      await retype(el, 'orders', '1x');
      expect(errorOf('orders')).to.equal('Enter a number.');
      await retype(el, 'orders', '12,5');
      expect(errorOf('orders')).to.equal('');
      await retype(el, 'name', '');
      expect(errorOf('name')).to.equal('Enter a value.');
      await retype(el, 'name', 'Ana Lima-Souza');
      await retype(el, 'address', '12345678901234567890X');
      expect(errorOf('address')).to.equal('Use 20 characters at most.');
      await retype(el, 'address', '1 Rue de la Paix');
      // A date, typed in the date field's segments (month, day, year in this locale).
      const birthday = control(el, 'birthday');
      await clickAt(birthday);
      await press('ArrowLeft');
      await press('ArrowLeft');
      await sendKeys({ type: '12241990' });
      await el.updateComplete;
      expect(errorOf('birthday')).to.equal('');
      expect(birthday.value).to.equal('1990-12-24');
      // Choice: the keyboard picks another option.
      const tier = control(el, 'tier');
      tier.focus();
      await press('ArrowDown');
      await el.updateComplete;
      expect(tier.value).to.equal('silver');
      const store = el.activeStore!;
      const taskId = store.state.selectedTaskId!;
      expect(store.state.customerEdits[taskId]).to.deep.equal({
        phone: '+33 6 11 22 33 44',
        orders: '12,5',
        name: 'Ana Lima-Souza',
        address: '1 Rue de la Paix',
        birthday: '1990-12-24',
        tier: 'silver',
      });
      expect(saveButton(el)!.disabled).to.equal(false);
    });

    it('CUST-3: a failed save says why, bottom left, and keeps the edits; Save again goes through', async () => {
      const kit = await holding();
      const el = kit.el;
      kit.backend.failCustomerSave({ reason: 'The CRM is busy' });
      await retype(el, 'email', 'ana@new.example.com');
      await clickAt(saveButton(el)!);
      await until(() => el.matches(':state(failed)'), 'the save failed');
      expect(message(el)).to.equal('Not saved: The CRM is busy. Your changes are kept.');
      expect(part(el, 'message')!.classList.contains('failed')).to.equal(true);
      expect(serverCustomer(kit, kit.taskId)['email']).to.equal('ana@example.com');
      expect(kit.store.state.customerEdits[kit.taskId]).to.deep.equal({ email: 'ana@new.example.com' });
      expect(control(el, 'email').value).to.equal('ana@new.example.com');
      await clickAt(saveButton(el)!);
      await until(() => message(el) === 'Customer details saved.', 'saved the second time');
      expect(serverCustomer(kit, kit.taskId)['email']).to.equal('ana@new.example.com');
    });

    it('CUST-3: Cancel restores the previous values and forgets the edits', async () => {
      const kit = await holding();
      const el = kit.el;
      await retype(el, 'email', 'typo@');
      await retype(el, 'name', 'Anna');
      expect(el.matches(':state(unsaved)')).to.equal(true);
      await clickAt(cancelButton(el)!);
      await el.updateComplete;
      expect(control(el, 'email').value).to.equal('ana@example.com');
      expect(control(el, 'name').value).to.equal('Ana Lima');
      expect(kit.store.state.customerEdits[kit.taskId]).to.equal(undefined);
      expect(el.matches(':state(unsaved)')).to.equal(false);
      expect(describeNode(cancelButton(el)), 'absent: cancelButton(el)').to.equal('nothing');
      expect(describeFocus(el), 'the focus goes back to the fields').to.equal(describeNode(control(el, 'name')));
      expect(serverCustomer(kit, kit.taskId)['name']).to.equal('Ana Lima');
    });

    it('CUST-3: dc-before-save carries the changed fields; a host that refuses them keeps them off the server, with its reason', async () => {
      const kit = await holding();
      const el = kit.el;
      const seen: DcBeforeSaveEvent['detail'][] = [];
      const veto = (e: DcBeforeSaveEvent) => {
        seen.push({ ...e.detail });
        e.detail.reason = 'The CRM knows this email for another customer';
        e.preventDefault();
      };
      kit.provider.addEventListener('dc-before-save', veto);
      await retype(el, 'email', ' ana@other.example.com ');
      await clickAt(saveButton(el)!);
      await el.updateComplete;
      expect(seen).to.deep.equal([{ taskId: kit.taskId, media: 'chat', fields: { email: 'ana@other.example.com' } }]);
      expect(message(el)).to.equal('Not saved: The CRM knows this email for another customer.');
      expect(el.matches(':state(failed)')).to.equal(true);
      expect(serverCustomer(kit, kit.taskId)['email']).to.equal('ana@example.com');
      expect(kit.store.state.customerSaves[kit.taskId]).to.equal(undefined); // never sent
      kit.provider.removeEventListener('dc-before-save', veto);
      await clickAt(saveButton(el)!);
      await until(() => message(el) === 'Customer details saved.', 'saved once the host lets it');
      expect(serverCustomer(kit, kit.taskId)['email']).to.equal('ana@other.example.com');
    });
  });

  describe('CUST-4: the Unsaved changes dialog', () => {
    it('CUST-4: End with unsaved edits opens the dialog in the top layer; Go back keeps the task and the edits', async () => {
      const kit = await holding();
      const el = kit.el;
      const ends: string[] = [];
      kit.provider.addEventListener('dc-before-end', (e: DcBeforeEndEvent) => ends.push(e.detail.taskId));
      await retype(el, 'email', 'ana@later.example.com');
      await clickAt(part(el, 'end')!);
      await el.updateComplete;
      const d = dialog(el);
      expect(d.open).to.equal(true);
      expect(d.matches(':modal'), 'modal, in the top layer').to.equal(true);
      expect(text(d)).to.equal('Unsaved changes You changed Email and did not save. End without saving? Go back Continue without saving');
      expect(describeFocus(el), 'the focus').to.equal(describeNode(d.querySelector('.back')));
      await expect(el).to.be.accessible();
      await press('Enter'); // Go back
      await until(() => !d.open, 'the dialog closed');
      expect(ends).to.deep.equal([]);
      expect(kit.store.state.tasks[kit.taskId]?.status).to.equal('active');
      expect(kit.store.state.customerEdits[kit.taskId]).to.deep.equal({ email: 'ana@later.example.com' });
      // Escape goes back too.
      await clickAt(part(el, 'end')!);
      await el.updateComplete;
      expect(d.open).to.equal(true);
      await press('Escape');
      await until(() => !d.open, 'Escape closed it');
      expect(ends).to.deep.equal([]);
      // Continue without saving runs End (through dc-before-end).
      await clickAt(part(el, 'end')!);
      await el.updateComplete;
      await clickAt(d.querySelector('.continue')!);
      await until(() => kit.store.state.tasks[kit.taskId] === undefined, 'the task ended');
      expect(ends).to.deep.equal([kit.taskId]);
      expect(serverCustomer).to.be.a('function');
      expect(kit.backend.serverTasks.find((t) => t.id === kit.taskId)).to.equal(undefined);
    });

    it('CUST-4: End without unsaved edits ends at once; an edit back to the saved value is no edit', async () => {
      const kit = await holding();
      const el = kit.el;
      await retype(el, 'name', 'Ana Lim');
      await sendKeys({ type: 'a' });
      await el.updateComplete;
      expect(el.matches(':state(unsaved)')).to.equal(false);
      await clickAt(part(el, 'end')!);
      await until(() => kit.store.state.tasks[kit.taskId] === undefined, 'ended at once');
      expect(root(el).querySelector('dialog')?.open ?? false, 'no dialog on the way').to.equal(false);
    });

    it('CUST-4: a dc-transfer-open from inside with unsaved edits is held for the dialog; Continue opens the menu, Go back does not', async () => {
      const kit = await holding();
      const el = kit.el;
      const menu = root(el).querySelector('dc-transfer-menu') as HTMLElement & { show?: () => void };
      const opened: boolean[] = [];
      // The transfer menu's contract: show() fires a cancelable dc-transfer-open and opens unless canceled.
      const ask = () => {
        const event = new CustomEvent('dc-transfer-open', { bubbles: true, composed: true, cancelable: true, detail: { taskId: kit.taskId } });
        menu.dispatchEvent(event);
        opened.push(!event.defaultPrevented);
      };
      menu.show = ask;

      ask(); // no edits: it opens, no dialog
      await el.updateComplete;
      expect(opened).to.deep.equal([true]);
      expect(dialog(el).open).to.equal(false);

      await retype(el, 'phone', '+33 7 00 00 00 00');
      ask();
      await el.updateComplete;
      expect(opened).to.deep.equal([true, false]);
      expect(dialog(el).open).to.equal(true);
      expect(text(dialog(el).querySelector('p'))).to.equal('You changed Phone number and did not save. Transfer without saving?');
      await clickAt(dialog(el).querySelector('.back')!);
      await until(() => !dialog(el).open, 'closed');
      expect(opened).to.deep.equal([true, false]);

      ask();
      await el.updateComplete;
      await clickAt(dialog(el).querySelector('.continue')!);
      await until(() => !dialog(el).open, 'closed');
      expect(opened, 'Continue calls show(), and its dc-transfer-open goes through').to.deep.equal([true, false, false, true]);
      expect(kit.store.state.customerEdits[kit.taskId], 'the edits stay until the task leaves').to.deep.equal({ phone: '+33 7 00 00 00 00' });
    });
  });

  describe('FAIL-3: unsaved edits are kept', () => {
    it('FAIL-3: across a task switch', async () => {
      const kit = await holding();
      await retype(kit.el, 'email', 'ana@switch.example.com');
      const other = await hold(kit, 'chat', { text: null, customer: { name: 'Bo Chen', email: 'bo@example.com' } });
      kit.store.selectTask(other);
      await kit.el.updateComplete;
      expect(control(kit.el, 'email').value).to.equal('bo@example.com');
      expect(kit.el.matches(':state(unsaved)')).to.equal(false);
      kit.store.selectTask(kit.taskId);
      await kit.el.updateComplete;
      expect(control(kit.el, 'email').value).to.equal('ana@switch.example.com');
      expect(kit.el.matches(':state(unsaved)')).to.equal(true);
    });

    it('FAIL-3: after a reload (a new store on the same storage), the edits are back and can be saved', async () => {
      const kit = await holding();
      await retype(kit.el, 'email', 'ana@reload.example.com');
      control(kit.el, 'tier').focus();
      await press('Home'); // (none)
      await kit.el.updateComplete;
      expect(kit.store.state.customerEdits[kit.taskId]).to.deep.equal({ email: 'ana@reload.example.com', tier: '' });
      kit.store.flush();
      kit.provider.remove();
      const again = await mount({ storage: kit.storage, serverStorage: kit.serverStorage });
      await until(() => again.store.state.customerEdits[kit.taskId] !== undefined, 'the edits restored');
      await again.el.updateComplete;
      expect(control(again.el, 'email').value).to.equal('ana@reload.example.com');
      expect(control(again.el, 'tier').value).to.equal('');
      expect(again.el.matches(':state(unsaved)')).to.equal(true);
      await clickAt(saveButton(again.el)!);
      await until(() => message(again.el) === 'Customer details saved.', 'saved after the reload');
      expect(serverCustomer(again, kit.taskId)['email']).to.equal('ana@reload.example.com');
      expect(serverCustomer(again, kit.taskId)['tier']).to.equal('');
    });

    it('FAIL-3: across a failover: Save waits for the connection, the edits stay, then Save goes through', async () => {
      const kit = await holding();
      await retype(kit.el, 'email', 'ana@failover.example.com');
      kit.backend.dropConnection();
      await until(() => kit.store.state.connection === 'offline', 'offline');
      await kit.el.updateComplete;
      expect(saveButton(kit.el)!.disabled).to.equal(true);
      await retype(kit.el, 'phone', '+33 6 99 99 99 99'); // editing goes on offline
      await kit.backend.restoreConnection();
      await until(() => kit.store.state.connection === 'online', 'online again');
      await kit.el.updateComplete;
      expect(kit.store.state.customerEdits[kit.taskId]).to.deep.equal({ email: 'ana@failover.example.com', phone: '+33 6 99 99 99 99' });
      expect(saveButton(kit.el)!.disabled).to.equal(false);
      await clickAt(saveButton(kit.el)!);
      await until(() => message(kit.el) === 'Customer details saved.', 'saved');
      expect(serverCustomer(kit, kit.taskId)['phone']).to.equal('+33 6 99 99 99 99');
    });
  });

  describe('keyboard, language, themes, width', () => {
    it('CUST-3: the keyboard alone edits, saves and cancels', async () => {
      const kit = await holding();
      const el = kit.el;
      part<HTMLButtonElement>(el, 'toggle')!.focus();
      // Tab through the header to the first field.
      await press('Tab'); // Transfer (the menu's own button), then End
      expect(describeFocus(el), 'the focus').to.equal('dc-transfer-menu.');
      await press('Tab');
      expect(describeFocus(el), 'the focus').to.equal(describeNode(part(el, 'end')));
      await press('Tab');
      expect(describeFocus(el), 'the focus').to.equal(describeNode(control(el, 'name')));
      await press('Tab');
      expect(describeFocus(el), 'the focus').to.equal(describeNode(control(el, 'email')));
      await press('Control+KeyA');
      await sendKeys({ type: 'ana@keys.example.com' });
      // Past the other fields to Save.
      // On past the other fields (a date field has several stops) to Cancel.
      const passed = new Set<string>();
      for (let i = 0; i < 14 && root(el).activeElement !== cancelButton(el); i++) {
        await press('Tab');
        passed.add(describeFocus(el));
      }
      expect([...passed].filter((f) => f !== 'button.cancel')).to.deep.equal(['input.#f2', 'input.#f4', 'input.#f5', 'input.#f6', 'select.#f7']);
      expect(describeFocus(el), 'the focus').to.equal(describeNode(cancelButton(el)));
      await press('Tab');
      expect(describeFocus(el), 'the focus').to.equal(describeNode(saveButton(el)));
      await press('Enter');
      await until(() => message(el) === 'Customer details saved.', 'saved with Enter');
      expect(describeFocus(el), 'the focus stays in the details').to.equal(describeNode(control(el, 'name')));
      expect(serverCustomer(kit, kit.taskId)['email']).to.equal('ana@keys.example.com');
    });

    it('CUST-1, CUST-3: French labels, reasons and messages', async () => {
      const kit = await holding({ lang: 'fr' });
      const el = kit.el;
      expect(text(part(el, 'end'))).to.equal('Fin');
      expect(text(field(el, 'tier').querySelector('label'))).to.equal('Niveau');
      expect(text((control(el, 'tier') as unknown as HTMLSelectElement).selectedOptions[0])).to.equal('Or');
      await retype(el, 'email', 'x@');
      expect(text(field(el, 'email').querySelector('[part~="error"]'))).to.equal('Saisissez une adresse e-mail, par exemple nom@exemple.com.');
      await retype(el, 'email', 'x@example.com');
      expect(text(saveButton(el))).to.equal('Enregistrer');
      expect(text(cancelButton(el))).to.equal('Annuler');
      await clickAt(part(el, 'end')!);
      await el.updateComplete;
      expect(text(dialog(el).querySelector('h2'))).to.equal('Modifications non enregistrées');
      expect(text(dialog(el).querySelector('.continue'))).to.equal('Continuer sans enregistrer');
      await press('Escape');
      await clickAt(saveButton(el)!);
      await until(() => message(el) === 'Détails du client enregistrés.', 'saved, in French');
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`CUST-1…4: passes axe in the ${theme} theme, with an error on show and after a failed save`, async () => {
        const kit = await holding({ theme });
        await expect(kit.el).to.be.accessible();
        await retype(kit.el, 'email', 'bad@');
        await expect(kit.el).to.be.accessible();
        await retype(kit.el, 'email', 'good@example.com');
        kit.backend.failCustomerSave();
        await clickAt(saveButton(kit.el)!);
        await until(() => kit.el.matches(':state(failed)'), 'failed');
        await expect(kit.el).to.be.accessible();
        kit.el.collapsed = true;
        await kit.el.updateComplete;
        await expect(kit.el).to.be.accessible();
      });
    }

    it('CUST-1: at 360 px nothing is clipped: the header wraps, every control stays inside', async () => {
      await setViewport({ width: 360, height: 740 });
      const kit = await holding({ width: '100%' });
      const el = kit.el;
      await retype(el, 'email', 'bad@');
      await el.updateComplete;
      const box = root(el).querySelector('.root')!.getBoundingClientRect();
      expect(box.right).to.be.at.most(360);
      for (const node of root(el).querySelectorAll<HTMLElement>('button, input, select, [part~="error"], [part~="name"], [part~="timer"]')) {
        if (!node.checkVisibility()) continue;
        const r = node.getBoundingClientRect();
        expect(r.left, `${node.localName}.${node.className} left`).to.be.at.least(box.left - 0.5);
        expect(r.right, `${node.localName}.${node.className} right`).to.be.at.most(box.right + 0.5);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      await clickAt(part(el, 'end')!);
      await el.updateComplete;
      const d = dialog(el).getBoundingClientRect();
      expect(d.left).to.be.at.least(0);
      expect(d.right).to.be.at.most(360);
    });
  });
});
