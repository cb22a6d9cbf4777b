import { and, desc, eq, isNull } from 'drizzle-orm';
import type { KioskDevice } from '../../contract/kiosk';
import { kioskErrorCodes } from '../../contract/kiosk-codes';
import type { Actor } from '../audit/audit';
import { recordAudit } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import { associates, kioskDevices } from '../db/schema';
import { iso } from '../db/time';
import { HttpError } from '../http-error';
import { hashKioskSecret, newKioskSecret } from './kiosk-auth';

const kioskColumns = {
  id: kioskDevices.id,
  name: kioskDevices.name,
  enrolledAt: kioskDevices.enrolledAt,
  revokedAt: kioskDevices.revokedAt,
  lastSeenAt: kioskDevices.lastSeenAt,
  enrolledById: associates.id,
  enrolledByName: associates.name,
};

type KioskRow = {
  id: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  enrolledById: string;
  enrolledByName: string;
};

function toKioskDevice(row: KioskRow): KioskDevice {
  return {
    id: row.id,
    name: row.name,
    enrolledAt: iso(row.enrolledAt),
    enrolledBy: { id: row.enrolledById, name: row.enrolledByName },
    revokedAt: iso(row.revokedAt),
    lastSeenAt: iso(row.lastSeenAt),
  };
}

function selectKiosks(db: Executor, storeId: string) {
  return db
    .select(kioskColumns)
    .from(kioskDevices)
    .innerJoin(associates, eq(associates.id, kioskDevices.enrolledBy))
    .where(eq(kioskDevices.storeId, storeId))
    .$dynamic();
}

/** One kiosk of the store, as managers see it. */
export async function findKiosk(db: Executor, storeId: string, kioskId: string): Promise<KioskDevice | null> {
  const [row] = await selectKiosks(db, storeId).where(eq(kioskDevices.id, kioskId));
  return row ? toKioskDevice(row) : null;
}

export async function listKiosks(db: Db, storeId: string): Promise<KioskDevice[]> {
  const rows = await selectKiosks(db, storeId).orderBy(desc(kioskDevices.enrolledAt));
  return rows.map(toKioskDevice);
}

/** A new kiosk of the manager's store; the secret is answered once and only its hash is kept. */
export async function enrollKiosk(
  db: Db,
  actor: Actor & { id: string; storeId: string },
  name: string,
): Promise<{ kiosk: KioskDevice; secret: string }> {
  const secret = newKioskSecret();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(kioskDevices)
      .values({ storeId: actor.storeId, name, tokenHash: hashKioskSecret(secret), enrolledBy: actor.id })
      .returning({ id: kioskDevices.id });
    const id = created!.id;
    await recordAudit(tx, actor, {
      action: 'kiosk.enroll',
      entityType: 'kiosk',
      entityId: id,
      details: { name },
    });
    const [row] = await selectKiosks(tx, actor.storeId).where(eq(kioskDevices.id, id));
    return { kiosk: toKioskDevice(row!), secret };
  });
}

/** Revokes a kiosk of the manager's store at once; revoking twice keeps the first time. */
export async function revokeKiosk(
  db: Db,
  actor: Actor & { storeId: string },
  kioskId: string,
): Promise<KioskDevice> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: kioskDevices.id, revokedAt: kioskDevices.revokedAt })
      .from(kioskDevices)
      .where(and(eq(kioskDevices.id, kioskId), eq(kioskDevices.storeId, actor.storeId)));
    if (!existing) throw new HttpError(404, kioskErrorCodes.notFound, 'No such kiosk in this store');
    if (!existing.revokedAt) {
      await tx
        .update(kioskDevices)
        .set({ revokedAt: new Date().toISOString() })
        .where(and(eq(kioskDevices.id, kioskId), isNull(kioskDevices.revokedAt)));
      await recordAudit(tx, actor, { action: 'kiosk.revoke', entityType: 'kiosk', entityId: kioskId });
    }
    const [row] = await selectKiosks(tx, actor.storeId).where(eq(kioskDevices.id, kioskId));
    return toKioskDevice(row!);
  });
}
