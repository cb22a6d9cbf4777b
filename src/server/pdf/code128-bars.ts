import bwipjs from 'bwip-js/node';

/*
 * Code 128 as bars in module units, from bwip-js's encoder (BWIPP: it picks code sets A/B/C
 * and the check character). The label draws these as vector rectangles rather than embedding
 * a PNG: edges stay sharp at any printer resolution (an image is resampled, and viewers smooth
 * it), the module can be snapped to the thermal printer's dot grid, and it costs no image
 * encode/decode (a few hundred bytes of `re` operators).
 */

export interface Code128Bars {
  /** Width of the symbol in modules, quiet zones excluded. */
  modules: number;
  /** Dark bars: start and width in modules from the symbol's left edge. */
  bars: { start: number; width: number }[];
}

/** The quiet zone Code 128 needs on each side (ISO/IEC 15417: at least 10 modules). */
export const code128QuietZoneModules = 10;

export function code128Bars(text: string): Code128Bars {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text });
  if (!symbol || !('sbs' in symbol)) throw new Error('bwip-js gave no Code 128 bar pattern');
  // sbs: widths alternating bar, space, bar…, starting with a bar.
  const bars: Code128Bars['bars'] = [];
  let position = 0;
  symbol.sbs.forEach((width, i) => {
    if (i % 2 === 0) bars.push({ start: position, width });
    position += width;
  });
  return { modules: position, bars };
}
