// `npm run demo`: a throw-away database with a lived year (scripts/demo-data.ts): the Yunxi 2024 plan
// imported by a bureau of 30 departments and 60 schools, published, and worked up to the demo's day
// by the year generator — reports on time, late and missing, completions filed in them and on their
// own, reviews and returns, a silent unit or two, requests for completion, a draft bulletin — served
// with the clock at 2024-07-01 10:00 (Shanghai) so the lights mean something. DUBAN_CLOCK moves the
// clock (the year is then lived up to the day before); PORT, DEMO_DB (default data/demo.db) and WEB_DIST (a
// build folder under web/) may be set. Accounts (password demo-pass-2024): admin (管理员+督办),
// bangongshi (办公室), chenlingling (局领导 陈玲玲), renshigu (人事股), xuexiao (a school).
import { mkdirSync, rmSync } from 'node:fs';
import { openDatabase } from '../src/db/connect.ts';
import { closeOnSignals, startServer } from '../src/http/serve.ts';
import { DEMO_ACCOUNTS, DEMO_CLOCK, DEMO_PASSWORD, seedDemoYear } from './demo-data.ts';

const clock = process.env.DUBAN_CLOCK ?? DEMO_CLOCK;
const file = process.env.DEMO_DB ?? 'data/demo.db';
const databaseUrl = `sqlite:${file}`;

mkdirSync('data', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

const database = await openDatabase({ url: databaseUrl });
const year = await seedDemoYear(database, { clock });
await database.close();

process.env.DUBAN_CLOCK = clock;
const webRoot = process.env.WEB_DIST
  ? new URL(`../web/${process.env.WEB_DIST}`, import.meta.url).pathname
  : undefined;
const server = await startServer({ databaseUrl, clockStart: new Date(clock), webRoot });
closeOnSignals(server);
const accounts = DEMO_ACCOUNTS.map((a) => `${a.username}（${a.who}）`).join(' / ');
console.log(
  `演示数据已就绪：${server.url}  账号 ${accounts}，密码 ${DEMO_PASSWORD}（时钟 ${clock}，已模拟至 ${year.through}：${year.counts.reports} 份进展报告、${year.counts.occurrences} 条完成记录）`,
);
