/**
 * Colours on screen, for tests of what a person can read: a screenshot of a rectangle of the page
 * (taken by the test server, test/support/pixels.mjs), decoded here into RGB pixels.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Rgb = readonly [number, number, number];

/** The pixels inside `rect` (viewport coordinates, CSS pixels) as the screen shows them now. */
export async function pixelsOf(rect: DOMRect): Promise<Rgb[]> {
  const x = Math.max(0, Math.floor(rect.left));
  const y = Math.max(0, Math.floor(rect.top));
  const width = Math.max(1, Math.floor(rect.right) - x);
  const height = Math.max(1, Math.floor(rect.bottom) - y);
  const png = await executeServerCommand<string, { x: number; y: number; width: number; height: number }>('dc-screenshot', { x, y, width, height });
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const pixels: Rgb[] = [];
  for (let i = 0; i < data.length; i += 4) pixels.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  return pixels;
}

/** A CSS colour as RGB (`rgb(…)` as computed styles give it). */
export function rgbOf(color: string): Rgb {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

/** How far apart two colours are (the largest difference of one channel). */
export const distance = (a: Rgb, b: Rgb): number => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
