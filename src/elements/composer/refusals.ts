/**
 * Refused files (COMP-4, HOSTILE-19, HOSTILE-20), in words and on screen: up to {@link LISTED} named one
 * by one with their reasons, more as a count and one line per reason with the first names, in an area of
 * bounded height that scrolls, so that a thousand files dropped at once never push Send out of sight. A
 * module of its own, loaded the first time a file is refused: most sessions never need it.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str, getLocale } from '../../i18n/localization.js';
import { formatBytes, type AttachmentLimits, type AttachmentRejection } from '../../model/attachments.js';
import type { ContentFormat } from '../../model/content.js';
import { icon } from '../../ui/conversation-icons.js';

/** Up to this many refusals are named one by one; more are summarised by reason. */
export const LISTED = 5;

/** One refused file, as the composer keeps it: its name, why, and for a mismatch the formats that disagree. */
export interface Refusal {
  readonly name: string;
  readonly reason: AttachmentRejection;
  readonly claimed?: ContentFormat | undefined;
  readonly found?: ContentFormat | undefined;
}

/** A format as a noun phrase, for the sentences that say a file is not what it claims (HOSTILE-20). */
export function formatWords(format: ContentFormat | undefined): string {
  switch (format) {
    case 'pdf':
      return msg('a PDF document', { id: 'composer.format-pdf' });
    case 'png':
      return msg('a PNG image', { id: 'composer.format-png' });
    case 'jpeg':
      return msg('a JPEG image', { id: 'composer.format-jpeg' });
    case 'gif':
      return msg('a GIF image', { id: 'composer.format-gif' });
    case 'webp':
      return msg('a WebP image', { id: 'composer.format-webp' });
    case 'zip':
      return msg('a ZIP archive or an office document', { id: 'composer.format-zip' });
    case 'ole':
      return msg('an Office 97–2003 document', { id: 'composer.format-ole' });
    case 'rtf':
      return msg('an RTF document', { id: 'composer.format-rtf' });
    case 'html':
      return msg('a web page (HTML)', { id: 'composer.format-html' });
    case 'xml':
      return msg('an XML document', { id: 'composer.format-xml' });
    case 'svg':
      return msg('an SVG image', { id: 'composer.format-svg' });
    case 'executable':
      return msg('a program', { id: 'composer.format-executable' });
    case 'text':
      return msg('text', { id: 'composer.format-text' });
    case 'unknown':
    case undefined:
      return msg('data of another kind', { id: 'composer.format-unknown' });
  }
}

/** Why one file was not attached, naming it and the limit it broke. */
export function rejectionText(refusal: Refusal, limits: AttachmentLimits): string {
  const { name, reason } = refusal;
  switch (reason) {
    case 'too-large': {
      const limit = formatBytes(limits.maxBytes, getLocale());
      return msg(str`“${name}” is too large: files can be up to ${limit}.`, { id: 'composer.reject-too-large' });
    }
    case 'forbidden-type':
      return msg(str`“${name}” is a type of file that cannot be sent.`, { id: 'composer.reject-type' });
    case 'too-many': {
      const max = limits.maxCount;
      return msg(str`“${name}” was not attached: a message holds at most ${max} files.`, { id: 'composer.reject-too-many' });
    }
    case 'empty':
      return msg(str`“${name}” is empty.`, { id: 'composer.reject-empty' });
    case 'duplicate':
      return msg(str`“${name}” is already attached.`, { id: 'composer.reject-duplicate' });
    case 'unreadable':
      return msg(str`“${name}” could not be read.`, { id: 'composer.reject-unreadable' });
    case 'unchecked':
      return msg(str`“${name}” could not be checked: attach it again.`, { id: 'composer.reject-unchecked' });
    case 'type-mismatch': {
      const typed = formatWords(refusal.found);
      const named = formatWords(refusal.claimed);
      return msg(str`“${name}” was not attached: its type says ${typed}, its name ${named}.`, { id: 'composer.reject-type-mismatch' });
    }
    case 'content-mismatch': {
      const found = formatWords(refusal.found);
      const claimed = formatWords(refusal.claimed);
      return msg(str`“${name}” was not attached: it holds ${found}, not ${claimed}.`, { id: 'composer.reject-content-mismatch' });
    }
  }
}

