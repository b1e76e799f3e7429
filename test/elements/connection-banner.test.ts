import { expect, html } from '@open-wc/testing';
import '../../src/elements/connection-banner/connection-banner.js';
import { mountKit, text, until } from '../support/kit.js';

describe('dc-connection-banner', () => {
  it('FAIL-1/2: says the connection is lost, then that the state is being restored, then hides', async () => {
    const { provider, backend, store } = await mountKit(html`<dc-connection-banner></dc-connection-banner>`, {
      backend: { latencyMs: 60 },
    });
    const el = provider.querySelector('dc-connection-banner')!;
    const banner = () => el.shadowRoot!.querySelector('[part~="banner"]');
    expect(banner()).to.be.null;
    backend.dropConnection();
    await el.updateComplete;
    expect(text(banner())).to.contain('Connection to the server lost.');
    await expect(el).to.be.accessible();
    const back = backend.restoreConnection();
    await until(() => store.state.connection === 'resyncing', 'resyncing');
    await el.updateComplete;
    expect(text(banner())).to.contain('Restoring your channel states');
    await back;
    await until(() => store.state.connection === 'online', 'online');
    await el.updateComplete;
    expect(banner()).to.be.null;
  });

  it('in French', async () => {
    const { provider, backend } = await mountKit(html`<dc-connection-banner></dc-connection-banner>`, { lang: 'fr' });
    const el = provider.querySelector('dc-connection-banner')!;
    backend.dropConnection();
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part~="banner"]'))).to.contain('Liaison avec le serveur perdue.');
  });
});
