/**
 * The emails the simulated customers send (MAIL-1..3, MAIL-8): real emails in the shapes mail clients
 * write them, picked per task from the seed, so that the email thread meets what it will meet in
 * production: the sender's own <style> and layout tables, an inline `cid:` image, remote images and a
 * tracking pixel, quoted history from Gmail, Outlook and Apple Mail several levels deep, attachments one
 * of which the server's PCI check refused, a plain-text email, and a newsletter of some 200 kB made
 * here from repeated blocks. `text` is always the plain-text body, as a mail server's text part.
 * Remote URLs point at hosts that do not answer (example.net): nothing is ever fetched.
 *
 * Loaded on first use, apart from the rest of the simulator (simulated.ts starts loading it with a
 * backend that has an email media, and `connect()` waits for it): its text is most of the simulator's
 * weight, and a page without email never needs it. email-basics.ts holds what is needed before.
 */
import type { MessageAttachment } from '../model/tasks.js';
import { body, esc, headers, mailbox, plainFollowUp, replySubject, type EmailContext, type EmailSample, type InboundEmail } from './email-basics.js';

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const first = (name: string) => name.split(' ')[0]!;
const DAY = 86_400_000;

/** "Mon, 24 Nov 2026 at 09:12", as Gmail and Apple Mail write a date in English. */
function when(at: number): string {
  const [day, date, month, year, time] = new Date(at).toUTCString().split(' ');
  return `${day} ${date} ${month} ${year} at ${time!.slice(0, 5)}`;
}

const SIGN = (ctx: EmailContext) => `Kind regards,\n${ctx.name}`;

/** The inbound email of `sample` from the task's customer. */
export function inboundEmail(sample: EmailSample, ctx: EmailContext): InboundEmail {
  return SAMPLES[sample](ctx);
}

