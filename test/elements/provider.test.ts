import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/state-picker/state-picker.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { DcErrorEvent, DcVoiceEvent } from '../../src/events/events.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { mountKit, signInReady, text, until } from '../support/kit.js';

describe('dc-provider', () => {
  it('names every bad field of an invalid configuration, visibly and in a dc-error event', async () => {
    const errors: DcErrorEvent[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      const el = document.createElement('dc-provider');
      el.addEventListener('dc-error', (e) => errors.push(e));
      el.storage = new MemoryStorage();
      el.config = { media: { sms: { capacity: -1 }, fax: {} }, signInRetries: 'three' } as never;
      el.innerHTML = '<dc-state-picker></dc-state-picker>';
      document.body.append(el);
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[role="alert"]');
      expect(text(alert)).to.contain('The digital channels configuration is invalid.');
      expect(text(alert)).to.contain('media.sms.capacity');
      expect(text(alert)).to.contain('media.fax.kind');
      expect(text(alert)).to.contain('signInRetries');
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail).to.deep.include({ source: 'config' });
      expect((errors[0]!.detail as { fields: readonly string[] }).fields).to.have.members([
        'media.sms.capacity',
        'media.fax.kind',
        'signInRetries',
      ]);
      expect(el.store).to.be.undefined;
      const picker = el.querySelector('dc-state-picker')!;
      await picker.updateComplete;
      expect(text(picker.shadowRoot)).to.equal('Digital channels unavailable');
      el.remove();
    } finally {
      console.error = original;
    }
  });

  it('keeps the previous valid configuration when a new one is invalid', async () => {
    const { provider, store } = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const original = console.error;
    console.error = () => {};
    try {
      const event = oneEvent(provider, 'dc-error');
      provider.config = { onSignOut: 'vanish' } as never;
      await event;
      await provider.updateComplete;
      expect(provider.store).to.equal(store);
      expect(text(provider.shadowRoot!.querySelector('[role="alert"]'))).to.contain('The previous configuration stays in use.');
      expect(text(provider.shadowRoot!.querySelector('[role="alert"]'))).to.contain('onSignOut');
    } finally {
      console.error = original;
    }
  });

  it('reports malformed backend events as dc-error and keeps working', async () => {
    const { provider, backend, store } = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const errors: DcErrorEvent[] = [];
    provider.addEventListener('dc-error', (e) => errors.push(e));
    const seq = backend.nextSeq;
    backend.injectRawEvent({ type: 'media-state', seq, at: 1, cause: 'agent', state: { media: 'fax' } });
    backend.injectRawEvent(42);
    expect(errors.map((e) => e.detail.message)).to.deep.equal([
      `Malformed event ignored: event ${seq}: state.media "fax" is not a configured media`,
      'Malformed event ignored: event is not an object',
    ]);
    store.signIn();
    await until(() => store.state.media['email']!.signIn === 'signed-in', 'still works');
  });

  it('TASK-4/6: the host’s dc-voice event, from inside the kit, sets voice and pauses email timers; a malformed one is reported', async () => {
    const { provider, backend, store } = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const errors: DcErrorEvent[] = [];
    provider.addEventListener('dc-error', (e) => errors.push(e));
    await signInReady(store);
    const email = backend.offer('email')!.id;
    store.accept(email);
    await until(() => store.state.tasks[email]?.status === 'active', 'the email accepted');
    const picker = provider.querySelector('dc-state-picker')!;
    // The typed event, dispatched on an element inside the kit, reaches the provider.
    picker.dispatchEvent(new DcVoiceEvent(true));
    await provider.updateComplete;
    expect(provider.voice).to.equal(true);
    expect(provider.hasAttribute('voice')).to.equal(true);
    expect(store.state.voice).to.equal(true);
    expect(store.state.pauses[email]?.since, 'the email timer paused').to.be.a('number');
    // A plain CustomEvent from code that does not import the kit works the same.
    provider.dispatchEvent(new CustomEvent('dc-voice', { detail: { active: false }, bubbles: true }));
    await provider.updateComplete;
    expect(store.state.voice).to.equal(false);
    expect(store.state.pauses[email]?.since, 'the email timer runs again').to.equal(undefined);
    // Anything else is reported and changes nothing.
    const hostile = { get active(): boolean { throw new Error('no'); } };
    for (const detail of [undefined, null, 'yes', { active: 1 }, hostile]) {
      provider.dispatchEvent(new CustomEvent('dc-voice', { detail, bubbles: true }));
    }
    await provider.updateComplete;
    expect(store.state.voice).to.equal(false);
    expect(errors.map((e) => [e.detail.source, e.detail.message])).to.deep.equal(
      Array(5).fill(['host', 'A dc-voice event needs detail.active, true or false; the voice state is unchanged']),
    );
  });

  it('SIGN-6: fires dc-can-sign-out-change when a media goes Ready and back', async () => {
    const { provider, store } = await mountKit(html``);
    store.signIn();
    await until(() => store.state.media['email']!.signIn === 'signed-in', 'signed in');
    expect(provider.canSignOut).to.be.true;
    const off = oneEvent(provider, 'dc-can-sign-out-change');
    store.setState('email', { availability: 'ready' });
    expect((await off).detail.canSignOut).to.be.false;
    expect(provider.canSignOut).to.be.false;
    const on = oneEvent(provider, 'dc-can-sign-out-change');
    store.setState('email', { availability: 'not-ready', reasonId: 'lunch' });
    expect((await on).detail.canSignOut).to.be.true;
  });

  it('fires dc-agent-state-change with the aggregate look', async () => {
    const { provider, store } = await mountKit(html``);
    const looks: string[] = [];
    provider.addEventListener('dc-agent-state-change', (e) => looks.push(e.detail.look));
    store.signIn();
    await until(() => looks.at(-1) === 'not-ready', 'not ready after sign-in');
    expect(looks[0]).to.equal('signing-in');
  });

  it('EMBED-5: picks the language from lang, else the document, and switches at run time', async () => {
    const { provider } = await mountKit(html`<dc-state-picker></dc-state-picker>`, { lang: 'en' });
    const picker = provider.querySelector('dc-state-picker')!;
    const label = () => text(picker.shadowRoot!.querySelector('[part~="label"]'));
    expect(label()).to.equal('Not signed in');
    provider.lang = 'fr-CA';
    await until(() => label() === 'Non connecté', 'French after lang="fr-CA"');
    provider.lang = '';
    document.documentElement.lang = 'en-GB';
    await provider.updateComplete;
    await until(() => label() === 'Not signed in', 'English from the document');
    expect(provider.locale).to.equal('en');
  });

  it('EMBED-5: the last language asked for wins, even while another is loading', async () => {
    const { provider } = await mountKit(html`<dc-state-picker></dc-state-picker>`, { lang: 'en' });
    const picker = provider.querySelector('dc-state-picker')!;
    provider.lang = 'fr';
    await provider.updateComplete;
    provider.lang = 'en';
    await provider.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    await picker.updateComplete;
    expect(text(picker.shadowRoot!.querySelector('[part~="label"]'))).to.equal('Not signed in');
  });

  it('EMBED-4: theme="dark" gives the elements inside the dark tokens', async () => {
    const { provider } = await mountKit(html`<dc-state-picker></dc-state-picker>`);
    const picker = provider.querySelector('dc-state-picker')!;
    const trigger = picker.shadowRoot!.querySelector('[part~="trigger"]')!;
    const light = getComputedStyle(trigger).backgroundColor;
    provider.theme = 'dark';
    await provider.updateComplete;
    expect(getComputedStyle(trigger).backgroundColor).to.equal('rgb(27, 31, 36)');
    expect(light).to.equal('rgb(255, 255, 255)');
  });

  it('creates the simulated backend for backend="simulated", and closes it when removed', async () => {
    const el = await fixture<DcProvider>(html`<dc-provider backend="simulated" .storage=${null}></dc-provider>`);
    await until(() => !!el.store, 'the simulated backend loaded on demand');
    expect(el.store!.backend).to.be.instanceOf(SimulatedBackend);
    const backend = el.store!.backend as SimulatedBackend;
    el.remove();
    expect(backend.connection).to.equal('offline');
  });
});
