/**
 * A counter of requests on the test server, for tests that prove nothing is fetched (an email's remote
 * images before "Load images", a form that must not submit). Tests point the URLs they care about at
 * `/__dc-hits/<token>/…` (any method): each request is counted under its token and answered with a
 * 1×1 GIF. `GET /__dc-hits-count/<token>` answers `{count, paths}` as JSON. Tokens keep test files
 * running side by side apart. Nothing is cached, so every request reaches the counter.
 */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** token → the paths asked for. */
const hits = new Map();

export async function hitsMiddleware(ctx, next) {
  const hit = /^\/__dc-hits\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(ctx.path);
  if (hit) {
    const list = hits.get(hit[1]) ?? [];
    list.push(`${ctx.method} ${hit[2] ?? '/'}`);
    hits.set(hit[1], list);
    ctx.set('cache-control', 'no-store');
    ctx.type = 'image/gif';
    ctx.body = GIF;
    return undefined;
  }
  const count = /^\/__dc-hits-count\/([A-Za-z0-9_-]+)$/.exec(ctx.path);
  if (count) {
    const list = hits.get(count[1]) ?? [];
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: list.length, paths: list });
    return undefined;
  }
  return next();
}
