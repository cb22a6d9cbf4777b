/**
 * A barcode drawn by src/print as inline SVG. The wrapper is the accessible image: a screen
 * reader hears what the code is for, and `data-barcode` holds the exact encoded text (for
 * tests and for anyone checking a printed label against the screen).
 */
export function BarcodeImage({
  svg,
  label,
  encoded,
  className,
}: {
  svg: string;
  label: string;
  encoded: string;
  className?: string;
}) {
  return (
    <div
      className={`barcode-image ${className ?? ''}`}
      role="img"
      aria-label={label}
      data-barcode={encoded}
      // bwip-js's markup is paths only: it carries no text of ours that could inject anything.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
