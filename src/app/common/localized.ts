import type { OrderLineView } from '../../contract/orders';
import type { Language } from '../i18n/language';

export function lineName(line: Pick<OrderLineView, 'nameEn' | 'nameIt'>, language: Language): string {
  return language === 'it' ? line.nameIt : line.nameEn;
}

export function lineColour(line: Pick<OrderLineView, 'colorEn' | 'colorIt'>, language: Language): string {
  return language === 'it' ? line.colorIt : line.colorEn;
}
