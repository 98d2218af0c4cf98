// Development: the TypeScript compiler watches the API, Node restarts the
// portal when the build changes (the embedded PostgreSQL restarts with it, in
// under a second), and Vite rebuilds the web app on change.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsc', '-b', 'apps/api', '--watch', '--preserveWatchOutput'], { stdio: ['ignore', 'inherit', 'inherit'] }),
  spawn('npx', ['vite', 'build', 'apps/web', '--watch', '--logLevel', 'warn'], { stdio: ['ignore', 'inherit', 'inherit'] }),
  spawn(process.execPath, ['--watch-path=apps/api/dist', 'apps/api/dist/main.js'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGINT');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
