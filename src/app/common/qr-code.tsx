import { useMemo } from 'react';
import { qrSvg } from '../../print/barcode-svg';
import './qr-code.css';

/**
 * A QR code to show on screen for another device's camera (a kiosk's enrollment, a customer's
 * curbside link). bwip-js draws it, so only lazy chunks import this. The wrapper is the
 * accessible image; `data-qr` holds the exact text for tests and for anyone checking it.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const svg = useMemo(() => qrSvg(text), [text]);
  return (
    <div
      className={`qr-code ${className ?? ''}`}
      role="img"
      aria-label={label}
      data-qr={text}
      // bwip-js's markup is paths only: it carries no text of ours that could inject anything.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
