/**
 * The icons of the thread, the composer and their panels: loaded with them, on first use (the
 * elements loaded up front use src/ui/icons.ts). Lucide (ISC licence), imported one by one.
 */
import type { TemplateResult } from 'lit';
import { renderIcon, type IconNode } from './icons.js';
export { MEDIA_ICONS } from './icons.js';
import arrowDown from 'lucide/dist/esm/icons/arrow-down.mjs';
import arrowLeft from 'lucide/dist/esm/icons/arrow-left.mjs';
import arrowRightLeft from 'lucide/dist/esm/icons/arrow-right-left.mjs';
import bell from 'lucide/dist/esm/icons/bell.mjs';
import bot from 'lucide/dist/esm/icons/bot.mjs';
import check from 'lucide/dist/esm/icons/check.mjs';
import checkCheck from 'lucide/dist/esm/icons/check-check.mjs';
import chevronDown from 'lucide/dist/esm/icons/chevron-down.mjs';
import chevronLeft from 'lucide/dist/esm/icons/chevron-left.mjs';
import chevronsDownUp from 'lucide/dist/esm/icons/chevrons-down-up.mjs';
import chevronsUpDown from 'lucide/dist/esm/icons/chevrons-up-down.mjs';
import circleAlert from 'lucide/dist/esm/icons/circle-alert.mjs';
import circleCheck from 'lucide/dist/esm/icons/circle-check.mjs';
import circleX from 'lucide/dist/esm/icons/circle-x.mjs';
import clock from 'lucide/dist/esm/icons/clock.mjs';
import download from 'lucide/dist/esm/icons/download.mjs';
import faceSlightlySmiling from 'lucide/dist/esm/icons/face-slightly-smiling.mjs';
import file from 'lucide/dist/esm/icons/file.mjs';
import fileText from 'lucide/dist/esm/icons/file-text.mjs';
import image from 'lucide/dist/esm/icons/image.mjs';
import info from 'lucide/dist/esm/icons/info.mjs';
import list from 'lucide/dist/esm/icons/list.mjs';
import loaderCircle from 'lucide/dist/esm/icons/loader-circle.mjs';
import lock from 'lucide/dist/esm/icons/lock.mjs';
import logOut from 'lucide/dist/esm/icons/log-out.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import maximize2 from 'lucide/dist/esm/icons/maximize-2.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import messagesSquare from 'lucide/dist/esm/icons/messages-square.mjs';
import messageCircleMore from 'lucide/dist/esm/icons/message-circle-more.mjs';
import messageSquareOff from 'lucide/dist/esm/icons/message-square-off.mjs';
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
  bell,
  bot,
  check,
  'check-check': checkCheck,
  'chevron-down': chevronDown,
  'chevron-left': chevronLeft,
  'chevrons-down-up': chevronsDownUp,
  'chevrons-up-down': chevronsUpDown,
  'circle-alert': circleAlert,
  'circle-check': circleCheck,
  'circle-x': circleX,
  clock,
  download,
  'face-slightly-smiling': faceSlightlySmiling,
  file,
  'file-text': fileText,
  image,
  info,
  list,
  'loader-circle': loaderCircle,
  lock,
  'log-out': logOut,
  mail,
  'maximize-2': maximize2,
  'message-circle': messageCircle,
  'message-circle-more': messageCircleMore,
  'messages-square': messagesSquare,
  'message-square-off': messageSquareOff,
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
  trash,
  'triangle-alert': triangleAlert,
  upload,
  user,
  'user-plus': userPlus,
  'wifi-off': wifiOff,
  workflow,
  x,
} as const satisfies Record<string, IconNode>;

export type IconName = keyof typeof NODES;

/** A decorative 24×24 stroke icon sized by the surrounding font (`1.25em` by default, via CSS). */
export function icon(name: IconName, part = 'icon'): TemplateResult {
  return renderIcon(NODES[name], name, part);
}
