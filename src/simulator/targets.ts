/**
 * The sample routing points of each kind of media (XFER-1), in English and French: what the simulated
 * centre's own configuration gives each media when the page passes none.
 */
import type { MediaKind } from '../model/media.js';
import type { TransferTarget } from '../model/transfer.js';

const BILLING = { id: 'billing', label: { en: 'Billing', fr: 'Facturation' } };
const SUPPORT = { id: 'support', label: { en: 'Technical support', fr: 'Assistance technique' } };
const CLAIMS = { id: 'claims', label: { en: 'Claims', fr: 'Réclamations' } };
const SALES = { id: 'sales', label: { en: 'Sales', fr: 'Ventes' } };
const RETENTION = { id: 'retention', label: { en: 'Customer retention', fr: 'Fidélisation' } };

export const SAMPLE_TRANSFER_TARGETS: Readonly<Record<MediaKind, readonly TransferTarget[]>> = {
  chat: [BILLING, SUPPORT, CLAIMS, SALES, RETENTION],
  sms: [BILLING, SUPPORT, CLAIMS, { id: 'sms-escalation', label: { en: 'SMS escalation', fr: 'Escalade SMS' } }],
  social: [BILLING, SUPPORT, { id: 'social-care', label: { en: 'Social care team', fr: 'Équipe réseaux sociaux' } }],
  email: [BILLING, CLAIMS, { id: 'back-office', label: { en: 'Back office', fr: 'Service administratif' } }],
};
