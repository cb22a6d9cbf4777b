import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import { styleFamily } from '../../local-db/shelf-products';
import { CodeTracker, centreOf, type TrackView } from '../../scan/track/code-tracker';
import { stepHold, type HoldState } from '../../scan/track/hold';
import { Button } from '../ui/button';
import { gtinOfCode } from './code-product';
import { useShelfI18n } from './i18n/shelf-i18n';
import { ShelfCamera, type Tone } from './shelf-camera';
import './shelf.css';

export interface FindTarget {
  gtin14: string;
  /** As the associate knows it: name, colour, size. */
  name: string;
}

export interface FindPanelProps {
  target: FindTarget;
  /** The associate took the code: tapped it, or held it in the middle. */
  onPick: (code: { text: string; format: string }) => void;
  onClose: () => void;
}

/**
 * Find it on the shelf (issue 17, point 1): every code in view is read; the one looked for is
 * outlined, its other sizes and colours marked apart, the rest dimmed. The catalogue comes from
 * the replica, so it works offline.
 */
export function FindPanel({ target, onPick, onClose }: FindPanelProps) {
  const { st } = useShelfI18n();
  const tracker = useMemo(() => new CodeTracker({ confirmHits: 1 }), []);
  const family = useLiveQuery(() => styleFamily(target.gtin14), [target.gtin14]);
  const variantGtins = useMemo(
    () => new Set((family?.family ?? []).map((p) => p.gtin14).filter((gtin) => gtin !== target.gtin14)),
    [family, target.gtin14],
  );
  const [seen, setSeen] = useState<{ target: boolean; variant: boolean; progress: number }>({
    target: false,
    variant: false,
    progress: 0,
  });
  const hold = useRef<HoldState>({});

  const toneOf = useCallback(
    (track: TrackView): Tone => {
      const gtin = gtinOfCode(track.text, track.format);
      if (gtin === target.gtin14) return 'target';
      return gtin !== undefined && variantGtins.has(gtin) ? 'variant' : 'dim';
    },
    [target.gtin14, variantGtins],
  );

  const onFrame = useCallback(
    (views: TrackView[], frame: { width: number; height: number; at: number }) => {
      const targets = views.filter((view) => view.visible && toneOf(view) === 'target');
      const middle = { x: frame.width / 2, y: frame.height / 2 };
      const nearest = targets
        .map((view) => ({ view, centre: centreOf(view.corners) }))
        .sort(
          (a, b) =>
            Math.hypot(a.centre.x - middle.x, a.centre.y - middle.y) -
            Math.hypot(b.centre.x - middle.x, b.centre.y - middle.y),
        )[0];
      const step = stepHold(
        hold.current,
        nearest ? { trackId: nearest.view.id, centre: nearest.centre } : undefined,
        frame,
        frame.at,
      );
      hold.current = step.state;
      setSeen({
        target: targets.length > 0,
        variant: views.some((view) => view.visible && toneOf(view) === 'variant'),
        progress: step.progress,
      });
      if (step.take && nearest) onPick({ text: nearest.view.text, format: nearest.view.format });
    },
    [onPick, toneOf],
  );

  const status = seen.target
    ? seen.progress > 0 && seen.progress < 1
      ? st('find.holding')
      : st('find.found')
    : seen.variant
      ? st('find.variantsOnly')
      : st('find.none');

  return (
    <section className="card stack" data-testid="find-panel" aria-labelledby="find-title">
      <h2 id="find-title" className="section-title">
        {st('find.title', { name: target.name })}
      </h2>
      <p className="muted">{st('find.hint')}</p>
      <ShelfCamera
        testId="find-camera"
        tracker={tracker}
        toneOf={toneOf}
        tapLabel={(_, tone) => (tone === 'target' ? st('find.pickIt', { name: target.name }) : undefined)}
        onTap={(view) => onPick({ text: view.text, format: view.format })}
        onFrame={onFrame}
        status={{ testId: 'find-status', text: status, found: seen.target }}
        legend={[
          { tone: 'target', label: st('find.legendTarget') },
          { tone: 'variant', label: st('find.legendVariant') },
        ]}
      />
      <Button onClick={onClose} data-testid="find-close">
        {st('shelf.close')}
      </Button>
    </section>
  );
}
