import { useCallback, useRef, useState } from 'react';
import { playScanFeedback, type ScanOutcome } from '../../scan/feedback';
import type { ScanBannerState } from './scan-banner';

/** Banner state for a scan step; `flash` also plays the outcome's sound and vibration. */
export function useScanBanner() {
  const [banner, setBanner] = useState<ScanBannerState | null>(null);
  const seq = useRef(0);
  const flash = useCallback((outcome: ScanOutcome, title: string, message: string) => {
    playScanFeedback(outcome);
    seq.current += 1;
    setBanner({ outcome, title, message, seq: seq.current });
  }, []);
  return { banner, flash };
}
