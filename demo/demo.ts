/**
 * The demo desktop: `<dc-desktop>` on the embedded simulated contact centre, with a simulator panel to
 * make offers, have customers write, report a voice call and inject failures by hand. The simulated
 * centre routes offers by itself too, and keeps its state in localStorage, so a reload finds the tasks
 * as they were, timers still running (FAIL-3); "Reset" starts again.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { FOLLOWABLE_PACE, SAMPLE_EMAIL_CONFIG, SAMPLE_TRANSFER_TARGETS, SimulatedBackend } from '../src/simulator/index.js';
import type { DcProvider } from '../src/elements/provider/provider.js';
import '../src/elements/provider/provider.js';
import '../src/elements/desktop/desktop.js';
import { resolveLocale } from '../src/i18n/localization.js';
import { resolveConfig, type DcConfigInput } from '../src/model/config.js';
import { isHeld } from '../src/model/tasks.js';

const STORAGE_KEY = 'dc-widgets:demo';
const config: DcConfigInput = {
  agent: { id: 'demo-agent', name: 'Camille Martin' },
  storageKey: STORAGE_KEY,
  media: {
    // A chat ends with a forced wrap-up: a reason within 45 seconds, or it closes by itself (END-2).
    chat: { kind: 'chat', transferTargets: SAMPLE_TRANSFER_TARGETS.chat, wrapUp: { forced: true, seconds: 45 } },
    sms: { kind: 'sms', transferTargets: SAMPLE_TRANSFER_TARGETS.sms },
    whatsapp: { kind: 'social', label: 'WhatsApp', transferTargets: SAMPLE_TRANSFER_TARGETS.social },
    // The centre's own addresses, signatures by queue and the outside-domain check (MAIL-5).
    email: { kind: 'email', transferTargets: SAMPLE_TRANSFER_TARGETS.email, email: SAMPLE_EMAIL_CONFIG },
  },
  retryDelayMs: 2000,
};
const resolved = resolveConfig(config);
const mediaIds = resolved.media.map((m) => m.id);

/** How fast offers arrive by themselves, as set in the panel: a pace a person can follow until then. */
const PACE_KEY = 'dc-demo:pace';
interface DemoPace {
  readonly totalOffersPerMinute: number;
  readonly maxOffers: number;
}
const RATE_LIMITS = { min: 0, max: 10, step: 0.5 } as const;
const WAITING_LIMITS = { min: 1, max: 10, step: 1 } as const;

function inRange(value: unknown, limits: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= limits.min && value <= limits.max;
}

function storedPace(): DemoPace {
  try {
    const saved = JSON.parse(localStorage.getItem(PACE_KEY) ?? 'null') as Partial<DemoPace> | null;
    if (saved && inRange(saved.totalOffersPerMinute, RATE_LIMITS) && inRange(saved.maxOffers, WAITING_LIMITS)) {
      return { totalOffersPerMinute: saved.totalOffersPerMinute, maxOffers: Math.round(saved.maxOffers) };
    }
  } catch {
    // A damaged setting: the default pace.
  }
  return FOLLOWABLE_PACE;
}

const backend = new SimulatedBackend({
  config: resolved,
  seed: 7,
  latencyMs: [200, 600],
  // About one offer a minute in all while Ready, at most two waiting (faster, they expire while the
  // agent works and knock the channels to Not Ready); the panel changes it.
  ...storedPace(),
  messagesPerMinute: 2,
  abandonRate: 0.1,
  // Customers answer most messages (typing first), and chats open on the bot's conversation.
  replyRate: 0.8,
  botHistory: true,
  agentName: 'Camille Martin',
  storage: localStorage,
  storageKey: `${STORAGE_KEY}:simulated-server`,
});

const provider = document.querySelector<DcProvider>('#kit')!;
provider.backend = backend;
provider.config = config;
// For the browser's console (and the demo's tests): `dcDemo.backend.offer('chat')`.
Object.assign(window, { dcDemo: { backend, provider } });