const SAMPLES: Readonly<Record<EmailSample, (ctx: EmailContext) => InboundEmail>> = {
  // (a) Outlook's HTML: the sender's own <style>, a layout table of the items and totals.
  rich(ctx) {
    const items: [string, number, number][] = [
      ['Washing machine WM-814', 1, 549],
      ['Delivery and installation', 1, 39.9],
      ['Anti-vibration pads', 4, 6.5],
    ];
    const euro = (n: number) => `€${n.toFixed(2)}`;
    const total = items.reduce((s, [, q, p]) => s + q * p, 0);
    const rows = items.map(([d, q, p]) => `<tr><td class="item">${esc(d)}</td><td class="num">${q}</td><td class="num">${euro(p)}</td><td class="num">${euro(q * p)}</td></tr>`);
    const html = `<html><head><meta charset="utf-8"><style>
p.MsoNormal{margin:0 0 8pt;font-family:Calibri,sans-serif;font-size:11pt;color:#1f2933}
table.order{border-collapse:collapse;width:100%;max-width:560px}
table.order th{background:#0b5394;color:#fff;text-align:left;padding:6px 8px}
table.order td{border-bottom:1px solid #d9e2ec;padding:6px 8px}
td.num{text-align:right;white-space:nowrap}
tr.total td{font-weight:bold;border-top:2px solid #0b5394}
.note{background:#fff8e1;border-left:4px solid #f0b400;padding:8px 12px}
</style></head><body lang="EN-GB">
<p class="MsoNormal">Hello,</p>
<p class="MsoNormal">The washing machine below was delivered on Monday with a dented door and a cracked drum seal. Order <b>55-1290</b>:</p>
<table class="order" role="presentation"><thead><tr><th>Item</th><th>Qty</th><th>Price</th><th>Total</th></tr></thead><tbody>
${rows.join('\n')}
<tr class="total"><td colspan="3">Paid</td><td class="num">${euro(total)}</td></tr></tbody></table>
<p class="note">I would like the machine <u>replaced</u>, not repaired. I am at home every day after 17:00.</p>
<p class="MsoNormal">${esc(SIGN(ctx)).replace('\n', '<br>')}</p>
</body></html>`;
    const text = [
      'Hello,',
      'The washing machine below was delivered on Monday with a dented door and a cracked drum seal. Order 55-1290:',
      items.map(([d, q, p]) => `${d}  ${q} x ${euro(p)} = ${euro(q * p)}`).join('\n') + `\nPaid: ${euro(total)}`,
      'I would like the machine replaced, not repaired. I am at home every day after 17:00.',
      SIGN(ctx),
    ].join('\n\n');
    return { text, email: headers(ctx, html) };
  },

  // (b) A photo pasted into the body: an inline attachment the HTML names by cid:.
  'inline-image'(ctx) {
    const cid = `image001.png@${ctx.taskId}`;
    const b = body(['Hello,', 'Here is a photo of the damage, taken this morning:']);
    const rest = body(['The mark is about 10 cm long, on the left of the door.', SIGN(ctx)]);
    const html = `<div dir="ltr">${b.html}\n<p><img src="cid:${cid}" alt="Photo of the damaged door" width="240" height="160" style="border:1px solid #ccc"></p>\n${rest.html}</div>`;
    const photo: MessageAttachment = { id: `${ctx.taskId}-image001`, name: 'image001.png', type: 'image/png', size: 117, url: PHOTO, thumbnailUrl: PHOTO, contentId: cid, inline: true };
    return { text: `${b.text}\n\n[image: Photo of the damaged door]\n\n${rest.text}`, email: headers(ctx, html), attachments: [photo] };
  },

  // (c) A business sender's template: a remote logo and banner, and a 1×1 tracking pixel.
  'remote-images'(ctx) {
    const id = Math.floor(ctx.random() * 1e9).toString(36);
    const b = body(['Good afternoon,', `Please find our request regarding ${ctx.subject.toLowerCase()}.`, 'We would appreciate an answer within five working days.', SIGN(ctx)]);
    const html = `<table width="100%" cellpadding="0" cellspacing="0" style="font-family:Arial,sans-serif"><tr><td style="padding:12px 0">
<img src="https://images.example.net/brand/logo-240x60.png" width="240" height="60" alt="Lefebvre &amp; Fils">
</td></tr><tr><td>${b.html}</td></tr><tr><td>
<img src="https://images.example.net/brand/banner-award-2026.jpg" width="560" alt="Supplier of the year 2026" style="display:block;max-width:100%">
<p style="font-size:11px;color:#777">Lefebvre &amp; Fils · 12 rue des Lilas, Lyon · <a href="https://www.example.net/unsubscribe?u=${id}">Unsubscribe</a></p>
</td></tr></table>
<img src="https://track.example.net/open.gif?id=${id}" width="1" height="1" alt="" style="display:none">`;
    return { text: `${b.text}\n\nLefebvre & Fils · 12 rue des Lilas, Lyon`, email: headers(ctx, html) };
  },

  // (d) A reply on top of four levels of history: Gmail, Outlook / Office 365, Apple Mail, Gmail.
  quoted(ctx) {
    const agent = mailbox('Customer care', ctx.support);
    const me = mailbox(ctx.name, ctx.address);
    const levels: Level[] = [
      { style: 'gmail', from: agent, to: me, at: ctx.at - DAY, lines: ['Hello,', 'We have asked the carrier for the delivery report. We will come back to you tomorrow.', 'Customer care'] },
      { style: 'outlook', from: me, to: agent, at: ctx.at - 2 * DAY, lines: ['Hello,', 'Nobody called me to set a date. Who should I ask?', ctx.name] },
      { style: 'apple', from: agent, to: me, at: ctx.at - 4 * DAY, lines: ['Hello,', 'A technician will call you to set a date for the visit.', 'Customer care'] },
      { style: 'gmail', from: me, to: agent, at: ctx.at - 5 * DAY, lines: ['Hello,', `I am writing about ${ctx.subject.toLowerCase()}.`, ctx.name] },
    ];
    const top = body(['Hello,', 'This is the third time I write about this. Could someone call me today, please?', SIGN(ctx)]);
    const quoted = quote(levels, ctx.subject);
    return {
      text: `${top.text}\n\n${quoted.text}`,
      email: headers(ctx, `<div dir="ltr">${top.html}</div><br>${quoted.html}`),
    };
  },

  // (e) Files: an invoice, a spreadsheet, and a scan the server's PCI check refused (MAIL-8).
  attachments(ctx) {
    const b = body(['Hello,', 'Attached are the invoice, the list of what was damaged, and a scan of my card statement showing the double payment.', SIGN(ctx)]);
    const csv = 'Item,Damage,Value (EUR)\r\nDoor,Dent 10 cm,120\r\nDrum seal,Cracked,45\r\n';
    const pdf = minimalPdf('Invoice 2026-11-0417');
    const files: MessageAttachment[] = [
      { id: `${ctx.taskId}-invoice`, name: 'Invoice 2026-11-0417.pdf', type: 'application/pdf', size: pdf.length, url: `data:application/pdf;base64,${btoa(pdf)}` },
      { id: `${ctx.taskId}-list`, name: 'damage-list.csv', type: 'text/csv', size: csv.length, url: `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}` },
      {
        id: `${ctx.taskId}-scan`,
        name: 'card-statement-scan.jpg',
        type: 'image/jpeg',
        size: 284_113,
        url: '', // refused: the server keeps no copy to serve
        pciBlocked: 'Card number found in the file',
      },
    ];
    return { text: b.text, email: headers(ctx, `<div>${b.html}</div>`), attachments: files };
  },

  // (f) Plain text only, as a phone's mail app sends it: line breaks and a bare URL.
  plain(ctx) {
    const text = [
      'Hello,',
      `About ${ctx.subject.toLowerCase()}:\nthe tracking page still says "in transit"\nhttps://tracking.example.net/parcel/6Q2049871FR\nand nobody came on Monday or Tuesday.`,
      'Can you check with the carrier?',
      `Thanks\n${first(ctx.name)}`,
      'Sent from my phone',
    ].join('\n\n');
    return { text, email: headers(ctx) };
  },

  // (g) A newsletter of about 200 kB: a sender who forwarded one, repeated blocks made here.
  newsletter(ctx) {
    const { html, text } = newsletter(ctx.random);
    const intro = body(['Hello,', 'Is the offer below still valid for my contract? See the last article.', first(ctx.name)]);
    const forwarded = `<div>${intro.html}</div><div>---------- Forwarded message ---------<br>From: <b>Home &amp; Co</b> &lt;news@example.net&gt;<br>Subject: Your November offers<br></div><br>`;
    return { text: `${intro.text}\n\n---------- Forwarded message ---------\n${text}`, email: headers(ctx, forwarded + html) };
  },
};

