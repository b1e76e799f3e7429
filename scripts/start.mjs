// `npm start`: serves the demo desktop on the embedded simulated contact centre. No build step: the
// dev server compiles TypeScript on the fly. Set PORT to choose the port, NO_OPEN=1 to keep the
// browser closed.
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { cjsPrebundle } from './cjs-prebundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const canOpen =
  !process.env.CI && !process.env.NO_OPEN && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

const server = await startDevServer({
  config: {
    rootDir: root,
    nodeResolve: { exportConditions: ['development'] },
    hostname: process.env.HOST || 'localhost',
    ...(process.env.PORT ? { port: Number(process.env.PORT) } : {}),
    open: canOpen ? '/demo/' : false,
    watch: !process.env.CI,
    // `json`: JSON imported by the sources (the emoji data) is served as a JavaScript module.
    // Quill's two CommonJS dependencies are served as ES modules (cjs-prebundle.mjs).
    plugins: [cjsPrebundle(), esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const { hostname, port } = server.config;
console.log(`\nThe demo desktop is at  http://${hostname}:${port}/demo/\n(Ctrl+C stops the server.)\n`);
