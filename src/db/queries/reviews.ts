import type { Kysely } from 'kysely';
import type { DB, ReviewTable } from '../schema.ts';

/** A review decision as stored. */
export interface ReviewRow {
  id: number;
  targetType: ReviewTable['target_type'];
  targetId: number;
  decision: ReviewTable['decision'];
  comment: string;
  reviewerId: number | null;
  createdAt: string;
}

/** Records an accept/return decision and returns its id. */
export async function insertReview(db: Kysely<DB>, review: Omit<ReviewRow, 'id'>): Promise<number> {
  const row = await db
    .insertInto('reviews')
    .values({
      target_type: review.targetType,
      target_id: review.targetId,
      decision: review.decision,
      comment: review.comment,
      reviewer_id: review.reviewerId,
      created_at: review.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The review history of one report, occurrence or completion request, oldest first. */
export async function listReviews(
  db: Kysely<DB>,
  targetType: ReviewTable['target_type'],
  targetId: number,
): Promise<ReviewRow[]> {
  const rows = await db
    .selectFrom('reviews')
    .selectAll()
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    targetType: r.target_type,
    targetId: r.target_id,
    decision: r.decision,
    comment: r.comment,
    reviewerId: r.reviewer_id,
    createdAt: r.created_at,
  }));
}
