import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { seedBulletinMonth } from '../../../test/support/bulletin-fixture.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { getBulletinFile } from './bulletin-file.ts';
import { createBulletin } from './create-bulletin.ts';
import { editBulletin } from './edit-bulletin.ts';
import { issueBulletin } from './issue-bulletin.ts';
import { getBulletin, listBulletins } from './list-bulletins.ts';

describeEachDatabase('issueBulletin (签发工作通报)', (current) => {
  it('freezes the draft, keeps the exact file with who and when; a later draft is the next revision', async () => {
    const f = await seedBulletinMonth(current());
    const supervisor = f.as(f.actors.supervisor);
    const { id } = await createBulletin(supervisor, { planId: f.planId, month: '2024-05' });
    // Leaders and viewers do not see drafts.
    expect(await listBulletins(f.as(f.actors.leader), {})).toEqual([]);
    await expect(getBulletin(f.as(f.actors.viewer), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listBulletins(f.as(f.actors.office), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    f.clock.set('2024-06-05T01:30:00Z');
    await expect(issueBulletin(supervisor, { bulletinId: id, version: 7 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const issued = await issueBulletin(supervisor, { bulletinId: id, version: 1 });
    expect(issued).toMatchObject({ id, version: 2, fileName: '2024年5月工作通报.docx' });

    const seen = await getBulletin(f.as(f.actors.leader), id);
    expect(seen).toMatchObject({
      state: 'issued',
      issuedBy: 'duban',
      issuedAt: '2024-06-05T01:30:00.000Z',
      fileName: '2024年5月工作通报.docx',
      fileSha256: issued.sha256,
      canEdit: false,
    });
    expect(seen.content.signedOn).toBe('2024-06-05');
    const file = await getBulletinFile(f.as(f.actors.viewer), id);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(issued.sha256);
    expect(file.bytes.length).toBe(seen.fileSize);
    const documentXml = strFromU8(unzipSync(file.bytes)['word/document.xml']!);
    expect(documentXml).toContain('2024年6月5日');
    // The same file comes back every time, whatever happens to the data afterwards.
    f.clock.set('2024-06-20T02:00:00Z');
    expect(Buffer.from((await getBulletinFile(supervisor, id)).bytes).equals(Buffer.from(file.bytes))).toBe(
      true,
    );

    await expect(
      editBulletin(supervisor, id, {
        version: 2,
        title: 'x',
        subtitle: '',
        intro: '',
        sections: [],
        closing: '',
        issuer: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该通报已签发，内容不能再修改；如需更正，请为该月重新生成一版草稿。',
    });
    await expect(issueBulletin(supervisor, { bulletinId: id, version: 2 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const second = await createBulletin(supervisor, { planId: f.planId, month: '2024-05' });
    expect(second.revision).toBe(2);
    expect((await listBulletins(supervisor, { planId: f.planId })).map((b) => [b.revision, b.state])).toEqual(
      [
        [2, 'draft'],
        [1, 'issued'],
      ],
    );
    expect((await listBulletins(f.as(f.actors.leader), {})).map((b) => b.id)).toEqual([id]);
    expect((await getBulletinFile(supervisor, second.id)).fileName).toBe(
      '2024年5月工作通报（第2版）（草稿）.docx',
    );
    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'bulletin')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['bulletin.create', 'bulletin.issue', 'bulletin.create']);
  });
});
