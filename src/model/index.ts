export * from './agent-state.js';
export * from './config.js';
export * from './media.js';
export * from './shortcuts.js';
export * from './state-rules.js';
export * from './text.js';
export * from './time.js';
