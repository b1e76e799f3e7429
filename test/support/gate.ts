/**
 * Holding and failing this page's requests for modules loaded on first use (test/support/module-gate.mjs):
 * the gate is scoped to this page by a cookie, so other test files are never held.
 */
import { executeServerCommand } from '@web/test-runner-commands';

const scope = crypto.randomUUID();
document.cookie = `dc-gate=${scope}; path=/; SameSite=Strict`;

/** Holds this page's requests for the module (a path under the server's root, without extension). */
export const hold = (path: string) => executeServerCommand('dc-hold-module', { scope, path });

/** Lets the held requests through, or fails them and every later one until released again. */
export const release = (path: string, fail = false) => executeServerCommand('dc-release-module', { scope, path, fail });
