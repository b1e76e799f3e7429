/**
 * The demo's "two agents side by side": two desktops, Alex and Sam, each with a simulated server of
 * their own, on one simulated contact centre (src/simulator/centre.ts). A task one transfers is offered
 * to the other, who accepts it (or lets it run out: it goes back to routing) and reads the whole
 * history with the note (XFER-4, PANE-5); transferring it back shows it all again.
 *
 * `?agent=alex` (or any name) shows one agent only, on a centre shared through a BroadcastChannel with
 * the other tabs of this browser that show this page: open it twice with two names.
 *
 * Nothing is kept across a reload here: the conversations waiting at a routing point live in memory.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SAMPLE_TRANSFER_TARGETS, SimulatedBackend, SimulatedCentre } from '../src/simulator/index.js';
import type { DcProvider } from '../src/elements/provider/provider.js';
import '../src/elements/provider/provider.js';
import '../src/elements/desktop/desktop.js';
import '../src/elements/transfer/transfer.js';
import { resolveLocale } from '../src/i18n/localization.js';
import { resolveConfig, type DcConfigInput } from '../src/model/config.js';
import { isHeld } from '../src/model/tasks.js';
import { MemoryStorage } from '../src/store/persist.js';

type Lang = 'en' | 'fr';

const WORDS = {
  en: {
    title: 'Two agents side by side',
    back: 'Back to the demo desktop',
    intro:
      'Both agents share one simulated contact centre. Sign in and set Ready on both; offer a chat or an SMS to one, accept it, write, then Transfer it to a routing point with an internal note. The other agent is offered it, with the whole history and the note. Let an offer run out: it goes back to routing until an agent is Ready. Transfer it back: the first agent sees everything again.',
    tabs: 'In two tabs: open this page with ?agent=alex in one tab and ?agent=sam in another.',
    offerChat: 'Offer a chat',
    offerSms: 'Offer an SMS',
    writes: 'The customer writes',
    waiting: (n: number) => `Waiting at a routing point: ${n}`,
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
  },
  fr: {
    title: 'Deux agents côte à côte',
    back: 'Retour au bureau de démonstration',
    intro:
      'Les deux agents partagent un même centre de contact simulé. Connectez-vous et passez à Prêt des deux côtés ; proposez une conversation ou un SMS à l’un, acceptez-le, écrivez, puis transférez-le vers un point de routage avec une note interne. L’autre agent se le voit proposer, avec tout l’historique et la note. Laissez expirer une offre : elle retourne au routage jusqu’à ce qu’un agent soit Prêt. Transférez-la en retour : le premier agent revoit tout.',
    tabs: 'Dans deux onglets : ouvrez cette page avec ?agent=alex dans un onglet et ?agent=sam dans un autre.',
    offerChat: 'Proposer une conversation',
    offerSms: 'Proposer un SMS',
    writes: 'Le client écrit',
    waiting: (n: number) => `En attente à un point de routage : ${n}`,
    language: 'Langue',
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
  },
} as const;

interface Agent {
  readonly id: string;
  readonly name: string;
  readonly backend: SimulatedBackend;
  readonly config: DcConfigInput;
  readonly storage: Storage;
}

const params = new URLSearchParams(location.search);
const single = params.get('agent');
const centre = new SimulatedCentre(single ? { channel: 'dc-demo' } : {});

function makeAgent(id: string, name: string, seed: number): Agent {
  const config: DcConfigInput = {
    agent: { id, name },
    storageKey: `dc-demo-two:${id}`,
    media: {
      chat: { kind: 'chat', transferTargets: SAMPLE_TRANSFER_TARGETS.chat },
      sms: { kind: 'sms', transferTargets: SAMPLE_TRANSFER_TARGETS.sms },
    },
    retryDelayMs: 2000,
  };
  const backend = new SimulatedBackend({ config: resolveConfig(config), centre, agentName: name, seed, latencyMs: [100, 300], replyRate: 0.6 });
  return { id, name, backend, config, storage: new MemoryStorage() };
}

const AGENTS: readonly Agent[] = single
  ? [makeAgent(single, single.charAt(0).toUpperCase() + single.slice(1), 11)]
  : [makeAgent('alex', 'Alex Martin', 11), makeAgent('sam', 'Sam Roux', 23)];
window.addEventListener('pagehide', () => {
  for (const a of AGENTS) a.backend.close();
  centre.close();
});

@customElement('demo-two-agents')
export class DemoTwoAgents extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 0.75rem 1rem;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      margin-bottom: 0.5rem;
    }
    h1 {
      font-size: 1.15rem;
      margin: 0;
    }
    header a {
      margin-inline-start: auto;
      color: inherit;
    }
    p {
      margin: 0 0 0.75rem;
      max-width: 70rem;
    }
    .agents {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 34rem), 1fr));
      gap: 1rem;
    }
    section {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    h2 {
      font-size: 1rem;
      margin: 0 auto 0 0;
    }
    button,
    select {
      font: inherit;
      padding: 0.3rem 0.6rem;
    }
    dc-desktop {
      height: max(34rem, calc(100vh - 14rem));
    }
  `;

  @state() private language: Lang = resolveLocale([localStorage.getItem('dc-demo:language') ?? '', ...navigator.languages]) as Lang;
  @state() private dark = localStorage.getItem('dc-demo:theme') === 'dark';
  @state() private tick = 0;
  #timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    // The panel's buttons follow the kits (the task on show) and the centre (what waits).
    this.#timer = setInterval(() => (this.tick += 1), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  #provider(agent: Agent): DcProvider | null {
    return this.renderRoot.querySelector<DcProvider>(`dc-provider[data-agent="${agent.id}"]`);
  }

  #selected(agent: Agent): string | undefined {
    const state = this.#provider(agent)?.store?.state;
    const id = state?.selectedTaskId;
    return id && state.tasks[id] && isHeld(state.tasks[id]) ? id : undefined;
  }

  protected override updated(): void {
    document.documentElement.lang = this.language;
    document.body.classList.toggle('dark', this.dark);
  }

  protected override render() {
    const w = WORDS[this.language];
    return html`
      <header>
        <h1>${w.title}</h1>
        <span role="status">${w.waiting(centre.waiting.length)}</span>
        <select
          aria-label=${w.language}
          @change=${(e: Event) => {
            this.language = (e.target as HTMLSelectElement).value as Lang;
            localStorage.setItem('dc-demo:language', this.language);
          }}
        >
          <option value="en" lang="en" ?selected=${this.language === 'en'}>English</option>
          <option value="fr" lang="fr" ?selected=${this.language === 'fr'}>Français</option>
        </select>
        <select aria-label=${w.theme} @change=${(e: Event) => (this.dark = (e.target as HTMLSelectElement).value === 'dark')}>
          <option value="light" ?selected=${!this.dark}>${w.light}</option>
          <option value="dark" ?selected=${this.dark}>${w.dark}</option>
        </select>
        <a href="./index.html">${w.back}</a>
      </header>
      <p>${w.intro}</p>
      ${single ? nothing : html`<p>${w.tabs}</p>`}
      <div class="agents">${AGENTS.map((a) => this.#agent(a))}</div>
    `;
  }

  #agent(agent: Agent) {
    const w = WORDS[this.language];
    const selected = this.#selected(agent);
    return html`<section aria-label=${agent.name}>
      <div class="bar">
        <h2>${agent.name}</h2>
        <button data-offer="chat" @click=${() => agent.backend.offer('chat')}>${w.offerChat}</button>
        <button data-offer="sms" @click=${() => agent.backend.offer('sms')}>${w.offerSms}</button>
        <button ?disabled=${!selected} @click=${() => selected && agent.backend.customerMessage(selected)}>${w.writes}</button>
        <dc-provider
          data-agent=${agent.id}
          .config=${agent.config}
          .backend=${agent.backend}
          .storage=${agent.storage}
          lang=${this.language}
          theme=${this.dark ? 'dark' : 'light'}
          style="display: contents"
        >
          <dc-desktop style="flex-basis: 100%"></dc-desktop>
        </dc-provider>
      </div>
    </section>`;
  }
}
