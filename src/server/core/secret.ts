import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appMeta } from '../db/schema';

const KEY = 'jwt_secret';

/**
 * The token-signing secret: JWT_SECRET when set, otherwise one generated on the first start
 * and kept in the database, so tokens survive restarts and every instance over one database
 * agrees on it.
 */
export async function loadSigningSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(appMeta)
    .values({ key: KEY, value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, KEY));
  if (!row || typeof row.value !== 'string') throw new Error('The signing secret could not be stored');
  return row.value;
}