type Lang = 'en' | 'fr';
/** The language picked in the panel, or '' (automatic): the page leaves it to the browser. */
type Choice = '' | Lang;

/**
 * The panel's language setting, kept only once the person picks one. (Earlier versions of the demo
 * kept "en" under another key on every visit, picked or not: that one is forgotten.)
 */
const LANGUAGE_KEY = 'dc-demo:language';
localStorage.removeItem('dc-demo:lang');

function storedChoice(): Choice {
  const value = localStorage.getItem(LANGUAGE_KEY);
  return value === 'en' || value === 'fr' ? value : '';
}

/**
 * The page's language: the one picked, else the browser's first language the kit speaks. The page is
 * the kit's host: it gives the provider a `lang` only when the person picked one, and sets the
 * document's `lang` to the page's language, so the kit's own rule (provider, else document, else
 * browser) comes to the same.
 */
function pageLanguage(choice: Choice): Lang {
  return resolveLocale([choice, ...navigator.languages]);
}
document.documentElement.lang = pageLanguage(storedChoice());
const WORDS = {
  en: {
    brand: 'Digital channels',
    twoAgents: 'Two agents side by side',
    introTitle: 'How to try it',
    intro: [
      'Sign In signs in every channel; each starts Not Ready. Set Ready (Ctrl+Shift+V) and offers pop up at the bottom right; the centre also routes them by itself.',
      'Accept an offer (Ctrl+Alt+9 accepts them all): it joins the task list and opens. Let one run out: its channel goes Not Ready.',
      'Ctrl+Shift+8 / 9 move to the next or previous task; Ctrl+Alt+T collapses or expands the tasks window.',
      'Other shortcuts: Ctrl+Shift+L opens the state control; Ctrl+Shift+5 / 7 Chat/Social Ready / Not Ready, Ctrl+Shift+4 / 6 Email, Ctrl+Shift+Z everything Not Ready.',
      'In a chat, read the bot conversation and the earlier history above it. Type / to search templates, or use the Templates button: Tab moves between the fields to fill. Attach files with the paperclip or drop them on the box; add an emoji; select a word and press Bold (WhatsApp).',
      'Chat sends with Enter; SMS and WhatsApp with Ctrl+Enter (Cmd+Enter on a Mac); Shift+Enter is a new line. Workflows run from the composer and leave a note in the thread.',
      'Drop the connection, send a message: it waits as "sending" and arrives once when the connection returns.',
      'Reload the page: your state, your tasks and your unfinished drafts come back, timers still running.',
    ],
    simulator: 'Simulated contact centre',
    routing: 'Offers',
    rate: 'Offers a minute, all channels',
    waiting: 'At most waiting at once',
    offer: {
      chat: 'Offer a chat now',
      sms: 'Offer an SMS now',
      whatsapp: 'Offer a WhatsApp now',
      email: 'Offer an email now',
    } as Record<string, string>,
    noOffer: (media: string) => `No ${media} offer: that channel is not Ready, or is at capacity.`,
    conversation: 'Customers and host',
    customerWrites: 'The customer of the selected task writes',
    customerTypes: 'The customer starts typing',
    customerLeaves: 'The customer leaves',
    failSend: 'The next message is refused',
    failDelivery: 'The next message cannot be delivered',
    failHistory: 'The next history load fails',
    failWorkflow: 'The next workflow fails',
    voiceStart: 'A voice call starts',
    voiceEnd: 'The voice call ends',
    awayOn: 'The agent looks elsewhere',
    awayOff: 'The agent comes back',
    language: 'Language',
    automatic: 'Automatic (the browser’s language)',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    media: 'Channel',
    failSignIn: 'Make its sign-in fail',
    failSignInOnce: 'Make its sign-in fail twice (then succeed)',
    failState: 'Make its next state changes fail',
    failStateOnce: 'Make its next state change fail once',
    clear: 'Remove injected failures',
    drop: 'Drop the connection',
    restore: 'Restore the connection',
    missed: 'The channel misses an offer (non-routable)',
    supervisor: 'A supervisor sets it Not Ready – Break',
    malformed: 'Send a malformed event',
    reset: 'Reset the simulated centre',
    canSignOut: (yes: boolean) => `May sign out of the desktop: ${yes ? 'yes' : 'no'}`,
    signOut: 'Sign out of digital channels',
    log: 'Events the host receives',
  },
  fr: {
    brand: 'Canaux numériques',
    twoAgents: 'Deux agents côte à côte',
    introTitle: 'Comment l’essayer',
    intro: [
      'Se connecter connecte tous les canaux ; chacun commence à l’état Non prêt. Passez à Prêt (Ctrl+Maj+V) : les offres s’affichent en bas à droite ; le centre en achemine aussi de lui-même.',
      'Acceptez une offre (Ctrl+Alt+9 les accepte toutes) : elle rejoint la liste des tâches et s’ouvre. Laissez-en expirer une : son canal passe à Non prêt.',
      'Ctrl+Maj+8 / 9 passent à la tâche suivante ou précédente ; Ctrl+Alt+T réduit ou développe la fenêtre des tâches.',
      'Autres raccourcis : Ctrl+Maj+L ouvre le contrôle d’état ; Ctrl+Maj+5 / 7 conversation Prêt / Non prêt, Ctrl+Maj+4 / 6 email, Ctrl+Maj+Z tout Non prêt.',
      'Dans une conversation, lisez l’échange avec l’assistant virtuel et l’historique au-dessus. Tapez / pour chercher un modèle, ou utilisez le bouton Modèles : Tab passe d’un champ à remplir au suivant. Joignez des fichiers avec le trombone ou déposez-les sur la zone de saisie ; ajoutez un emoji ; sélectionnez un mot et appuyez sur Gras (WhatsApp).',
      'La conversation envoie avec Entrée ; SMS et WhatsApp avec Ctrl+Entrée (Cmd+Entrée sur Mac) ; Maj+Entrée passe à la ligne. Les flux de travail se lancent depuis la zone de saisie et laissent une note dans la conversation.',
      'Coupez la connexion, envoyez un message : il attend « envoi en cours » et arrive une seule fois au retour de la connexion.',
      'Rechargez la page : votre état, vos tâches et vos brouillons reviennent, minuteurs toujours en marche.',
    ],
    simulator: 'Centre de contact simulé',
    routing: 'Offres',
    rate: 'Offres par minute, tous canaux',
    waiting: 'Au plus en attente à la fois',
    offer: {
      chat: 'Proposer une conversation maintenant',
      sms: 'Proposer un SMS maintenant',
      whatsapp: 'Proposer un WhatsApp maintenant',
      email: 'Proposer un email maintenant',
    } as Record<string, string>,
    noOffer: (media: string) => `Pas d’offre ${media} : ce canal n’est pas Prêt, ou il est à pleine capacité.`,
    conversation: 'Clients et hôte',
    customerWrites: 'Le client de la tâche sélectionnée écrit',
    customerTypes: 'Le client commence à écrire',
    customerLeaves: 'Le client s’en va',
    failSend: 'Le prochain message est refusé',
    failDelivery: 'Le prochain message ne peut pas être remis',
    failHistory: 'Le prochain chargement de l’historique échoue',
    failWorkflow: 'Le prochain flux de travail échoue',
    voiceStart: 'Un appel vocal commence',
    voiceEnd: 'L’appel vocal se termine',
    awayOn: 'L’agent regarde ailleurs',
    awayOff: 'L’agent revient',
    language: 'Langue',
    automatic: 'Automatique (langue du navigateur)',
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    media: 'Canal',
    failSignIn: 'Faire échouer sa connexion',
    failSignInOnce: 'Faire échouer sa connexion deux fois (puis réussir)',
    failState: 'Faire échouer ses prochains changements d’état',
    failStateOnce: 'Faire échouer son prochain changement d’état une fois',
    clear: 'Retirer les échecs injectés',
    drop: 'Couper la connexion',
    restore: 'Rétablir la connexion',
    missed: 'Le canal manque une interaction (non routable)',
    supervisor: 'Un superviseur le passe à Non prêt – Pause',
    malformed: 'Envoyer un événement mal formé',
    reset: 'Réinitialiser le centre simulé',
    canSignOut: (yes: boolean) => `Peut se déconnecter du bureau : ${yes ? 'oui' : 'non'}`,
    signOut: 'Se déconnecter des canaux numériques',
    log: 'Événements reçus par l’hôte',
  },
} as const;

