/**
 * dc-widgets/simulator.js: the simulated contact centre, an in-browser `DcBackend` for the demo, the
 * stories, the tests and anyone trying the kit, with its sample templates and workflows. It is not part
 * of the production kit: nothing there imports it statically, and `npm run build` fails if its code
 * reaches a production file. `<dc-provider backend="simulated">` loads it on first use (see
 * src/backend/load-simulator.ts); a page that wants its options imports it and passes the object:
 *
 * ```ts
 * import { SimulatedBackend } from 'dc-widgets/simulator.js';
 * provider.backend = new SimulatedBackend({ config: resolveConfig(config), offersPerMinute: 2 });
 * ```
 */
export * from './simulated.js';
export * from './catalogue.js';
