/**
 * A page of the agent's (a tab, a pop-out) for tests of several pages on one storage: the whole
 * desktop, on the page's own localStorage (the provider's default), connected to the hub the test's
 * page holds. The test reaches it as `frame.contentWindow.__tab`.
 */
import '../../src/elements/provider/provider.js';
import '../../src/elements/desktop/desktop.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { TabBackend, type Hub } from './shared-server.js';

const hub = (window.parent as unknown as { __dcHub: Hub }).__dcHub;
const backend = new TabBackend(hub);
const provider = document.createElement('dc-provider') as DcProvider;
provider.lang = 'en';
provider.config = { agent: { id: 'a42', name: 'Camille Martin' }, retryDelayMs: 20, retryMaxDelayMs: 200 };
provider.backend = backend;
provider.append(document.createElement('dc-desktop'));
document.body.append(provider);
// The connection goes with the page.
window.addEventListener('pagehide', () => backend.close());
(window as unknown as { __tab: { provider: DcProvider; backend: TabBackend } }).__tab = { provider, backend };
