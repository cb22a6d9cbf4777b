import { code128, drawingSVG, qrcode, type RenderOptions } from 'bwip-js/generic';

/*
 * Barcodes as SVG markup, for the browser's printable labels and, later, the server's
 * ready-for-pickup e-mail: bwip-js's generic build has no DOM, canvas or Node dependency, so
 * the same call draws the same symbol on both sides. Only the lazy printing pages import this
 * module, which keeps bwip-js out of the app's first download.
 *
 * The markup holds only paths (no text, no fonts), so it is safe to inline; its size comes
 * from the viewBox and the page's CSS scales it.
 */

/**
 * Code 128 with its 10-module quiet zones and no human-readable line (the page prints that).
 * Bars 14 mm tall at a 0.35 mm module: scaled to a 90 mm label they stay about 13 mm.
 */
export function code128Svg(text: string): string {
  return code128(
    { bcid: 'code128', text, scale: 2, height: 14, paddingwidth: 10, includetext: false },
    drawingSVG(),
  );
}

/**
 * Text as a QR code: error correction M (a code on a cracked phone screen or a creased print
 * still reads) and the 4-module quiet zone the standard asks for.
 */
export function qrSvg(text: string): string {
  // eclevel is a BWIPP option the typings do not list.
  const options: RenderOptions & { eclevel: 'M' } = {
    bcid: 'qrcode',
    text,
    eclevel: 'M',
    scale: 2,
    paddingwidth: 8,
    paddingheight: 8,
  };
  return qrcode(options, drawingSVG());
}

/** The customer's pickup pass as a QR code. */
export function pickupPassQrSvg(passText: string): string {
  return qrSvg(passText);
}
