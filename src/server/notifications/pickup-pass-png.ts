import bwipjs from 'bwip-js/node';

/**
 * The pickup pass as a PNG QR code for the e-mail: error correction M, as the printed pass
 * (src/print/barcode-svg.ts), a 4-module quiet zone and an opaque white ground, so the code
 * still reads in a mail client's dark mode. The text is the pass exactly as handover takes it.
 */
export function pickupPassPng(passText: string): Promise<Buffer> {
  // eclevel is a BWIPP option the typings do not list.
  const options: Parameters<typeof bwipjs.toBuffer>[0] & { eclevel: 'M' } = {
    bcid: 'qrcode',
    text: passText,
    eclevel: 'M',
    scale: 5,
    paddingwidth: 20,
    paddingheight: 20,
    backgroundcolor: 'FFFFFF',
  };
  return bwipjs.toBuffer(options);
}
