/**
 * What a person sees, as pixels: a test asks the server for a screenshot of a rectangle of its page
 * (CSS pixels, relative to the viewport) and reads the colours in the browser (test/support/pixels.ts).
 * From a test: `executeServerCommand('dc-screenshot', {x, y, width, height})` gives a base64 PNG.
 */

export function pixelsPlugin() {
  return {
    name: 'dc-pixels',
    async executeCommand({ command, payload, session }) {
      if (command !== 'dc-screenshot') return undefined;
      const { x, y, width, height } = payload ?? {};
      if (![x, y, width, height].every((n) => Number.isFinite(n)) || width <= 0 || height <= 0) {
        throw new Error('dc-screenshot needs {x, y, width, height} in CSS pixels');
      }
      const page = session.browser.getPage(session.id);
      return page.screenshot({ clip: { x, y, width, height }, encoding: 'base64', captureBeyondViewport: false });
    },
  };
}