/** HOSTILE-19: how many files a drop left out, above the reasons. */
export function refusalsSummaryText(count: number): string {
  return msg(str`${count} files were not added:`, { id: 'composer.refusals-summary' });
}

/** HOSTILE-19: a reason, as the heading of the files it refused. */
function refusalReasonText(reason: AttachmentRejection, limits: AttachmentLimits): string {
  switch (reason) {
    case 'too-large': {
      const limit = formatBytes(limits.maxBytes, getLocale());
      return msg(str`Larger than ${limit}`, { id: 'composer.refusals-too-large' });
    }
    case 'forbidden-type':
      return msg('Types of file that cannot be sent', { id: 'composer.refusals-type' });
    case 'too-many': {
      const max = limits.maxCount;
      return msg(str`Over the limit of ${max} files per message`, { id: 'composer.refusals-too-many' });
    }
    case 'empty':
      return msg('Empty', { id: 'composer.refusals-empty' });
    case 'duplicate':
      return msg('Already attached', { id: 'composer.refusals-duplicate' });
    case 'unreadable':
      return msg('Could not be read', { id: 'composer.refusals-unreadable' });
    case 'unchecked':
      return msg('Could not be checked: attach them again', { id: 'composer.refusals-unchecked' });
    case 'type-mismatch':
      return msg('A type that does not match the name', { id: 'composer.refusals-type-mismatch' });
    case 'content-mismatch':
      return msg('Content that is not what the name says', { id: 'composer.refusals-content-mismatch' });
  }
}

/** How many names a summary line shows before "and N more". */
const NAMES_SHOWN = 10;

/** HOSTILE-19: one reason's line of a summary: the reason, how many, the first names. */
export function refusalGroupText(reason: AttachmentRejection, names: readonly string[], limits: AttachmentLimits): string {
  const label = refusalReasonText(reason, limits);
  const count = names.length;
  const shown = names
    .slice(0, NAMES_SHOWN)
    .map((name) => msg(str`“${name}”`, { id: 'composer.quoted-name' }))
    .join(', ');
  const more = count - NAMES_SHOWN;
  const list = more > 0 ? msg(str`${shown} and ${more} more`, { id: 'composer.refusals-more' }) : shown;
  return msg(str`${label} (${count}): ${list}`, { id: 'composer.refusals-group' });
}

/**
 * The refusals, inside the composer's alert region: the list, or the summary, in its bounded area
 * (`.refusal-list`, which the composer makes focusable when it scrolls), and Dismiss.
 */
export function renderRefusals(refusals: readonly Refusal[], limits: AttachmentLimits, dismiss: () => void): TemplateResult {
  let content: TemplateResult;
  if (refusals.length <= LISTED) {
    content = html`<ul>
      ${refusals.map((r) => html`<li>${rejectionText(r, limits)}</li>`)}
    </ul>`;
  } else {
    const groups = new Map<AttachmentRejection, string[]>();
    for (const r of refusals) {
      const names = groups.get(r.reason);
      if (names) names.push(r.name);
      else groups.set(r.reason, [r.name]);
    }
    content = html`<p class="refusal-summary">${refusalsSummaryText(refusals.length)}</p>
      <ul>
        ${[...groups].map(([reason, names]) => html`<li>${refusalGroupText(reason, names, limits)}</li>`)}
      </ul>`;
  }
  const label = msg('Dismiss', { id: 'composer.dismiss' });
  return html`<div class="rejections error" part="refusals">
    ${icon('circle-alert')}
    <div class="refusal-list" role="group" aria-label=${msg('Files not attached', { id: 'composer.refusals' })}>${content}</div>
    <button class="icon-button" aria-label=${label} title=${label} @click=${dismiss}>${icon('x')}</button>
  </div>`;
}
