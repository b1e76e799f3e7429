/**
 * The simulated contact centre's templates and workflows (COMP-5..8, COMP-10): what a French and English
 * contact centre would configure. Each template exists in both languages (ids ending `-en` and `-fr`),
 * side by side in its group; six groups, so that the picker's "More" has groups to show.
 */
import type { Template, TemplateGroup } from '../model/templates.js';
import type { Catalogue, Workflow } from '../model/workflows.js';

export const SAMPLE_TEMPLATE_GROUPS: readonly TemplateGroup[] = [
  { id: 'greetings', name: { en: 'Greetings', fr: 'Salutations' } },
  { id: 'orders', name: { en: 'Orders', fr: 'Commandes' } },
  { id: 'billing', name: { en: 'Billing', fr: 'Facturation' } },
  { id: 'delivery', name: { en: 'Delivery', fr: 'Livraison' } },
  { id: 'account', name: { en: 'Account', fr: 'Compte' } },
  { id: 'closing', name: { en: 'Closing', fr: 'Clôture' } },
];

const LANGUAGE_NAMES = {
  en: { en: 'English', fr: 'anglais' },
  fr: { en: 'French', fr: 'français' },
} as const;

/**
 * One template in English and one in French (ids `<id>-en`, `<id>-fr`): their names say the language
 * of the body, in the agent's language ("Welcome (French)", « Accueil (français) »).
 */
function pair(
  id: string,
  group: string,
  name: { en: string; fr: string },
  bodies: { en: string; fr: string },
  extra: Pick<Template, 'locked'> & Partial<Pick<Template, 'media'>> = { locked: false },
): Template[] {
  return (['en', 'fr'] as const).map((lang) => ({
    id: `${id}-${lang}`,
    name: { en: `${name.en} (${LANGUAGE_NAMES[lang].en})`, fr: `${name.fr} (${LANGUAGE_NAMES[lang].fr})` },
    group,
    body: bodies[lang],
    ...extra,
  }));
}

export const SAMPLE_TEMPLATES: readonly Template[] = [
  ...pair(
    'greet',
    'greetings',
    { en: 'Welcome', fr: 'Accueil' },
    {
      en: 'Hello {{customer.name}}, my name is {{agent.name}} from {{queue}}. How can I help you today?',
      fr: 'Bonjour {{customer.name}}, je suis {{agent.name}} du service {{queue}}. Comment puis-je vous aider ?',
    },
  ),
  ...pair(
    'order-status',
    'orders',
    { en: 'Order status', fr: 'Suivi de commande' },
    {
      en: 'Your order [[Order number]] left our warehouse and will be delivered [[Day|tomorrow]].',
      fr: 'Votre commande [[Numéro de commande]] a quitté notre entrepôt et sera livrée [[Jour|demain]].',
    },
  ),
  ...pair(
    'refund',
    'billing',
    { en: 'Refund issued', fr: 'Remboursement effectué' },
    {
      en: 'We have refunded [[Amount]] to the card ending in [[Last 4 digits]].',
      fr: 'Nous avons remboursé [[Montant]] sur la carte se terminant par [[4 derniers chiffres]].',
    },
  ),
  ...pair(
    'payment-security',
    'billing',
    { en: 'Card details: never by message', fr: 'Carte bancaire : jamais par message' },
    {
      en: 'For your security, never send your card number in this conversation. Pay safely in your customer area.',
      fr: 'Pour votre sécurité, n’envoyez jamais votre numéro de carte dans cette conversation. Payez en toute sécurité dans votre espace client.',
    },
    { locked: true },
  ),
  ...pair(
    'delivery-slot',
    'delivery',
    { en: 'Delivery slot by SMS', fr: 'Créneau de livraison par SMS' },
    {
      en: 'Your delivery is booked for [[Day|tomorrow]] between [[Slot|8am and 1pm]]. Reply STOP to opt out.',
      fr: 'Votre livraison est prévue [[Jour|demain]] entre [[Créneau|8h et 13h]]. STOP pour ne plus recevoir de SMS.',
    },
    { locked: false, media: ['sms'] },
  ),
  ...pair(
    'tracking',
    'delivery',
    { en: 'Tracking link', fr: 'Lien de suivi' },
    {
      en: 'You can follow your parcel here: https://track.example.com/[[Tracking number]]',
      fr: 'Suivez votre colis ici : https://track.example.com/[[Numéro de suivi]]',
    },
    { locked: false, media: ['chat', 'social'] },
  ),
  ...pair(
    'password-reset',
    'account',
    { en: 'Password reset', fr: 'Réinitialisation du mot de passe' },
    {
      en: 'We have sent a reset link to {{customer.email}}. It is valid for 30 minutes.',
      fr: 'Nous avons envoyé un lien de réinitialisation à {{customer.email}}. Il est valable 30 minutes.',
    },
    { locked: false, media: ['chat', 'social'] },
  ),
  ...pair(
    'goodbye',
    'closing',
    { en: 'Goodbye', fr: 'Au revoir' },
    {
      en: 'Thank you for contacting us, {{customer.name}}. Have a good day! {{agent.name}}',
      fr: 'Merci de nous avoir contactés, {{customer.name}}. Bonne journée ! {{agent.name}}',
    },
    { locked: true },
  ),
];

/** The workflow that always fails on the server (its reason is {@link ESCALATION_FAILURE}). */
export const FAILING_WORKFLOW_ID = 'escalate';
export const ESCALATION_FAILURE = 'No supervisor available';

export const SAMPLE_WORKFLOWS: readonly Workflow[] = [
  {
    id: 'create-case',
    name: { en: 'Create a case', fr: 'Créer un dossier' },
    description: { en: 'Opens a case in the CRM for follow-up.', fr: 'Ouvre un dossier de suivi dans le CRM.' },
    params: [
      { name: 'subject', label: { en: 'Subject', fr: 'Objet' }, type: 'text', required: true, maxLength: 80 },
      { name: 'email', label: { en: 'Customer email', fr: 'E-mail du client' }, type: 'email', required: true, fromCustomer: 'email' },
    ],
  },
  {
    id: 'survey',
    name: { en: 'Send satisfaction survey', fr: 'Envoyer l’enquête de satisfaction' },
    description: {
      en: 'Sends the customer a short survey after this conversation.',
      fr: 'Envoie au client une courte enquête après cette conversation.',
    },
    params: [],
  },
  {
    id: 'callback',
    name: { en: 'Schedule a callback', fr: 'Planifier un rappel' },
    description: { en: 'Books a phone call back to the customer.', fr: 'Planifie un rappel téléphonique du client.' },
    params: [
      { name: 'phone', label: { en: 'Phone number', fr: 'Numéro de téléphone' }, type: 'phone', required: true, fromCustomer: 'phone' },
      { name: 'date', label: { en: 'Date', fr: 'Date' }, type: 'date', required: true },
    ],
  },
  {
    id: FAILING_WORKFLOW_ID,
    name: { en: 'Escalate to supervisor', fr: 'Escalader au superviseur' },
    media: ['chat', 'social'],
    params: [],
  },
];

export const SAMPLE_CATALOGUE: Catalogue = {
  templateGroups: SAMPLE_TEMPLATE_GROUPS,
  templates: SAMPLE_TEMPLATES,
  workflows: SAMPLE_WORKFLOWS,
};