/** A 24×16 picture of a washing machine's door, as the inline image's bytes. */
const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAPElEQVR42mP4TyXAAKEePnlBNhoIg6IqFlBkEFA/JiLZIKymYDVraBmExxRMs0ZoGFEzHVEzZZOT1ygHAPd2wINT6/LyAAAAAElFTkSuQmCC';

/** The smallest PDF a viewer opens, showing one line. */
function minimalPdf(line: string): string {
  const stream = `BT /F1 18 Tf 40 100 Td (${line}) Tj ET`;
  return `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length ${stream.length}>>stream\n${stream}\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
}

interface Level {
  readonly style: 'gmail' | 'outlook' | 'apple';
  readonly from: string;
  readonly to: string;
  readonly at: number;
  readonly lines: readonly string[];
}

/**
 * Quoted history, outermost first, as each client writes it (what email-quotes.ts recognises): Gmail's
 * "On … wrote:" over <div class="gmail_quote">, Outlook's From/Sent/To/Subject block after <hr> in
 * <div id="divRplyFwdMsg">, Apple Mail's <blockquote type="cite">; in text, "> " lines and Outlook's rule.
 */
function quote(levels: readonly Level[], subject: string): { html: string; text: string } {
  if (levels.length === 0) return { html: '', text: '' };
  const [level, ...older] = levels as [Level, ...Level[]];
  const inner = quote(older, subject);
  const own = body(level.lines);
  const html = own.html + (inner.html ? `<br>${inner.html}` : '');
  const text = own.text + (inner.text ? `\n\n${inner.text}` : '');
  const re = `Re: ${subject}`;
  switch (level.style) {
    case 'gmail': {
      const intro = `On ${when(level.at)}, ${level.from} wrote:`;
      return {
        html: `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">${esc(intro)}<br></div><blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">${html}</blockquote></div>`,
        text: `${intro}\n\n${text.replace(/^/gm, '> ')}`,
      };
    }
    case 'outlook': {
      const sent = new Date(level.at).toUTCString().replace(' GMT', '');
      const block = [`From: ${level.from}`, `Sent: ${sent}`, `To: ${level.to}`, `Subject: ${re}`];
      return {
        html: `<div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">${block
          .map((l) => `<b>${esc(l.slice(0, l.indexOf(':') + 1))}</b>${esc(l.slice(l.indexOf(':') + 1))}`)
          .join('<br>')}</font><div>&nbsp;</div></div>${html}`,
        text: `________________________________\n${block.join('\n')}\n\n${text}`,
      };
    }
    case 'apple': {
      const intro = `On ${when(level.at).replace(' at ', ', at ')}, ${level.from} wrote:`;
      return {
        html: `<div><br><blockquote type="cite"><div>${esc(intro)}</div><br>${html}</blockquote></div>`,
        text: `${intro}\n\n${text.replace(/^/gm, '> ')}`,
      };
    }
  }
}

const WORDS = ['offer', 'winter', 'energy', 'saving', 'kitchen', 'garden', 'delivery', 'members', 'free', 'week', 'new', 'range', 'quiet', 'smart', 'home', 'price', 'service', 'repair', 'warranty', 'store'];

/** About 200 kB of newsletter HTML (and its text) from one template block repeated with drawn words. */
function newsletter(random: () => number): { html: string; text: string } {
  const words = (n: number) => Array.from({ length: n }, () => pick(random, WORDS)).join(' ');
  const html: string[] = [
    '<style>.nl{font-family:Georgia,serif;background:#f4f1ea}.nl td.card{background:#fff;padding:16px;border-radius:6px}.nl h2{font-size:20px;color:#7a3e00;margin:0 0 8px}.nl .cta{display:inline-block;background:#7a3e00;color:#fff;padding:8px 14px;text-decoration:none;border-radius:4px}@media (max-width:480px){.nl td.side{display:none}}</style>',
    '<table class="nl" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center"><table width="600" cellpadding="0" cellspacing="12">',
    '<tr><td colspan="2"><img src="https://images.example.net/news/header-november.jpg" width="600" height="180" alt="Home &amp; Co: your November offers"></td></tr>',
  ];
  const text: string[] = ['Home & Co: your November offers'];
  for (let i = 1; i <= 250; i++) {
    const title = `${words(3)} ${i}`.replace(/^./, (c) => c.toUpperCase());
    const para = `${words(28)}.`;
    const href = `https://www.example.net/offers/${i}?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=nov26`;
    html.push(
      `<tr><td class="side" width="180" valign="top"><img src="https://images.example.net/news/item-${i}.jpg" width="180" height="120" alt="${esc(title)}" style="display:block"></td><td class="card" valign="top"><h2>${esc(title)}</h2><p style="margin:0 0 12px;line-height:1.5">${esc(para)}</p><table cellpadding="0" cellspacing="0"><tr><td style="padding-right:8px"><a class="cta" href="${href}">See the offer</a></td><td style="color:#555;font-size:13px">From €${(9 + ((i * 37) % 400)).toFixed(2)} · until 30 Nov</td></tr></table></td></tr>`,
    );
    text.push(`${title}\n${para}\nSee the offer: https://www.example.net/offers/${i}`);
  }
  html.push(
    '<tr><td colspan="2" style="font-size:11px;color:#777">You receive this email as a Home &amp; Co member. <a href="https://www.example.net/unsubscribe">Unsubscribe</a></td></tr></table></td></tr></table><img src="https://track.example.net/open.gif?id=nl-nov26" width="1" height="1" alt="">',
  );
  return { html: html.join('\n'), text: text.join('\n\n') };
}

