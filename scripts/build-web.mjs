// Builds the web app into web/dist when it is missing or older than its sources, so `npm start`
// always serves the current pages without a separate build command. `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'web', process.env.WEB_DIST ?? 'dist', 'index.html');
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/shared', 'package-lock.json'];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const force = process.argv.includes('--force');
const stale =
  force ||
  !existsSync(built) ||
  sources.some(
    (source) => existsSync(join(root, source)) && newestChange(join(root, source)) > statSync(built).mtimeMs,
  );

if (stale) {
  console.log('正在构建网页端（web/dist）…');
  // Always the production build: run from a test (vitest sets NODE_ENV=test) Vite would otherwise
  // keep React's and Ant Design's development code and warnings in the bundle.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn', mode: 'production' });
  console.log('网页端构建完成。');
}
