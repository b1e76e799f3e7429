export * from './catalogue.js';
export * from './clock.js';
export * from './events.js';
export * from './simulated.js';
export * from './types.js';
