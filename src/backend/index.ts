// The backend interface, its event checks and clocks. The simulated contact centre is apart:
// `dc-widgets/simulator.js`, or `loadSimulator()` on demand.
export * from './clock.js';
export * from './events.js';
export * from './load-simulator.js';
export * from './types.js';
