import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, EvidenceTable } from '../schema.ts';
import { storeBlob } from './blobs.ts';

/** A file as a user uploads it. */
export interface UploadedFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** An evidence row as shown to users (the bytes stay in blobs). */
export interface EvidenceRef {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** What a set of files is attached to. */
export interface EvidenceOwner {
  organizationId: number;
  ownerType: EvidenceTable['owner_type'];
  ownerId: number;
}

/**
 * Stores files as evidence of an owner: bytes go to blobs once per SHA-256 (identical uploads
 * share one blob), one evidence row per file. Runs inside the caller's transaction.
 */
export async function attachEvidence(
  db: Kysely<DB>,
  owner: EvidenceOwner,
  files: readonly UploadedFile[],
  createdBy: number | null,
  at: string,
): Promise<EvidenceRef[]> {
  const refs: EvidenceRef[] = [];
  for (const file of files) {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await storeBlob(db, { sha256, size: file.bytes.byteLength, content: file.bytes });
    const row = await db
      .insertInto('evidence')
      .values({
        organization_id: owner.organizationId,
        owner_type: owner.ownerType,
        owner_id: owner.ownerId,
        file_name: file.fileName,
        media_type: file.mediaType,
        size: file.bytes.byteLength,
        sha256,
        created_by: createdBy,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    refs.push({
      id: row.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.bytes.byteLength,
      sha256,
    });
  }
  return refs;
}

/** The evidence attached to one owner, oldest first. */
export async function listEvidence(
  db: Kysely<DB>,
  ownerType: EvidenceTable['owner_type'],
  ownerId: number,
): Promise<EvidenceRef[]> {
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'file_name', 'media_type', 'size', 'sha256'])
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
  }));
}
