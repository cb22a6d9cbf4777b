import { productLines, type Category } from '../db/seed';

/**
 * The demo's product pictures (ADR 0055): a plain drawing of the product's kind (its category),
 * filled with its colour. Drawings, not photographs, so nobody mistakes them for the real
 * thing; files the app serves itself (public/product-images), so the demo shows pictures with
 * no internet. `npx tsx scripts/draw-product-pictures.ts` writes them from this file, and
 * product-pictures.test.ts checks the files are these drawings.
 */

/** Where the demo's pictures are served, under the app's own origin. */
export const PICTURES_PATH = '/product-images';

/** Each colour code of the catalogue (src/server/db/seed/catalogue.ts) as the drawing's fill. */
export const pictureColours: Readonly<Record<string, string>> = {
  BLK: '#1f1f1f',
  WHT: '#fafafa',
  GRY: '#8a8d91',
  MEL: '#b4b6b8',
  NAV: '#1f2f5c',
  BLU: '#2f5fbf',
  SKY: '#8ec5ea',
  RED: '#c8262c',
  BRD: '#6d1a2c',
  PNK: '#ee8fb5',
  PWD: '#efc8c8',
  BEI: '#d9c7a7',
  CML: '#c19a6b',
  TAN: '#a9713f',
  BRN: '#6b4326',
  OLV: '#6b6b2e',
  GRN: '#2e7d46',
  SAG: '#a3b79a',
  YEL: '#f2cf2e',
  MUS: '#d1a12a',
  ORG: '#ee7b24',
  TER: '#c0643f',
  PUR: '#6f3c9e',
  LDN: '#9bb6d4',
  MDN: '#5c7fa8',
  DDN: '#2c3e5e',
  ECR: '#efe6d2',
  GLD: '#cfa844',
  SLV: '#c4c7cc',
  TRT: '#7a4a25',
  CLR: '#e6eef2',
  GPH: '#45484d',
  NAT: '#e2d3b5',
  MLT: '#2a9d8f',
  S01: '#b3122e',
  S02: '#9b1b30',
  S03: '#d8a48f',
  S04: '#f27b6b',
  S05: '#d6287a',
  S06: '#6e2a4c',
  S07: '#b07c8e',
  S08: '#a2595f',
  S09: '#f4b69a',
  S10: '#a4432f',
  S11: '#7d2950',
  S12: '#b9834e',
  S13: '#f3e6cf',
  S14: '#f4dfd0',
  S15: '#d8bc95',
  S16: '#c8945c',
  S17: '#d9ae86',
  S18: '#7d5640',
  S19: '#4a3125',
  S20: '#c5a6d8',
  S21: '#a8dcc0',
  S22: '#1c2541',
  S23: '#a1683a',
  S24: '#ead7b0',
};

/** The outline and the details: dark on a light fill, light on a dark one, so both show. */
function detailColour(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.35 ? '#e5e7eb' : '#1f2937';
}

/**
 * Each kind's drawing on a 120 × 120 board: `F` is the product's colour, `D` the outline. A part
 * that stands alone (a handle, a headband) is drawn twice, outline under colour, so it shows
 * whatever the colour.
 */
