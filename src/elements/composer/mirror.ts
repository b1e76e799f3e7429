/**
 * What the composer draws around its plain text: the mirror layer behind the textarea, which marks
 * template fields (COMP-7) and styles (COMP-9) without changing a glyph's width, and the formatted
 * preview line under the box. Both read the same runs (`textRuns`), text-only bindings throughout.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { textRuns, type StyleSpan } from '../../model/compose.js';
import { isFieldFilled, type TemplateField } from '../../model/templates.js';

/**
 * The mirror's content: the same text in the same font (transparent), each run in a `<span>` whose
 * classes draw its look: `field` (filled) or `field unfilled`, and `bold`, `italic` or `strike`. A
 * final space keeps a trailing line break as tall as the textarea makes it.
 */
export function mirrorContent(text: string, spans: readonly StyleSpan[], fields: readonly TemplateField[]): TemplateResult {
  const runs = textRuns(text.length, spans, fields);
  return html`${runs.map((run) => {
    const field = run.field === undefined ? undefined : fields[run.field];
    const classes = [
      field ? (isFieldFilled(field) ? 'field' : 'field unfilled') : '',
      run.style ?? '',
      field && run.start === run.end ? 'empty' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const piece = text.slice(run.start, run.end);
    return classes ? html`<span class=${classes}>${piece}</span>` : piece;
  })} `;
}

/** The formatted preview: `<strong>`, `<em>` and `<s>` over the styled runs; nothing when no style is set. */
export function previewContent(text: string, spans: readonly StyleSpan[]): TemplateResult | typeof nothing {
  if (!spans.some((s) => s.end > s.start)) return nothing;
  return html`${textRuns(text.length, spans).map((run) => {
    const piece = text.slice(run.start, run.end);
    switch (run.style) {
      case 'bold':
        return html`<strong>${piece}</strong>`;
      case 'italic':
        return html`<em>${piece}</em>`;
      case 'strike':
        return html`<s>${piece}</s>`;
      default:
        return piece;
    }
  })}`;
}
