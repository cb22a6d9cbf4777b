import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { fullFrameRegion, type FrameCodes } from '../../scan/camera/camera-scanner';
import { useCameraScanner } from '../../scan/camera/use-camera-scanner';
import { SHELF_DECODE_WIDTH, SHELF_MAX_SYMBOLS, shelfFormats } from '../../scan/camera/shelf-decoding';
import type { CodeTracker, Detection, TrackView } from '../../scan/track/code-tracker';
import { outlineOf } from '../../scan/track/outline';
import type { MessageKey } from '../i18n/en';
import { CameraControls } from '../common/camera-controls';
import { useShelfI18n } from './i18n/shelf-i18n';

/** How a code is drawn: outlined in one of four ways, or dimmed with the rest of the picture. */
export type Tone = 'target' | 'variant' | 'expected' | 'unexpected' | 'dim';

/** One kind of outline the picture shows, with its words. */
export interface LegendEntry {
  tone: Exclude<Tone, 'dim'>;
  label: string;
}

/** What the panel says about the picture, read out as it changes. */
export interface ShelfStatus {
  testId: string;
  text: string;
  /** Find: whether the product is in view (data-found). */
  found?: boolean;
}

const swatchClass: Record<LegendEntry['tone'], string> = {
  target: 'legend-swatch',
  expected: 'legend-swatch',
  variant: 'legend-swatch legend-swatch--variant',
  unexpected: 'legend-swatch legend-swatch--unexpected',
};

export interface ShelfCameraProps {
  tracker: CodeTracker;
  toneOf: (track: TrackView) => Tone;
  /** The tones a tap acts on, with the words a screen reader says for the code. */
  tapLabel?: (track: TrackView, tone: Tone) => string | undefined;
  onTap?: (track: TrackView) => void;
  /** After each decoded frame, with the tracks as they stand. */
  onFrame?: (views: TrackView[], frame: { width: number; height: number; at: number }) => void;
  status: ShelfStatus;
  legend: readonly LegendEntry[];
  testId: string;
}

/**
 * The live picture of a shelf with every code in view followed (src/scan/track): the codes that
 * matter outlined, the rest of the picture dimmed. The outlines are redrawn at the screen's rate
 * from the tracks' predicted positions, so they follow the codes between decodes.
 */
export function ShelfCamera({
  tracker,
  toneOf,
  tapLabel,
  onTap,
  onFrame,
  status,
  legend,
  testId,
}: ShelfCameraProps) {
  const { t, st, stp } = useShelfI18n();
  const maskId = useId();
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [views, setViews] = useState<TrackView[]>([]);
  const onFrameRef = useRef(onFrame);
  useEffect(() => {
    onFrameRef.current = onFrame;
  });

  const onCodes = useCallback(
    (frame: FrameCodes) => {
      const detections: Detection[] = frame.codes.flatMap((code) =>
        code.corners ? [{ text: code.text, format: code.format, corners: code.corners }] : [],
      );
      tracker.update(detections, frame.at);
      setSize((old) =>
        old && old.width === frame.width && old.height === frame.height
          ? old
          : { width: frame.width, height: frame.height },
      );
      onFrameRef.current?.(tracker.view(frame.at), frame);
    },
    [tracker],
  );
  const { videoRef, state, retry, toggleTorch } = useCameraScanner({
    onFrame: onCodes,
    maxSymbols: SHELF_MAX_SYMBOLS,
    maxDecodeWidth: SHELF_DECODE_WIDTH,
    formats: shelfFormats,
    region: fullFrameRegion,
  });

  // Redraw at the screen's rate while the camera runs: the tracks glide between decodes.
  useEffect(() => {
    if (state.status !== 'scanning') return;
    let frame = 0;
    const draw = () => {
      setViews(tracker.view(performance.now()));
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [state.status, tracker]);

  const width = size?.width ?? 640;
  const height = size?.height ?? 480;
  const drawn = views.map((view) => ({ view, tone: toneOf(view), outline: outlineOf(view.corners) }));
  const lit = drawn.filter((d) => d.tone !== 'dim');
  const points = (outline: { x: number; y: number }[]) => outline.map((p) => `${p.x},${p.y}`).join(' ');
  const stroke = Math.max(2, width / 160);

  const onKey = (event: KeyboardEvent, view: TrackView) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onTap?.(view);
    }
  };

  const message: MessageKey | undefined =
    state.status === 'error' ? (`errors.${state.error ?? 'camera.failed'}` as MessageKey) : undefined;

  return (
    <section
      className="shelf-camera"
      aria-label={st('shelf.camera')}
      data-testid={testId}
      data-status={state.status}
      data-engine={state.engine ?? ''}
    >
      {state.status === 'error' ? null : (
        <div className="shelf-camera__view" style={{ aspectRatio: `${width} / ${height}` }}>
          <video ref={videoRef} className="shelf-camera__video" muted playsInline aria-hidden="true" />
          <svg
            className="shelf-camera__overlay"
            viewBox={`0 0 ${width} ${height}`}
            preserveAspectRatio="xMidYMid slice"
            role="group"
            aria-label={stp('shelf.codesInView', views.length)}
          >
            <defs>
              <mask id={maskId}>
                <rect width={width} height={height} fill="white" />
                {lit.map(({ view, outline }) => (
                  <polygon key={view.id} points={points(outline)} fill="black" />
                ))}
              </mask>
            </defs>
            <rect width={width} height={height} className="shelf-camera__dim" mask={`url(#${maskId})`} />
            {drawn.map(({ view, tone, outline }) => {
              const label = tapLabel?.(view, tone);
              const shape = (
                <polygon
                  points={points(outline)}
                  className={`shelf-camera__code shelf-camera__code--${tone}`}
                  strokeWidth={stroke}
                />
              );
              return label ? (
                <g
                  key={view.id}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  className="shelf-camera__tap"
                  data-testid="shelf-code"
                  data-tone={tone}
                  data-code={view.text}
                  onClick={() => onTap?.(view)}
                  onKeyDown={(event) => onKey(event, view)}
                >
                  {shape}
                </g>
              ) : (
                <g
                  key={view.id}
                  aria-hidden="true"
                  data-testid="shelf-code"
                  data-tone={tone}
                  data-code={view.text}
                >
                  {shape}
                </g>
              );
            })}
          </svg>
        </div>
      )}
      <div className="shelf-camera__legend">
        {legend.map((entry) => (
          <span key={entry.tone}>
            <span className={swatchClass[entry.tone]} aria-hidden="true" />
            {entry.label}
          </span>
        ))}
      </div>
      <div className="shelf-camera__status" role="status" aria-live="polite">
        {message ? (
          t(message)
        ) : state.status === 'paused' ? (
          st('shelf.paused')
        ) : state.status === 'starting' ? (
          st('shelf.starting')
        ) : (
          <span data-testid={status.testId} data-found={status.found}>
            {status.text}
          </span>
        )}
      </div>
      <CameraControls state={state} retry={retry} toggleTorch={toggleTorch} />
    </section>
  );
}
