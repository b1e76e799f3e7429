/**
 * The options of the simulated contact centre, and the defaults each of its parts runs with when an
 * option is left out.
 */
import { resolveConfig, type DcConfig } from '../model/config.js';
import { MEDIA_KINDS, type MediaId, type MediaKind } from '../model/media.js';
import { realClock, type Clock } from '../backend/clock.js';
import type { SimulatedCentre } from './centre.js';
import type { ConversationOptions } from './conversation.js';
import type { Duration } from './random.js';
import { SAMPLE_TRANSFER_TARGETS } from './targets.js';
import type { RoutingOptions } from './routing.js';
import type { ServerOptions } from './server.js';

export interface SimulatedBackendOptions {
  /**
   * The agent's media settings (capacity, accept timers, groups): the resolved configuration the kit
   * uses. Without it, `media` ids get the defaults of the kind they name (others behave like chat).
   */
  config?: DcConfig;
  /** The media this agent is assigned, when no `config` is given. Defaults to chat, sms, social, email. */
  media?: readonly MediaId[];
  /**
   * Offers routed to the agent by themselves: offers per minute for every media, or per media id.
   * Off by default (tests and stories make offers with `offer()`); the demo turns it on.
   */
  offersPerMinute?: number | Readonly<Record<MediaId, number>>;
  /**
   * Offers routed by themselves in all media together, a minute: each goes to one of the media that can
   * take an offer then (signed in, Ready, routable, within capacity), drawn at random. So the pace holds
   * whichever media are Ready. Off by default; the demo runs at {@link FOLLOWABLE_PACE}.
   */
  totalOffersPerMinute?: number;
  /**
   * At most this many offers routed by themselves wait for the agent at once, in all media: routing
   * skips its turn while as many are on show. Unlimited by default (each media's capacity still holds).
   * Offers made with `offer()` are never held back.
   */
  maxOffers?: number;
  /** Customer messages per minute in each held task, by themselves. Off by default. */
  messagesPerMinute?: number;
  /**
   * Follow-up emails per minute from the customer of each held email task (MAIL-4: "Re: …"). Default: a
   * sixth of `messagesPerMinute` (email customers write less often). Tests make one arrive with
   * `customerEmail()`.
   */
  emailFollowUpsPerMinute?: number;
  /** From the agent's email reaching the server to the mail server sending it (MAIL-1). Default [300, 900]. */
  emailSentAfterMs?: Duration;
  /** Chance (0–1) that a customer gives up an offer before its timer ends (the offer is rescinded). */
  abandonRate?: number;
  /** Seeds every random choice, so a run can be repeated. */
  seed?: number;
  clock?: Clock;
  /** Server round-trip in ms: a number, or [min, max] drawn from the seeded generator. */
  latencyMs?: number | readonly [number, number];
  /**
   * Keeps the simulated server's state in this storage, so that a page reload finds the "server" as it
   * was (the demo uses localStorage; tests leave it out).
   */
  storage?: Storage | null;
  storageKey?: string;
  /** The agent's name on the messages they send. Default "Alex Martin". */
  agentName?: string;
  /**
   * Chance (0–1) that the customer answers an agent's message once they have read it, typing first.
   * Default 0 (tests and stories make customers write with `customerMessage()`).
   */
  replyRate?: number;
  /**
   * Chat and social offers come with the bot's part of the conversation: the customer's journey, the bot
   * exchange, the hand-off (PANE-3). Default off; `offer()` can ask for it per offer.
   */
  botHistory?: boolean;
  /**
   * Forces the history of earlier interactions (PANE-5) to exactly this many messages in all, for large
   * threads and benchmarks. Without it, each customer has 0 to 3 earlier interactions.
   */
  historySize?: number;
  /**
   * A contact centre shared with other agents (centre.ts): tasks this agent transfers are offered to
   * them, and theirs to this agent (XFER-4, PANE-5). Without it the agent is alone: a transfer ends the
   * task and the conversation goes to a routing point nobody here answers.
   */
  centre?: SimulatedCentre;
  /** This agent's id in a shared centre. Default: the configuration's agent id. */
  agentId?: string;
  /** From sent to delivered (PANE-4). Default [500, 1500]. */
  deliveredAfterMs?: Duration;
  /** From delivered to read (PANE-4). Default [1500, 4000]. */
  readAfterMs?: Duration;
  /** From reading the agent's message to starting to type a reply. Default [1000, 3000]. */
  replyAfterMs?: Duration;
  /** How long the customer types before their message arrives. Default [2000, 5000]. */
  typingMs?: Duration;
}

/** The options that set how fast offers arrive by themselves; `SimulatedBackend.setPace` changes them live. */
export type Pace = Pick<SimulatedBackendOptions, 'offersPerMinute' | 'totalOffersPerMinute' | 'maxOffers'>;

