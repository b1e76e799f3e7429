import { expect } from '@open-wc/testing';
import { resolveConfig } from '../../src/model/config.js';
import { DEFAULT_EMAIL_CONFIG, emailState, imagesAllowed, resolveEmailConfig, signatureFor } from '../../src/model/email.js';

// MAIL-1, MAIL-3, MAIL-5: the email media's configuration is checked at the boundary; a bad part is
// named and left at its default, the rest kept.
describe('email configuration and state (MAIL-1, MAIL-3, MAIL-5)', () => {
  it('keeps every good part of an email section and names each bad one', () => {
    const problems: string[] = [];
    const config = resolveEmailConfig(
      {
        selfAddresses: [' support@shop.example ', ''],
        confirmOutsideDomain: 'yes',
        trustedDomains: 'partner.example',
        signatures: [{ queue: 'billing', html: '<p>Billing</p>' }, { html: '<p>Shop</p>' }, { queue: 3, html: 'x' }, 'nope'],
        imagesAllowedFrom: ['@newsletter.example'],
      },
      'media.email.email',
      (path, problem) => problems.push(`${path} ${problem}`),
    );
    expect(config.selfAddresses).to.deep.equal(['support@shop.example']);
    expect(config.confirmOutsideDomain).to.equal(true);
    expect(config.trustedDomains).to.deep.equal([]);
    expect(config.signatures).to.deep.equal([
      { queue: 'billing', html: '<p>Billing</p>' },
      { queue: '*', html: '<p>Shop</p>' },
    ]);
    expect(config.imagesAllowedFrom).to.deep.equal(['@newsletter.example']);
    expect([...problems].sort()).to.deep.equal([
      'media.email.email.confirmOutsideDomain must be true or false',
      'media.email.email.signatures[2] must be {queue, html} with html a string',
      'media.email.email.signatures[3] must be {queue, html} with html a string',
      'media.email.email.trustedDomains must be a list of strings',
    ]);
  });

  it('gives every media the defaults, and the email media what the host set', () => {
    const config = resolveConfig({ media: { chat: {}, email: { email: { selfAddresses: ['me@shop.example'] } } } });
    expect(config.media.find((m) => m.id === 'chat')!.email).to.deep.equal(DEFAULT_EMAIL_CONFIG);
    expect(config.media.find((m) => m.id === 'email')!.email.selfAddresses).to.deep.equal(['me@shop.example']);
  });

  it('picks the queue’s signature, else the one for every queue', () => {
    const config = resolveEmailConfig({ signatures: [{ html: 'all' }, { queue: 'billing', html: 'bill' }] }, 'e', () => {});
    expect(signatureFor(config, 'billing')).to.equal('bill');
    expect(signatureFor(config, 'sales')).to.equal('all');
    expect(signatureFor(DEFAULT_EMAIL_CONFIG, 'sales')).to.equal(undefined);
  });

  it('loads images without asking only for a listed address or @domain', () => {
    const allowed = ['@newsletter.example', 'ana@example.com'];
    expect(imagesAllowed(allowed, 'News <info@Newsletter.example>')).to.equal(true);
    expect(imagesAllowed(allowed, 'ana@example.com')).to.equal(true);
    expect(imagesAllowed(allowed, 'bob@example.com')).to.equal(false);
    expect(imagesAllowed(allowed, 'info@evil-newsletter.example')).to.equal(false);
  });

  it('names an email’s state from its author and receipt (sent, received, DR)', () => {
    expect(emailState({ from: 'customer' })).to.equal('received');
    expect(emailState({ from: 'agent', receipt: 'sending' })).to.equal('sending');
    expect(emailState({ from: 'agent', receipt: 'sent' })).to.equal('sent');
    expect(emailState({ from: 'agent', receipt: 'delivered' })).to.equal('dr');
    expect(emailState({ from: 'agent', receipt: 'read' })).to.equal('dr');
    expect(emailState({ from: 'agent', receipt: 'failed' })).to.equal('failed');
  });
});
