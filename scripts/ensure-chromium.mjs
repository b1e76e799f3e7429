// Run before the browser tests: says how to get Chromium when there is none.
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';

const path = findChromium();
if (!path) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}
console.log(`Browser tests run in ${path}`);
