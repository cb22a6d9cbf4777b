// Writes the demo's product pictures into public/product-images, one per kind and colour the
// demo catalogue holds (ADR 0055): `npx tsx scripts/draw-product-pictures.ts`. The drawings are
// src/server/demo/product-pictures.ts; product-pictures.test.ts fails when these files differ.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPictures } from '../src/server/demo/product-pictures';

const dir = join(import.meta.dirname, '..', 'public', 'product-images');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) rmSync(join(dir, file));
const pictures = demoPictures();
for (const [file, svg] of pictures) writeFileSync(join(dir, file), svg);
console.log(`${pictures.size} pictures in ${dir}`);
