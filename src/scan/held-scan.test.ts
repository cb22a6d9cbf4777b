import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_SCAN_MS, holdScansBetweenSteps, listenForWedgeScans } from './wedge-scanner';

type Handler = (event: KeyboardEvent) => void;

/** A stand-in document with every key listener the code adds, fed with chosen time stamps. */
function fakeDocument() {
  const handlers = new Set<Handler>();
  const target = {
    addEventListener: (_type: string, listener: Handler) => handlers.add(listener),
    removeEventListener: (_type: string, listener: Handler) => handlers.delete(listener),
  } as unknown as Document;
  const prevented: string[] = [];
  const press = (key: string, timeStamp: number) => {
    let defaultPrevented = false;
    const event = {
      key,
      timeStamp,
      target: null,
      get defaultPrevented() {
        return defaultPrevented;
      },
      isComposing: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      preventDefault: () => {
        defaultPrevented = true;
        prevented.push(key);
      },
      stopPropagation: () => undefined,
    } as unknown as KeyboardEvent;
    for (const handler of [...handlers]) handler(event);
  };
  let clock = 1_000;
  const type = (text: string, gapMs = 8) => {
    for (const key of text) press(key, (clock += gapMs));
    press('Enter', (clock += gapMs));
    clock += 5_000;
  };
  return { target, type, prevented };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a scan while the next screen is opening', () => {
  it('goes to the scan step that starts listening just after, once, and keeps its Enter', () => {
    const doc = fakeDocument();
    holdScansBetweenSteps(() => ({}), { target: doc.target });
    doc.type('8001234567895');
    expect(doc.prevented).toEqual(['Enter']);
    vi.advanceTimersByTime(400);
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), {}, doc.target);
    vi.runAllTimers();
    expect(scans).toEqual(['8001234567895']);
    // Handed over once: the next step to open does not get it again.
    const later: string[] = [];
    listenForWedgeScans((code) => later.push(code), {}, doc.target);
    vi.runAllTimers();
    expect(later).toEqual([]);
  });

  it('is dropped when no step listens in time, and a step mounted twice takes it once', () => {
    const doc = fakeDocument();
    holdScansBetweenSteps(() => ({}), { target: doc.target });
    doc.type('8001234567895');
    vi.advanceTimersByTime(HOLD_SCAN_MS + 1);
    const late: string[] = [];
    listenForWedgeScans((code) => late.push(code), {}, doc.target)();
    vi.runAllTimers();
    expect(late).toEqual([]);

    doc.type('4006381333931');
    const first: string[] = [];
    const second: string[] = [];
    listenForWedgeScans((code) => first.push(code), {}, doc.target)(); // React's first mount, undone
    listenForWedgeScans((code) => second.push(code), {}, doc.target);
    vi.runAllTimers();
    expect(first).toEqual([]);
    expect(second).toEqual(['4006381333931']);
  });

  it('leaves scans to a step that is listening, and holds neither typing nor a slow burst', () => {
    const doc = fakeDocument();
    holdScansBetweenSteps(() => ({ prefix: ']E0' }), { target: doc.target });
    const scans: string[] = [];
    const stop = listenForWedgeScans((code) => scans.push(code), { prefix: ']E0' }, doc.target);
    vi.runAllTimers();
    doc.type(']E08001234567895');
    expect(scans).toEqual(['8001234567895']);
    stop();
    doc.type('1234', 180); // a person typing
    const next: string[] = [];
    listenForWedgeScans((code) => next.push(code), {}, doc.target);
    vi.runAllTimers();
    expect(next).toEqual([]);
  });

  it('keeps nothing when no screen is opening: a scan under a dialog is not one for later', () => {
    const doc = fakeDocument();
    let opening = false;
    holdScansBetweenSteps(() => ({}), { opening: () => opening, target: doc.target });
    doc.type('8001234567895');
    expect(doc.prevented).toEqual([]);
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), {}, doc.target)();
    vi.runAllTimers();
    expect(scans).toEqual([]);
    opening = true;
    doc.type('4006381333931');
    listenForWedgeScans((code) => scans.push(code), {}, doc.target);
    vi.runAllTimers();
    expect(scans).toEqual(['4006381333931']);
  });

  it('reads a slow scanner at the pace set for this device, with its prefix stripped', () => {
    const doc = fakeDocument();
    holdScansBetweenSteps(() => ({ scannerGapMs: 100, prefix: ']E0' }), { target: doc.target });
    doc.type(']E08001234567895', 100);
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), { scannerGapMs: 100 }, doc.target);
    vi.runAllTimers();
    expect(scans).toEqual(['8001234567895']);
  });
});

describe('a screen that listens for bursts itself', () => {
  it('gets the scan, untouched: Settings learning a pace is not robbed by the hold', async () => {
    const { listenForBursts } = await import('./wedge-scanner');
    const doc = fakeDocument();
    holdScansBetweenSteps(() => ({}), { target: doc.target });
    const bursts: string[] = [];
    listenForBursts(
      (text) => {
        bursts.push(text);
        return true;
      },
      2_000,
      doc.target,
    );
    doc.type('4006381333931');
    expect(bursts).toEqual(['4006381333931']);
  });
});
