/**
 * The one way the production kit reaches the simulated contact centre: on demand, never statically, so
 * that a page that does not ask for it never downloads it (`<dc-provider backend="simulated">`, or a
 * script-tag host calling `DcWidgets.loadSimulator()`).
 *
 * In the ES-module build this `import()` is a chunk of its own (the `dc-widgets/simulator.js` entry).
 * The script-tag bundle, which has no chunks, loads `dc-widgets-simulator.js` from beside itself
 * instead, found from the script's own address (rollup.config.mjs rewrites this import there); that
 * file takes the kit's model and backend code from `window.DcWidgets`, so both share one copy.
 */
export type SimulatorModule = typeof import('../simulator/index.js');

export function loadSimulator(): Promise<SimulatorModule> {
  return import('../simulator/index.js');
}
