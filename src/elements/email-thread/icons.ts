/** The email thread's own icons (Lucide, ISC licence), loaded with it. */
import type { TemplateResult } from 'lit';
import { renderIcon, type IconNode } from '../../ui/icons.js';
import chevronDown from 'lucide/dist/esm/icons/chevron-down.mjs';
import chevronRight from 'lucide/dist/esm/icons/chevron-right.mjs';
import circleAlert from 'lucide/dist/esm/icons/circle-alert.mjs';
import download from 'lucide/dist/esm/icons/download.mjs';
import ellipsis from 'lucide/dist/esm/icons/ellipsis.mjs';
import eye from 'lucide/dist/esm/icons/eye.mjs';
import forward from 'lucide/dist/esm/icons/forward.mjs';
import imageOff from 'lucide/dist/esm/icons/image-off.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import paperclip from 'lucide/dist/esm/icons/paperclip.mjs';
import reply from 'lucide/dist/esm/icons/reply.mjs';
import replyAll from 'lucide/dist/esm/icons/reply-all.mjs';
import shieldAlert from 'lucide/dist/esm/icons/shield-alert.mjs';
import userPlus from 'lucide/dist/esm/icons/user-plus.mjs';
import x from 'lucide/dist/esm/icons/x.mjs';
import arrowUp from 'lucide/dist/esm/icons/arrow-up.mjs';

const NODES = {
  'arrow-up': arrowUp,
  'chevron-down': chevronDown,
  'chevron-right': chevronRight,
  'circle-alert': circleAlert,
  download,
  ellipsis,
  eye,
  forward,
  'image-off': imageOff,
  mail,
  paperclip,
  reply,
  'reply-all': replyAll,
  'shield-alert': shieldAlert,
  'user-plus': userPlus,
  x,
} as const satisfies Record<string, IconNode>;

export type EmailIconName = keyof typeof NODES;

/** A decorative icon sized by the surrounding font. */
export function emailIcon(name: EmailIconName, part = 'icon'): TemplateResult {
  return renderIcon(NODES[name], name, part);
}
