import { asc, eq } from 'drizzle-orm';
import type { CategoryAge } from '../../contract/handover-checks';
import type { CategoryAges } from '../../domain/id-check';
import type { Executor } from '../db/client';
import { storeCategoryAges } from '../db/schema';

/** The minimum age a store sets per product category (issue 15): intake flags lines by it. */
export async function loadCategoryAges(db: Executor, storeId: string): Promise<CategoryAges> {
  const rows = await listCategoryAges(db, storeId);
  return Object.fromEntries(rows.map((r) => [r.category, r.minimumAge]));
}

export async function listCategoryAges(db: Executor, storeId: string): Promise<CategoryAge[]> {
  return db
    .select({ category: storeCategoryAges.category, minimumAge: storeCategoryAges.minimumAge })
    .from(storeCategoryAges)
    .where(eq(storeCategoryAges.storeId, storeId))
    .orderBy(asc(storeCategoryAges.category));
}

/**
 * Replaces the store's ages: the list given is the whole setting. Orders taken already keep the
 * ages they were flagged with; only new intake reads the new ones.
 */
export async function replaceCategoryAges(
  db: Executor,
  storeId: string,
  ages: readonly CategoryAge[],
): Promise<void> {
  await db.delete(storeCategoryAges).where(eq(storeCategoryAges.storeId, storeId));
  if (ages.length > 0) {
    await db.insert(storeCategoryAges).values(ages.map((a) => ({ storeId, ...a })));
  }
}