const drawings: Record<Category, string> = {
  footwear:
    '<path d="M14 86V74c0-14 8-24 20-26l18-2c6 10 18 14 32 16 14 2 24 8 24 18v6z" fill="F" stroke="D" stroke-width="3" stroke-linejoin="round"/>' +
    '<path d="M12 86h98v8H12z" fill="D"/><path d="M46 56l8-3M50 62l8-3M54 68l8-3" stroke="D" stroke-width="3" stroke-linecap="round"/>',
  apparel:
    '<path d="M40 22l12-4c2 8 14 8 16 0l12 4 24 16-10 16-10-6v52H36V48l-10 6-10-16z" fill="F" stroke="D" stroke-width="3" stroke-linejoin="round"/>',
  accessories:
    '<path d="M42 50c0-26 36-26 36 0" fill="none" stroke="D" stroke-width="9" stroke-linecap="round"/>' +
    '<path d="M42 50c0-26 36-26 36 0" fill="none" stroke="F" stroke-width="4" stroke-linecap="round"/>' +
    '<path d="M22 50h76l-6 52H28z" fill="F" stroke="D" stroke-width="3" stroke-linejoin="round"/><path d="M52 66h16" stroke="D" stroke-width="4" stroke-linecap="round"/>',
  beauty:
    '<rect x="50" y="14" width="20" height="18" rx="3" fill="#4b5563"/><rect x="54" y="32" width="12" height="10" fill="#4b5563"/>' +
    '<rect x="34" y="42" width="52" height="62" rx="10" fill="F" stroke="D" stroke-width="3"/><path d="M46 66h28" stroke="D" stroke-width="3" stroke-linecap="round"/>',
  home:
    '<rect x="18" y="74" width="84" height="20" rx="6" fill="F" stroke="D" stroke-width="3"/>' +
    '<rect x="22" y="54" width="76" height="20" rx="6" fill="F" stroke="D" stroke-width="3"/>' +
    '<rect x="26" y="34" width="68" height="20" rx="6" fill="F" stroke="D" stroke-width="3"/>',
  electronics:
    '<path d="M28 72V58c0-24 64-24 64 0v14" fill="none" stroke="D" stroke-width="10" stroke-linecap="round"/>' +
    '<path d="M28 72V58c0-24 64-24 64 0v14" fill="none" stroke="F" stroke-width="5" stroke-linecap="round"/>' +
    '<rect x="18" y="64" width="22" height="34" rx="8" fill="F" stroke="D" stroke-width="3"/>' +
    '<rect x="80" y="64" width="22" height="34" rx="8" fill="F" stroke="D" stroke-width="3"/>',
  sport:
    '<circle cx="60" cy="60" r="40" fill="F" stroke="D" stroke-width="3"/>' +
    '<path d="M24 42c22 10 50 10 72 0M24 78c22-10 50-10 72 0M60 20v80" fill="none" stroke="D" stroke-width="3"/>',
  toys:
    '<rect x="20" y="64" width="38" height="36" rx="4" fill="F" stroke="D" stroke-width="3"/>' +
    '<rect x="62" y="64" width="38" height="36" rx="4" fill="F" stroke="D" stroke-width="3"/>' +
    '<rect x="41" y="26" width="38" height="36" rx="4" fill="F" stroke="D" stroke-width="3"/>' +
    '<circle cx="60" cy="44" r="6" fill="D"/>',
};

/** The file a product's picture is in, by its category and the colour code in its SKU. */
export function pictureFile(category: Category, colourCode: string): string {
  return `${category}-${colourCode.toLowerCase()}.svg`;
}

/** The address the demo stores as a product's imageUrl: a path on this server, or null. */
export function demoPictureUrl(category: Category, colourCode: string): string | null {
  return pictureColours[colourCode] ? `${PICTURES_PATH}/${pictureFile(category, colourCode)}` : null;
}

/** A picture as SVG text: 240 px drawn (sharp at twice the page's 112), a neutral board behind. */
export function drawPicture(category: Category, colourCode: string): string {
  const fill = pictureColours[colourCode];
  if (!fill) throw new Error(`no picture colour for ${colourCode}`);
  const body = drawings[category].replaceAll('"F"', `"${fill}"`).replaceAll('"D"', `"${detailColour(fill)}"`);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 120 120">' +
    '<rect width="120" height="120" rx="12" fill="#eef0f3"/>' +
    body +
    '</svg>\n'
  );
}

/** Every picture the demo catalogue can show, by file name: each kind in each of its colours. */
export function demoPictures(): Map<string, string> {
  const pictures = new Map<string, string>();
  for (const line of productLines) {
    for (const colour of line.colours) {
      pictures.set(pictureFile(line.category, colour.code), drawPicture(line.category, colour.code));
    }
  }
  return pictures;
}
