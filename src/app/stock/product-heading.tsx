import type { ProductRow } from '../../contract/sync';
import { lineColour, lineName } from '../common/localized';
import { useI18n } from '../i18n/use-t';

/** The product's name in the associate's language, and what tells its variants apart. */
export function productName(product: ProductRow, language: 'en' | 'it'): string {
  return lineName(product, language);
}

export function ProductFacts({ product }: { product: ProductRow }) {
  const { t, language } = useI18n();
  return (
    <p className="muted">
      {t('stock.details', {
        brand: product.brand,
        colour: lineColour(product, language),
        size: product.size,
      })}
      <br />
      <span className="stock-code">{t('stock.sku', { sku: product.sku })}</span> ·{' '}
      <span className="stock-code">{product.barcode}</span>
    </p>
  );
}
