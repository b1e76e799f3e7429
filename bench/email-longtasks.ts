/**
 * The email frame's main-thread cost on a 200 kB email (MAIL-3): the longest task while the email is
 * sanitised (`prepareEmail`, in batches) and while the whole frame renders, seen by a Long Tasks
 * PerformanceObserver; beside it, the one task DOMPurify takes on the same email in one go. Two
 * shapes: many top-level blocks, and a newsletter's single outer table. Run by
 * scripts/measure-email-longtasks.mjs.
 */
import '../src/elements/email-thread/email-frame.js';
import type { DcEmailFrame } from '../src/elements/email-thread/email-frame.js';
import { loadEmailSanitiser, sanitiseEmail } from '../src/elements/internal/email-sanitise.js';
import { prepareEmail } from '../src/elements/email-thread/prepare.js';


function row(i: number): string {
  return (
    `<tr><td style="padding:12px;border-bottom:1px solid #eee"><img src="https://news.example/img/p${i}.png" width="120" height="90" alt="Product ${i}"></td>` +
    `<td style="padding:12px;font-family:Georgia,serif"><h2 style="margin:0 0 6px;color:#036">Offer ${i}</h2><p>Everything for the garden, ${i % 40}% off this week. ` +
    `<a href="https://news.example/o/${i}?utm_source=mail&amp;utm_campaign=spring">See the offer</a> · <b>Free delivery</b> · <i>while stocks last</i></p></td></tr>`
  );
}

/** An email of about `kb` kilobytes: product rows in a newsletter's outer table, or as many top-level blocks. */
function email(shape: 'blocks' | 'table', kb: number): string {
  const style = '<style>.inner{width:640px} h2{font-size:18px} a{color:#036}</style>';
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    const r = row(i);
    rows.push(r);
    size += r.length;
  }
  if (shape === 'table') return `${style}<div class="wrap"><table class="inner" cellpadding="0" cellspacing="0">${rows.join('')}</table></div>`;
  return style + rows.map((r) => `<table class="inner" cellpadding="0" cellspacing="0">${r}</table>`).join('');
}

function observe(): { stop(): number[] } {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    stop() {
      observer.disconnect();
      return tasks;
    },
  };
}

const idle = () => new Promise((r) => setTimeout(r, 300));

(window as unknown as { dcBench: unknown }).dcBench = {
  async run(shape: 'blocks' | 'table', kb: number) {
    const html = email(shape, kb);
    await loadEmailSanitiser();
    // Warm-up: the sanitiser's code compiled as it would be after the first email.
    sanitiseEmail('<p>warm</p>', { loadImages: false });
    await idle();

    let watch = observe();
    const t0 = performance.now();
    const once = sanitiseEmail(html, { loadImages: false });
    const oneGoMs = performance.now() - t0;
    await idle();
    const oneGoTasks = watch.stop();

    watch = observe();
    const t1 = performance.now();
    const prepared = await prepareEmail(html, { loadImages: false, inline: new Map() });
    const preparedMs = performance.now() - t1;
    await idle();
    const prepareTasks = watch.stop();

    // One batch's worth (16 kB of rows, whole elements) in one go: the size of the longest slice.
    const piece = html.slice(html.indexOf('<tr>'), html.indexOf('<tr>', 16_000));
    const t3 = performance.now();
    sanitiseEmail(`<table>${piece}</table>`, { loadImages: false });
    const batchMs = performance.now() - t3;

    watch = observe();
    const t2 = performance.now();
    const frame = document.createElement('dc-email-frame') as DcEmailFrame;
    frame.html = html;
    frame.owner = {};
    document.getElementById('stage')!.append(frame);
    await frame.frameReady;
    const frameMs = performance.now() - t2;
    await idle();
    const frameTasks = watch.stop();
    frame.remove();
    const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
    return {
      shape,
      bytes: html.length,
      blocked: prepared.blocked,
      sameBlocked: once.blocked === prepared.blocked,
      oneGo: { ms: oneGoMs, longestTaskMs: max(oneGoTasks) },
      batched: { ms: preparedMs, longestTaskMs: max(prepareTasks), longTasks: prepareTasks.length, oneBatchMs: batchMs },
      frame: { ms: frameMs, longestTaskMs: max(frameTasks), longTasks: frameTasks.map((t) => Math.round(t)) },
    };
  },
};
