import type { ScannedCode } from '../../scan/scanned-code';
import type { MessageKey } from '../i18n/en';
import { scanKindOf } from './scan-meaning';

/**
 * The banner title for a code a step refuses: what the code is when it is a known kind ("This
 * is a shelf label"), "Unknown code" only when it is none. The message below says what to do.
 */
export function refusalTitleKey(scan: ScannedCode): MessageKey {
  const kind = scanKindOf(scan);
  return kind ? `feedback.kind.${kind}` : 'feedback.unknown';
}
