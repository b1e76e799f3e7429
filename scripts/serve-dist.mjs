/**
 * What `npm run smoke`'s parts share: a local server of the build, `dist/` under `/static/`, beside the
 * pages a part gives (a path → its body and headers), on a free port of 127.0.0.1.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(root, 'dist');
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };

/**
 * Serves `pages` (`{ '/page/': { body, headers } }`) and the build's files under `/static/` (nothing
 * outside `dist/`). Resolves with the server and the list of every path asked for, in order.
 */
export function serveDist(pages) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const page = pages[path];
    if (page) {
      res.writeHead(200, page.headers).end(page.body);
      return;
    }
    const file = normalize(join(dist, path.replace(/^\/static\//, '')));
    if (!path.startsWith('/static/') || !file.startsWith(dist + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, requests })));
}
