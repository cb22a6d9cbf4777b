import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueSize, createRng, productColourCode, seedProducts } from '../db/seed';
import { projectRoot } from '../project-root';
import { demoPictures, demoPictureUrl, PICTURES_PATH } from './product-pictures';

// The demo's pictures are files the app serves (public/product-images), drawn by
// scripts/draw-product-pictures.ts from product-pictures.ts: they must be those drawings.

const dir = join(projectRoot, 'public', 'product-images');

describe('the demo’s product pictures', () => {
  const pictures = demoPictures();

  it('are the files in public/product-images, no more and no fewer (else run scripts/draw-product-pictures.ts)', () => {
    expect(readdirSync(dir).sort()).toEqual([...pictures.keys()].sort());
    for (const [file, svg] of pictures) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(svg);
  });

  it('are small drawings with nothing to run or fetch', () => {
    for (const [file, svg] of pictures) {
      expect(svg.length, file).toBeLessThan(1500);
      expect(svg, file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="240" height="240"/);
      expect(svg, file).not.toMatch(/<script|\son\w+=|href|url\(/i);
    }
  });

  it('name one for every product the demo can seed', () => {
    for (const product of seedProducts(createRng(7), catalogueSize)) {
      const url = demoPictureUrl(product.category, productColourCode(product.sku));
      expect(url, product.sku).not.toBeNull();
      expect(pictures.has(url!.slice(PICTURES_PATH.length + 1)), product.sku).toBe(true);
    }
  });
});