/** The simulator panel (demo only). */
@customElement('demo-simulator')
export class DemoSimulator extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.1rem;
    }
    fieldset {
      border: 0;
      margin: 0 0 0.75rem;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    legend {
      font-weight: 600;
      padding: 0 0 0.25rem;
    }
    button,
    select,
    input {
      font: inherit;
      padding: 0.3rem 0.6rem;
    }
    .pace {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
      inline-size: 100%;
    }
    .pace input {
      inline-size: 5rem;
    }
    details {
      margin: 0 0 0.75rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    details ul {
      margin: 0.4rem 0 0;
      padding-left: 1.2rem;
    }
    .log {
      max-height: 12rem;
      overflow: auto;
      font: 12px/1.4 ui-monospace, monospace;
      background: rgb(127 127 127 / 0.1);
      padding: 0.5rem;
      margin: 0;
      white-space: pre-wrap;
    }
  `;

  @state() private choice: Choice = storedChoice();
  @state() private dark = localStorage.getItem('dc-demo:theme') === 'dark';
  @state() private media = mediaIds[0]!;
  @state() private canSignOut = true;
  @state() private log: string[] = [];
  @state() private pace: DemoPace = { totalOffersPerMinute: backend.pace.totalOffersPerMinute, maxOffers: backend.pace.maxOffers };
  #unsubscribe?: () => void;

  /** The page's language (the panel's, the document's and, through them, the kit's). */
  get language(): Lang {
    return pageLanguage(this.choice);
  }

  /** The browser's languages changed: an automatic page follows them. */
  #onLanguageChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('languagechange', this.#onLanguageChange);
    this.#apply();
    // The panel follows the kit's state (the selected task, the voice call) to label its buttons.
    void provider.updateComplete.then(() => {
      this.#unsubscribe = provider.store?.subscribe((next, previous) => {
        if (next.selectedTaskId !== previous.selectedTaskId || next.voice !== previous.voice || next.tasks !== previous.tasks) {
          this.requestUpdate();
        }
      });
      this.requestUpdate();
    });
    const record = (e: Event) => {
      const detail = (e as CustomEvent).detail as Record<string, unknown>;
      const summary =
        e.type === 'dc-agent-state-change' ? `look=${String(detail['look'])}` : JSON.stringify(detail).slice(0, 160);
      this.log = [`${new Date().toLocaleTimeString()} ${e.type} ${summary}`, ...this.log].slice(0, 50);
    };
    for (const type of ['dc-error', 'dc-agent-state-change', 'dc-connection-change', 'dc-notification', 'dc-attention']) {
      provider.addEventListener(type, record);
    }
    provider.addEventListener('dc-can-sign-out-change', (e) => {
      this.canSignOut = e.detail.canSignOut;
      record(e);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('languagechange', this.#onLanguageChange);
    this.#unsubscribe?.();
  }

  #note(line: string): void {
    this.log = [`${new Date().toLocaleTimeString()} ${line}`, ...this.log].slice(0, 50);
  }

  /** A new pace from the panel: the centre routes at it from now on, and it is kept for the next visits. */
  #setPace(change: Partial<DemoPace>): void {
    const pace = { ...this.pace, ...change };
    if (!inRange(pace.totalOffersPerMinute, RATE_LIMITS) || !inRange(pace.maxOffers, WAITING_LIMITS)) return; // mid-typing
    this.pace = { totalOffersPerMinute: pace.totalOffersPerMinute, maxOffers: Math.round(pace.maxOffers) };
    backend.setPace(this.pace);
    localStorage.setItem(PACE_KEY, JSON.stringify(this.pace));
  }

  #offer(media: string): void {
    if (!backend.offer(media)) this.#note(WORDS[this.language].noOffer(media));
  }

  /** The task on show, if any: the one the customer writes in. */
  get #selected(): string | undefined {
    const state = provider.store?.state;
    const id = state?.selectedTaskId;
    return id && state.tasks[id] && isHeld(state.tasks[id]) ? id : undefined;
  }

  #apply(): void {
    provider.lang = this.choice; // '' leaves it to the document's
    provider.theme = this.dark ? 'dark' : 'light';
    document.documentElement.lang = this.language;
    document.body.classList.toggle('dark', this.dark);
    const w = WORDS[this.language];
    document.querySelector('#brand')!.textContent = w.brand;
    const twoAgents = document.querySelector('#two-agents');
    if (twoAgents) twoAgents.textContent = w.twoAgents;
    localStorage.setItem('dc-demo:theme', this.dark ? 'dark' : 'light');
  }

  /** The person picks a language, or automatic again: kept for the next visits. */
  #pick(choice: Choice): void {
    this.choice = choice;
    if (choice) localStorage.setItem(LANGUAGE_KEY, choice);
    else localStorage.removeItem(LANGUAGE_KEY);
  }

  protected override updated(): void {
    this.#apply();
  }

  protected override render() {
    const w = WORDS[this.language];
    const m = this.media;
    const selected = this.#selected;
    const voice = provider.voice;
    return html`
      <h2>${w.simulator}</h2>
      <details>
        <summary>${w.introTitle}</summary>
        <ul>
          ${w.intro.map((line) => html`<li>${line}</li>`)}
        </ul>
      </details>
      <fieldset>
        <legend>${w.routing}</legend>
        <label class="pace"
          >${w.rate}
          <input
            type="number"
            data-control="rate"
            min=${RATE_LIMITS.min}
            max=${RATE_LIMITS.max}
            step=${RATE_LIMITS.step}
            .value=${String(this.pace.totalOffersPerMinute)}
            @input=${(e: Event) => this.#setPace({ totalOffersPerMinute: (e.target as HTMLInputElement).valueAsNumber })}
        /></label>
        <label class="pace"
          >${w.waiting}
          <input
            type="number"
            data-control="waiting"
            min=${WAITING_LIMITS.min}
            max=${WAITING_LIMITS.max}
            step=${WAITING_LIMITS.step}
            .value=${String(this.pace.maxOffers)}
            @input=${(e: Event) => this.#setPace({ maxOffers: (e.target as HTMLInputElement).valueAsNumber })}
        /></label>
        ${mediaIds.map((id) => html`<button data-offer=${id} @click=${() => this.#offer(id)}>${w.offer[id] ?? id}</button>`)}
      </fieldset>
      <fieldset>
        <legend>${w.conversation}</legend>
        <button data-action="customer-writes" ?disabled=${!selected} @click=${() => selected && backend.customerMessage(selected)}>
          ${w.customerWrites}
        </button>
        <button ?disabled=${!selected} @click=${() => selected && backend.customerTyping(selected, true)}>${w.customerTypes}</button>
        <button ?disabled=${!selected} @click=${() => selected && backend.customerLeaves(selected)}>${w.customerLeaves}</button>
        <button @click=${() => backend.failSends({ mode: 'reject', reason: 'Message refused by the carrier' })}>${w.failSend}</button>
        <button @click=${() => backend.failSends({ mode: 'delivery', reason: 'The customer’s device is unreachable' })}>
          ${w.failDelivery}
        </button>
        <button @click=${() => backend.failHistory({ reason: 'History service unavailable' })}>${w.failHistory}</button>
        <button @click=${() => backend.failWorkflow({ reason: 'Workflow engine timed out' })}>${w.failWorkflow}</button>
        <button
          data-action="voice"
          aria-pressed=${voice ? 'true' : 'false'}
          @click=${() => {
            provider.voice = !provider.voice;
            this.requestUpdate();
          }}
        >
          ${voice ? w.voiceEnd : w.voiceStart}
        </button>
        <button
          data-action="away"
          aria-pressed=${provider.away ? 'true' : 'false'}
          @click=${() => {
            provider.away = !provider.away;
            this.requestUpdate();
          }}
        >
          ${provider.away ? w.awayOff : w.awayOn}
        </button>
      </fieldset>
      <fieldset>
        <legend>${w.language} · ${w.theme}</legend>
        <select
          data-control="language"
          aria-label=${w.language}
          @change=${(e: Event) => this.#pick((e.target as HTMLSelectElement).value as Choice)}
        >
          <option value="" ?selected=${this.choice === ''}>${w.automatic}</option>
          <option value="en" lang="en" ?selected=${this.choice === 'en'}>English</option>
          <option value="fr" lang="fr" ?selected=${this.choice === 'fr'}>Français</option>
        </select>
        <select aria-label=${w.theme} @change=${(e: Event) => (this.dark = (e.target as HTMLSelectElement).value === 'dark')}>
          <option value="light" ?selected=${!this.dark}>${w.light}</option>
          <option value="dark" ?selected=${this.dark}>${w.dark}</option>
        </select>
      </fieldset>
      <fieldset>
        <legend>${w.media}</legend>
        <select aria-label=${w.media} @change=${(e: Event) => (this.media = (e.target as HTMLSelectElement).value)}>
          ${mediaIds.map((id) => html`<option value=${id} ?selected=${id === m}>${id}</option>`)}
        </select>
        <button @click=${() => backend.failSignIn(m, { reason: 'Account locked on the media server' })}>${w.failSignIn}</button>
        <button @click=${() => backend.failSignIn(m, { times: 2, reason: 'Media server busy' })}>${w.failSignInOnce}</button>
        <button @click=${() => backend.failStateChange(m, { reason: 'Network error' })}>${w.failState}</button>
        <button @click=${() => backend.failStateChange(m, { times: 1, reason: 'Network error' })}>${w.failStateOnce}</button>
        <button @click=${() => backend.serverSetState(m, { availability: 'ready', routable: false }, 'missed-offer')}>
          ${w.missed}
        </button>
        <button @click=${() => backend.serverSetState(m, { availability: 'not-ready', reasonId: 'break' }, 'supervisor')}>
          ${w.supervisor}
        </button>
        <button @click=${() => backend.clearFailures()}>${w.clear}</button>
      </fieldset>
      <fieldset>
        <legend>${backend.connection}</legend>
        <button @click=${() => {
          backend.dropConnection();
          this.requestUpdate();
        }}>${w.drop}</button>
        <button @click=${async () => {
          await backend.restoreConnection();
          this.requestUpdate();
        }}>${w.restore}</button>
        <button
          @click=${() =>
            backend.injectRawEvent({ type: 'media-state', seq: backend.nextSeq, at: Date.now(), cause: 'agent', state: { media: 'fax' } })}
        >
          ${w.malformed}
        </button>
        <button
          @click=${() => {
            localStorage.removeItem(STORAGE_KEY);
            localStorage.removeItem(`${STORAGE_KEY}:simulated-server`);
            indexedDB.deleteDatabase(`${STORAGE_KEY}-files`); // the files of the drafts just forgotten
            location.reload();
          }}
        >
          ${w.reset}
        </button>
      </fieldset>
      <fieldset>
        <legend>${w.canSignOut(this.canSignOut)}</legend>
        <button ?disabled=${!this.canSignOut} @click=${() => provider.store?.signOut()}>${w.signOut}</button>
      </fieldset>
      <h2>${w.log}</h2>
      <pre class="log" tabindex="0">${this.log.join('\n')}</pre>
    `;
  }
}
