/** The email toolbar's icons (Lucide, ISC licence), imported one by one; loaded with the email reply only. */
import type { TemplateResult } from 'lit';
import { renderIcon, type IconNode } from '../../ui/icons.js';
import baseline from 'lucide/dist/esm/icons/baseline.mjs';
import columns3 from 'lucide/dist/esm/icons/columns-3.mjs';
import heading1 from 'lucide/dist/esm/icons/heading-1.mjs';
import indentDecrease from 'lucide/dist/esm/icons/list-indent-decrease.mjs';
import indentIncrease from 'lucide/dist/esm/icons/list-indent-increase.mjs';
import link from 'lucide/dist/esm/icons/link.mjs';
import list from 'lucide/dist/esm/icons/list.mjs';
import listOrdered from 'lucide/dist/esm/icons/list-ordered.mjs';
import rows3 from 'lucide/dist/esm/icons/rows-3.mjs';
import table from 'lucide/dist/esm/icons/table.mjs';
import textQuote from 'lucide/dist/esm/icons/text-quote.mjs';

const NODES = {
  baseline,
  'columns-3': columns3,
  'heading-1': heading1,
  'indent-decrease': indentDecrease,
  'indent-increase': indentIncrease,
  link,
  list,
  'list-ordered': listOrdered,
  'rows-3': rows3,
  table,
  'text-quote': textQuote,
} as unknown as Readonly<Record<string, IconNode>>;

export type ToolbarIcon = 'baseline' | 'columns-3' | 'heading-1' | 'indent-decrease' | 'indent-increase' | 'link' | 'list' | 'list-ordered' | 'rows-3' | 'table' | 'text-quote';

export function toolbarIcon(name: ToolbarIcon): TemplateResult {
  return renderIcon(NODES[name]!, name);
}
