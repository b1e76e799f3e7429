/**
 * One agent's page on a simulated contact centre shared with the agent's colleagues in other tabs of
 * this browser (a BroadcastChannel named by `?channel=`): offers, the transfer menu and the thread, on
 * the page's own simulated server. `?agent=` names the agent. The test reaches it as `window.__tab`.
 */
import '../../src/elements/provider/provider.js';
import '../../src/elements/offers/offers.js';
import '../../src/elements/transfer/transfer.js';
import '../../src/elements/chat-thread/chat-thread.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { SAMPLE_TRANSFER_TARGETS, SimulatedBackend, SimulatedCentre } from '../../src/simulator/index.js';

const params = new URLSearchParams(location.search);
const agent = params.get('agent') ?? 'agent';
const centre = new SimulatedCentre({ channel: params.get('channel') ?? 'test' });
const config: DcConfigInput = {
  agent: { id: agent, name: agent },
  media: { chat: { transferTargets: SAMPLE_TRANSFER_TARGETS.chat } },
  retryDelayMs: 20,
};
const backend = new SimulatedBackend({ config: resolveConfig(config), centre, agentName: agent });
const provider = document.createElement('dc-provider') as DcProvider;
provider.lang = 'en';
provider.config = config;
provider.storage = new MemoryStorage();
provider.backend = backend;
for (const tag of ['dc-offers', 'dc-transfer-menu', 'dc-chat-thread']) provider.append(document.createElement(tag));
document.body.append(provider);
window.addEventListener('pagehide', () => {
  backend.close();
  centre.close();
});
(window as unknown as { __tab: { provider: DcProvider; backend: SimulatedBackend; centre: SimulatedCentre } }).__tab = { provider, backend, centre };
