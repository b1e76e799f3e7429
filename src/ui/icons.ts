/**
 * Icons from Lucide (ISC licence), imported one by one so a build carries only the icons it uses.
 * Lucide's icon data is trusted package content, turned into SVG markup here once per icon.
 */
import { html, type TemplateResult } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { MediaKind } from '../model/media.js';
import arrowDown from 'lucide/dist/esm/icons/arrow-down.mjs';
import arrowLeft from 'lucide/dist/esm/icons/arrow-left.mjs';
import arrowRightLeft from 'lucide/dist/esm/icons/arrow-right-left.mjs';
import ban from 'lucide/dist/esm/icons/ban.mjs';
import bell from 'lucide/dist/esm/icons/bell.mjs';
import bot from 'lucide/dist/esm/icons/bot.mjs';
import check from 'lucide/dist/esm/icons/check.mjs';
import checkCheck from 'lucide/dist/esm/icons/check-check.mjs';
import chevronDown from 'lucide/dist/esm/icons/chevron-down.mjs';
import chevronLeft from 'lucide/dist/esm/icons/chevron-left.mjs';
import chevronRight from 'lucide/dist/esm/icons/chevron-right.mjs';
import chevronUp from 'lucide/dist/esm/icons/chevron-up.mjs';
import chevronsDownUp from 'lucide/dist/esm/icons/chevrons-down-up.mjs';
import chevronsUpDown from 'lucide/dist/esm/icons/chevrons-up-down.mjs';
import circleAlert from 'lucide/dist/esm/icons/circle-alert.mjs';
import circleCheck from 'lucide/dist/esm/icons/circle-check.mjs';
import circleMinus from 'lucide/dist/esm/icons/circle-minus.mjs';
import circleStop from 'lucide/dist/esm/icons/circle-stop.mjs';
import circleX from 'lucide/dist/esm/icons/circle-x.mjs';
import clock from 'lucide/dist/esm/icons/clock.mjs';
import download from 'lucide/dist/esm/icons/download.mjs';
import faceSlightlySmiling from 'lucide/dist/esm/icons/face-slightly-smiling.mjs';
import file from 'lucide/dist/esm/icons/file.mjs';
import fileText from 'lucide/dist/esm/icons/file-text.mjs';
import headset from 'lucide/dist/esm/icons/headset.mjs';
import image from 'lucide/dist/esm/icons/image.mjs';
import inbox from 'lucide/dist/esm/icons/inbox.mjs';
import info from 'lucide/dist/esm/icons/info.mjs';
import list from 'lucide/dist/esm/icons/list.mjs';
import loaderCircle from 'lucide/dist/esm/icons/loader-circle.mjs';
import lock from 'lucide/dist/esm/icons/lock.mjs';
import logIn from 'lucide/dist/esm/icons/log-in.mjs';
import logOut from 'lucide/dist/esm/icons/log-out.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import maximize2 from 'lucide/dist/esm/icons/maximize-2.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import messageCircleMore from 'lucide/dist/esm/icons/message-circle-more.mjs';
import messageSquareOff from 'lucide/dist/esm/icons/message-square-off.mjs';
import messagesSquare from 'lucide/dist/esm/icons/messages-square.mjs';
import minimize2 from 'lucide/dist/esm/icons/minimize-2.mjs';
import panelLeftClose from 'lucide/dist/esm/icons/panel-left-close.mjs';
import panelLeftOpen from 'lucide/dist/esm/icons/panel-left-open.mjs';
import paperclip from 'lucide/dist/esm/icons/paperclip.mjs';
import phone from 'lucide/dist/esm/icons/phone.mjs';
import refreshCw from 'lucide/dist/esm/icons/refresh-cw.mjs';
import route from 'lucide/dist/esm/icons/route.mjs';
import search from 'lucide/dist/esm/icons/search.mjs';
import sendHorizontal from 'lucide/dist/esm/icons/send-horizontal.mjs';
import smartphone from 'lucide/dist/esm/icons/smartphone.mjs';
import timer from 'lucide/dist/esm/icons/timer.mjs';
import trash from 'lucide/dist/esm/icons/trash.mjs';
import triangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs';
import upload from 'lucide/dist/esm/icons/upload.mjs';
import user from 'lucide/dist/esm/icons/user.mjs';
import userPlus from 'lucide/dist/esm/icons/user-plus.mjs';
import wifiOff from 'lucide/dist/esm/icons/wifi-off.mjs';
import workflow from 'lucide/dist/esm/icons/workflow.mjs';
import x from 'lucide/dist/esm/icons/x.mjs';

const NODES = {
  'arrow-down': arrowDown,
  'arrow-left': arrowLeft,
  'arrow-right-left': arrowRightLeft,
  ban,
  bell,
  bot,
  check,
  'check-check': checkCheck,
  'chevron-down': chevronDown,
  'chevron-left': chevronLeft,
  'chevron-right': chevronRight,
  'chevron-up': chevronUp,
  'chevrons-down-up': chevronsDownUp,
  'chevrons-up-down': chevronsUpDown,
  'circle-alert': circleAlert,
  'circle-check': circleCheck,
  'circle-minus': circleMinus,
  'circle-stop': circleStop,
  'circle-x': circleX,
  clock,
  download,
  'face-slightly-smiling': faceSlightlySmiling,
  file,
  'file-text': fileText,
  headset,
  image,
  inbox,
  info,
  list,
  'loader-circle': loaderCircle,
  lock,
  'log-in': logIn,
  'log-out': logOut,
  mail,
  'maximize-2': maximize2,
  'message-circle': messageCircle,
  'message-circle-more': messageCircleMore,
  'message-square-off': messageSquareOff,
  'messages-square': messagesSquare,
  'minimize-2': minimize2,
  'panel-left-close': panelLeftClose,
  'panel-left-open': panelLeftOpen,
  paperclip,
  phone,
  'refresh-cw': refreshCw,
  route,
  search,
  'send-horizontal': sendHorizontal,
  smartphone,
  timer,
  trash,
  'triangle-alert': triangleAlert,
  upload,
  user,
  'user-plus': userPlus,
  'wifi-off': wifiOff,
  workflow,
  x,
} as const;

export type IconName = keyof typeof NODES;

/** Each media kind's icon (the task list, offers and sign-in dialog use the same ones). */
export const MEDIA_ICONS: Readonly<Record<MediaKind, IconName>> = {
  chat: 'message-circle',
  sms: 'smartphone',
  social: 'message-circle-more',
  email: 'mail',
};

const escapeAttr = (value: string | number) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const markup = new Map<IconName, string>();

function inner(name: IconName): string {
  let text = markup.get(name);
  if (text === undefined) {
    text = NODES[name]
      .map(([tag, attrs]) => {
        const a = Object.entries(attrs)
          .map(([k, v]) => `${k}="${escapeAttr(v)}"`)
          .join(' ');
        return `<${tag} ${a}></${tag}>`;
      })
      .join('');
    markup.set(name, text);
  }
  return text;
}

/** A decorative 24×24 stroke icon sized by the surrounding font (`1.25em` by default, via CSS). */
export function icon(name: IconName, part = 'icon'): TemplateResult {
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
  >${unsafeSVG(inner(name))}</svg>`;
}
