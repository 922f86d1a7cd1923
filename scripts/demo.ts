// `npm run demo`: a throw-away database with the Yunxi 2024 plan imported and published, a few
// accounts and some reports (scripts/demo-data.ts), served with the clock set to 2024-05-20 so the
// lights mean something. PORT, DEMO_DB (default data/demo.db) and WEB_DIST (a build folder under
// web/) may be set. Accounts (password demo-pass-2024): admin (管理员+督办), bangongshi (办公室),
// chenlingling (局领导).
import { mkdirSync, rmSync } from 'node:fs';
import { openDatabase } from '../src/db/connect.ts';
import { closeOnSignals, startServer } from '../src/http/serve.ts';
import { DEMO_PASSWORD, seedDemo } from './demo-data.ts';

const clock = process.env.DUBAN_CLOCK ?? '2024-05-20T02:00:00Z';
const file = process.env.DEMO_DB ?? 'data/demo.db';
const databaseUrl = `sqlite:${file}`;

mkdirSync('data', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

const database = await openDatabase({ url: databaseUrl });
await seedDemo(database);
await database.close();

process.env.DUBAN_CLOCK = clock;
const webRoot = process.env.WEB_DIST
  ? new URL(`../web/${process.env.WEB_DIST}`, import.meta.url).pathname
  : undefined;
const server = await startServer({ databaseUrl, clockStart: new Date(clock), webRoot });
closeOnSignals(server);
console.log(
  `演示数据已就绪：${server.url}  账号 admin / bangongshi / chenlingling，密码 ${DEMO_PASSWORD}（时钟 ${clock}）`,
);
