import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../db/schema';
import { createTestApp, type TestApp } from '../testing/test-app';
import { nameDemoPictures } from './demo-pictures';

// A demo seeded before products had pictures gets the drawings at its next start (ADR 0055).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the demo’s pictures on a demo seeded without them', () => {
  it('are named for every product without one, and leave a picture the platform set alone', async () => {
    const db = t.database.db;
    const seeded = await db.select({ sku: products.sku, imageUrl: products.imageUrl }).from(products);
    expect(seeded.every((p) => p.imageUrl?.startsWith('/product-images/'))).toBe(true);
    const [kept] = seeded;
    await db.update(products).set({ imageUrl: null });
    await db
      .update(products)
      .set({ imageUrl: 'https://images.example.com/p.jpg' })
      .where(eq(products.sku, kept!.sku));

    expect(await nameDemoPictures(db)).toBe(seeded.length - 1);
    const after = new Map(
      (await db.select({ sku: products.sku, imageUrl: products.imageUrl }).from(products)).map((p) => [
        p.sku,
        p.imageUrl,
      ]),
    );
    for (const { sku, imageUrl } of seeded.slice(1)) expect(after.get(sku), sku).toBe(imageUrl);
    expect(after.get(kept!.sku)).toBe('https://images.example.com/p.jpg');
    expect(await db.select().from(products).where(isNull(products.imageUrl))).toEqual([]);
    expect(await nameDemoPictures(db)).toBe(0);
  });
});