/**
 * A pace a person trying the kit can follow (the demo's, and `backend="simulated"`'s): about one offer
 * a minute in all while the agent is Ready, never more than two waiting at once. Faster, offers expire
 * while the agent works and knock the media to Not Ready (OFFER-4).
 */
export const FOLLOWABLE_PACE = { totalOffersPerMinute: 1, maxOffers: 2 } as const satisfies Pace;

const DEFAULT_MEDIA = ['chat', 'sms', 'social', 'email'];

/**
 * The email media's configuration when no `config` is given (MAIL-5, MAIL-reply): the centre's own
 * addresses, a signature for each of the sample email queues (customers.ts) and one for any other,
 * a partner's domain the agent may write to without confirming, and the outside-domain check on.
 */
export const SAMPLE_EMAIL_CONFIG = {
  selfAddresses: ['support@example.com', 'claims@example.com', 'billing@example.com'],
  confirmOutsideDomain: true,
  trustedDomains: ['partners.example.org'],
  signatures: [
    { queue: 'Claims email', html: '<p>Kind regards,<br><b>Claims team</b><br>Example Insurance · 01 84 88 00 00</p>' },
    { queue: 'Billing email', html: '<p>Kind regards,<br><b>Billing team</b><br>Example Energy · billing@example.com</p>' },
    { queue: '*', html: '<p>Kind regards,<br><b>Customer care</b><br>Example Ltd · support@example.com</p>' },
  ],
  imagesAllowedFrom: ['@example.com'],
} as const;

function configFor(media: readonly MediaId[]): DcConfig {
  return resolveConfig({
    media: Object.fromEntries(
      media.map((id) => {
        const kind = MEDIA_KINDS.includes(id as MediaKind) ? (id as MediaKind) : 'chat';
        return [
          id,
          {
            ...(kind === id ? {} : { kind }),
            transferTargets: SAMPLE_TRANSFER_TARGETS[kind],
            ...(kind === 'email' ? { email: SAMPLE_EMAIL_CONFIG } : {}),
          },
        ];
      }),
    ),
  });
}

/** Every option with its default, sorted by the part that uses it. */
export interface ResolvedOptions {
  server: ServerOptions;
  latency: Duration;
  routing: RoutingOptions;
  conversation: ConversationOptions;
  historySize: number | undefined;
  transfers: { agentId: string; agentName: string; centre: SimulatedCentre | undefined };
}

export function resolveOptions(options: SimulatedBackendOptions): ResolvedOptions {
  const config = options.config ?? configFor(options.media ?? DEFAULT_MEDIA);
  return {
    server: {
      clock: options.clock ?? realClock,
      config,
      seed: options.seed ?? 1,
      storage: options.storage ?? null,
      storageKey: options.storageKey ?? 'dc-widgets:simulated-server',
    },
    latency: options.latencyMs ?? 0,
    routing: {
      ...resolvePace(config, options),
      abandonRate: options.abandonRate ?? 0,
    },
    conversation: {
      agentName: options.agentName ?? 'Alex Martin',
      agentId: options.agentId ?? config.agent.id,
      messagesPerMinute: options.messagesPerMinute ?? 0,
      emailFollowUpsPerMinute: options.emailFollowUpsPerMinute ?? (options.messagesPerMinute ?? 0) / 6,
      emailSentAfter: options.emailSentAfterMs ?? [300, 900],
      replyRate: options.replyRate ?? 0,
      botHistory: options.botHistory ?? false,
      deliveredAfter: options.deliveredAfterMs ?? [500, 1500],
      readAfter: options.readAfterMs ?? [1500, 4000],
      replyAfter: options.replyAfterMs ?? [1000, 3000],
      typingFor: options.typingMs ?? [2000, 5000],
    },
    historySize: options.historySize,
    transfers: {
      agentId: options.agentId ?? config.agent.id,
      agentName: options.agentName ?? 'Alex Martin',
      centre: options.centre,
    },
  };
}

/** The routing pace of `pace`, for the media of `config`: what is left out is off (no limit for `maxOffers`). */
export function resolvePace(config: DcConfig, pace: Pace): Pick<RoutingOptions, 'offersPerMinute' | 'totalOffersPerMinute' | 'maxOffers'> {
  const rate = pace.offersPerMinute ?? 0;
  return {
    offersPerMinute: Object.fromEntries(config.media.map(({ id }) => [id, typeof rate === 'number' ? rate : (rate[id] ?? 0)])),
    totalOffersPerMinute: pace.totalOffersPerMinute ?? 0,
    maxOffers: pace.maxOffers ?? Infinity,
  };
}