/** Follow-up lines a customer writes on an open email conversation. */
const FOLLOW_UPS = [
  'Hello,\n\nAny news about this? I have not heard back.',
  'Hello,\n\nI forgot to say: my order number is 55-1290.',
  'Hello,\n\nI can be reached on my mobile all afternoon.',
  'Hello,\n\nJust to add that the problem happened again this morning.',
];

export function makeFollowUpText(random: () => number, name: string): string {
  return `${pick(random, FOLLOW_UPS)}\n\n${SIGN({ name } as EmailContext)}`;
}

/** The longest part of the last email a follow-up quotes: its own words, not its whole history. */
const MAX_QUOTE = 4000;

/**
 * The email a customer sends on an open conversation: "Re: …", over the last email's own words quoted
 * as Gmail does (its older history and anything past `MAX_QUOTE` left off, so that follow-ups do not
 * grow without end), or with no quote when `last` is left out.
 */
export function followUpEmail(ctx: EmailContext, text: string, last?: { readonly from: string; readonly at: number; readonly text: string }): InboundEmail {
  if (!last) return plainFollowUp(ctx, text);
  const own = body(text.split('\n\n'));
  const full = { ...ctx, subject: replySubject(ctx.subject) };
  const history = /^(On .* wrote:|> |_{10,}|-{5,} ?Forwarded)/m.exec(last.text);
  const words = last.text.slice(0, Math.min(history ? history.index : Infinity, MAX_QUOTE)).trim();
  const quoted = quote([{ style: 'gmail', from: last.from, to: mailbox(ctx.name, ctx.address), at: last.at, lines: words.split('\n\n') }], ctx.subject);
  return { text: `${text}\n\n${quoted.text}`, email: headers(full, `<div dir="ltr">${own.html}</div><br>${quoted.html}`) };
}
