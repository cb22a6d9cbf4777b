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
    return seq.current;
  }, []);
  /**
   * Ends a progress banner ("Looking up…") with the answer it announced: the same scan (same
   * sequence number, no second sound), now saying what came of it.
   */
  const settle = useCallback((outcome: ScanOutcome, title: string, message: string, seq?: number) => {
    setBanner((current) =>
      current && (seq === undefined || current.seq === seq)
        ? { ...current, outcome, title, message }
        : current,
    );
  }, []);
  return { banner, flash, settle };
}
