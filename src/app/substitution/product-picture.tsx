import { useState } from 'react';

/** The drawn size of a product's picture: fixed, so nothing moves when it arrives. */
const SIZE = 112;

/**
 * A product's picture on the customer's page, named by the product's name. Without one, or
 * when it does not load (a broken address, a host the page's policy does not allow), a
 * neutral box of the same size says there is no picture, so the page never jumps.
 */
export function ProductPicture({
  src,
  name,
  none,
  testId,
}: {
  src: string | null;
  name: string;
  /** The words in the box when there is no picture. */
  none: string;
  testId: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) {
    return (
      <span className="product-picture product-picture--none" data-testid={testId} data-picture="none">
        {none}
      </span>
    );
  }
  return (
    <img
      className="product-picture"
      src={src}
      alt={name}
      width={SIZE}
      height={SIZE}
      decoding="async"
      onError={() => setFailed(src)}
      data-testid={testId}
      data-picture="shown"
    />
  );
}
