/**
 * Icons from Lucide (ISC licence), imported one by one so a build carries only the icons it uses.
 * Lucide's icon data is trusted package content, turned into SVG markup here once per icon.
 */
import { html, type TemplateResult } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { MediaKind } from '../model/media.js';
import ban from 'lucide/dist/esm/icons/ban.mjs';
import check from 'lucide/dist/esm/icons/check.mjs';
import chevronDown from 'lucide/dist/esm/icons/chevron-down.mjs';
import chevronLeft from 'lucide/dist/esm/icons/chevron-left.mjs';
import chevronRight from 'lucide/dist/esm/icons/chevron-right.mjs';
import chevronUp from 'lucide/dist/esm/icons/chevron-up.mjs';
import circleAlert from 'lucide/dist/esm/icons/circle-alert.mjs';
import circleCheck from 'lucide/dist/esm/icons/circle-check.mjs';
import circleMinus from 'lucide/dist/esm/icons/circle-minus.mjs';
import circleStop from 'lucide/dist/esm/icons/circle-stop.mjs';
import headset from 'lucide/dist/esm/icons/headset.mjs';
import inbox from 'lucide/dist/esm/icons/inbox.mjs';
import info from 'lucide/dist/esm/icons/info.mjs';
import loaderCircle from 'lucide/dist/esm/icons/loader-circle.mjs';
import logIn from 'lucide/dist/esm/icons/log-in.mjs';
import logOut from 'lucide/dist/esm/icons/log-out.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import messageCircleMore from 'lucide/dist/esm/icons/message-circle-more.mjs';
import messagesSquare from 'lucide/dist/esm/icons/messages-square.mjs';
import phone from 'lucide/dist/esm/icons/phone.mjs';
import refreshCw from 'lucide/dist/esm/icons/refresh-cw.mjs';
import smartphone from 'lucide/dist/esm/icons/smartphone.mjs';
import timer from 'lucide/dist/esm/icons/timer.mjs';
import triangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs';
import wifiOff from 'lucide/dist/esm/icons/wifi-off.mjs';
import x from 'lucide/dist/esm/icons/x.mjs';

/** Lucide's data for one icon: its SVG elements and their attributes. */
export type IconNode = readonly (readonly [string, Readonly<Record<string, string | number>>])[];

/**
 * The icons of the elements loaded up front. The thread, the composer and their panels have their own
 * set (src/ui/conversation-icons.ts), so that their icons load with them, on first use.
 */
const NODES = {
  ban,
  check,
  'chevron-down': chevronDown,
  'chevron-left': chevronLeft,
  'chevron-right': chevronRight,
  'chevron-up': chevronUp,
  'circle-alert': circleAlert,
  'circle-check': circleCheck,
  'circle-minus': circleMinus,
  'circle-stop': circleStop,
  headset,
  inbox,
  info,
  'loader-circle': loaderCircle,
  'log-in': logIn,
  'log-out': logOut,
  mail,
  'message-circle': messageCircle,
  'message-circle-more': messageCircleMore,
  'messages-square': messagesSquare,
  phone,
  'refresh-cw': refreshCw,
  smartphone,
  timer,
  'triangle-alert': triangleAlert,
  'wifi-off': wifiOff,
  x,
} as const satisfies Record<string, IconNode>;

export type IconName = keyof typeof NODES;

/** Each media kind's icon (the task list, offers and sign-in dialog use the same ones). */
export const MEDIA_ICONS = {
  chat: 'message-circle',
  sms: 'smartphone',
  social: 'message-circle-more',
  email: 'mail',
} as const satisfies Readonly<Record<MediaKind, IconName>>;

const escapeAttr = (value: string | number) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const markup = new Map<IconNode, string>();

function inner(node: IconNode): string {
  let text = markup.get(node);
  if (text === undefined) {
    text = node
      .map(([tag, attrs]) => {
        const a = Object.entries(attrs)
          .map(([k, v]) => `${k}="${escapeAttr(v)}"`)
          .join(' ');
        return `<${tag} ${a}></${tag}>`;
      })
      .join('');
    markup.set(node, text);
  }
  return text;
}

/** A decorative 24×24 stroke icon sized by the surrounding font (`1.25em` by default, via CSS). */
export function renderIcon(node: IconNode, name: string, part = 'icon'): TemplateResult {
  return html`<svg
    part=${part}
    class="icon icon-${name}"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >${unsafeSVG(inner(node))}</svg>`;
}

/** An icon of the up-front set, by name. */
export function icon(name: IconName, part = 'icon'): TemplateResult {
  return renderIcon(NODES[name], name, part);
}
