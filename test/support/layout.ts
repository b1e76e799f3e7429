/**
 * What a person sees of an element and how they reach it with the mouse: the element a click at its
 * centre would land on, and a real click there.
 */
import { sendMouse } from '@web/test-runner-commands';

/** The centre of an element's box, in the window's coordinates. */
export function centre(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}

/**
 * Whether the element is on show: its centre is inside the window and nothing covers it there (the
 * element found at that point, in the element's own shadow root, is the element or inside it).
 */
export function onShow(el: Element | null | undefined): boolean {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  const [x, y] = centre(el);
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
  const hit = (el.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
  return !!hit && (hit === el || el.contains(hit));
}

/** What covers the element's centre, for a failing assertion's message. */
export function coveredBy(el: Element): string {
  const [x, y] = centre(el);
  const hit = (el.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
  return hit ? `${hit.localName}${hit.id ? `#${hit.id}` : ''}.${[...hit.classList].join('.')} at ${Math.round(x)},${Math.round(y)}` : `nothing at ${Math.round(x)},${Math.round(y)}`;
}

/** A real mouse click at the element's centre. */
export async function clickAt(el: Element): Promise<void> {
  const [x, y] = centre(el);
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
}
