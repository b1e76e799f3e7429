import { msg } from '../../i18n/localization.js';
import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { icon } from '../../ui/icons.js';
import { DcElement } from '../internal/dc-element.js';

/**
 * A banner across the top of the kit while the connection to the server is lost (FAIL-1), and while the
 * state is re-read after it returns (FAIL-2). Hidden the rest of the time.
 *
 * @summary "Connection lost" and "Restoring your state" banner.
 *
 * @csspart banner - The banner.
 * @cssstate offline - The connection is lost.
 * @cssstate restoring - Connected again, re-reading the state.
 */
@customElement('dc-connection-banner')
export class DcConnectionBanner extends DcElement {
  static override styles = [
    ...DcElement.styles,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--_dc-border);
        font-weight: 600;
      }
      .offline {
        background: var(--_dc-danger-surface);
        color: var(--_dc-text);
        border-bottom-color: var(--_dc-danger);
      }
      .restoring {
        background: var(--_dc-warning-surface);
        border-bottom-color: var(--_dc-partial);
      }
      .icon {
        width: 1.25em;
        height: 1.25em;
      }
    `,
  ];

  #view = this.select((s) => ({ connection: s.connection, lost: s.lostAt !== undefined }));

  protected override render() {
    const view = this.#view.value;
    const mode = !view ? undefined : view.connection === 'offline' ? 'offline' : view.lost ? 'restoring' : undefined;
    this.setStates(['offline', 'restoring'], [mode]);
    // The live region is always there, so that screen readers announce the text when it appears.
    return html`<div role="status" aria-live="polite">
      ${mode === 'offline'
        ? html`<div class="banner offline" part="banner">
            ${icon('wifi-off')}
            <span
              >${msg('Connection to the server lost. Reconnecting… Your channels and work are kept.', {
                id: 'banner.offline',
              })}</span
            >
          </div>`
        : mode === 'restoring'
          ? html`<div class="banner restoring" part="banner">
              ${icon('refresh-cw')}
              <span
                >${msg('Connected again. Restoring your channel states; the controls return in a moment.', {
                  id: 'banner.restoring',
                })}</span
              >
            </div>`
          : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-connection-banner': DcConnectionBanner;
  }
}
