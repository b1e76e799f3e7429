/**
 * A gate on the test server for modules loaded on first use: a test holds a module's requests, sees what
 * the kit shows while they wait, then lets them through or fails them (the connection dropped), as a
 * slow or broken network would. From a test:
 * `executeServerCommand('dc-hold-module', {path: 'src/elements/internal/emoji-panel'})`, then
 * `executeServerCommand('dc-release-module', {path, fail: true})`: that request and every later one for
 * the path fail, until `executeServerCommand('dc-release-module', {path})` lets them through again.
 * Requests for paths nobody holds pass untouched.
 */

/** Held paths (without extension) → the outcome the request waits for. */
const held = new Map();

/** Koa middleware, ahead of the server's own: holds, then serves or fails, the requests a test named. */
export async function moduleGateMiddleware(ctx, next) {
  const path = ctx.path.replace(/^\//, '').replace(/\.(js|ts)$/, '');
  const gate = held.get(path);
  if (!gate) return next();
  const outcome = await gate.outcome;
  if (outcome === 'fail') {
    // A dropped connection, not an error status: the server's own middleware would mark a response
    // cacheable, and the browser would then never ask again.
    ctx.respond = false;
    ctx.req.socket.destroy();
    return undefined;
  }
  return next();
}

/** The commands tests send through `executeServerCommand`. */
export function moduleGatePlugin() {
  return {
    name: 'dc-module-gate',
    executeCommand({ command, payload }) {
      if (command === 'dc-hold-module') {
        let release;
        const outcome = new Promise((resolve) => (release = resolve));
        held.set(payload.path, { outcome, release });
        return true;
      }
      if (command === 'dc-release-module') {
        const gate = held.get(payload.path);
        const outcome = payload.fail ? 'fail' : 'serve';
        // A failing path stays failing (the browser retries a dropped request by itself once).
        if (payload.fail) held.set(payload.path, { outcome: Promise.resolve(outcome), release: () => undefined });
        else held.delete(payload.path);
        gate?.release(outcome);
        return true;
      }
      return undefined;
    },
  };
}
