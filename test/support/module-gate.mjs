/**
 * A gate on the test server for modules loaded on first use: a test holds a module's requests, sees what
 * the kit shows while they wait, then lets them through or fails them (the connection dropped), as a
 * slow or broken network would. From a test (test/support/gate.ts wraps this):
 * `executeServerCommand('dc-hold-module', {scope, path: 'src/elements/internal/emoji-panel'})`, then
 * `executeServerCommand('dc-release-module', {scope, path, fail: true})`: that request and every later
 * one for the path fail, until `executeServerCommand('dc-release-module', {scope, path})` lets them
 * through again. A gate holds only the requests of the page that set it: the page sends its scope in a
 * `dc-gate` cookie (each test file runs in a browser context of its own, with its own cookies), so test
 * files running side by side never hold or fail each other's modules. Other requests pass untouched.
 */

/** `scope|path` (path without extension) → the outcome the request waits for. */
const held = new Map();
const key = (scope, path) => `${scope}|${path}`;

/** Koa middleware, ahead of the server's own: holds, then serves or fails, the requests a test named. */
export async function moduleGateMiddleware(ctx, next) {
  const scope = ctx.cookies.get('dc-gate');
  if (!scope) return uncached(ctx, next);
  const path = ctx.path.replace(/^\//, '').replace(/\.(js|ts)$/, '');
  const gate = held.get(key(scope, path));
  if (!gate) return uncached(ctx, next);
  const outcome = await gate.outcome;
  if (outcome === 'fail') {
    // A dropped connection, not an error status: the server's own middleware would mark a response
    // cacheable, and the browser would then never ask again.
    ctx.respond = false;
    ctx.req.socket.destroy();
    return undefined;
  }
  return uncached(ctx, next);
}

/**
 * The test runner marks every file cacheable for a year (its cache middleware runs around this one, and
 * sets the header after it), and browser contexts share the HTTP cache: a module another test file
 * loaded would come from the cache, past the gate. The kit's own sources are never stored, so that
 * every page asks the server for them: this response's `cache-control` stays `no-store`.
 */
async function uncached(ctx, next) {
  if (!ctx.path.startsWith('/src/')) return next();
  const response = ctx.response;
  const set = response.set;
  response.set = function (field, value) {
    const cacheControl = typeof field === 'string' && field.toLowerCase() === 'cache-control';
    return set.call(this, field, cacheControl ? 'no-store' : value);
  };
  await next();
  response.set('cache-control', 'no-store');
}

/** The commands tests send through `executeServerCommand`. */
export function moduleGatePlugin() {
  return {
    name: 'dc-module-gate',
    executeCommand({ command, payload }) {
      if (command === 'dc-hold-module') {
        let release;
        const outcome = new Promise((resolve) => (release = resolve));
        held.set(key(payload.scope, payload.path), { outcome, release });
        return true;
      }
      if (command === 'dc-release-module') {
        const k = key(payload.scope, payload.path);
        const gate = held.get(k);
        const outcome = payload.fail ? 'fail' : 'serve';
        // A failing path stays failing (the browser retries a dropped request by itself once).
        if (payload.fail) held.set(k, { outcome: Promise.resolve(outcome), release: () => undefined });
        else held.delete(k);
        gate?.release(outcome);
        return true;
      }
      return undefined;
    },
  };
}
