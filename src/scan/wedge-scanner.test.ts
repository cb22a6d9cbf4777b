import { describe, expect, it } from 'vitest';
import { listenForWedgeScans, stripAffixes } from './wedge-scanner';

type Handler = (event: KeyboardEvent) => void;

/** Just enough of `document` to feed key events with chosen timestamps. */
function fakeDocument() {
  let handler: Handler | undefined;
  const target = {
    addEventListener: (_type: string, listener: Handler) => (handler = listener),
    removeEventListener: () => (handler = undefined),
  } as unknown as Document;
  const prevented: string[] = [];
  const press = (key: string, timeStamp: number) =>
    handler?.({
      key,
      timeStamp,
      target: null,
      defaultPrevented: false,
      isComposing: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      preventDefault: () => prevented.push(key),
      stopPropagation: () => undefined,
    } as unknown as KeyboardEvent);
  const type = (text: string, start: number, gapMs: number) => {
    let at = start;
    for (const key of text) press(key, (at += gapMs));
    press('Enter', at + gapMs);
  };
  return { target, press, type, prevented, isListening: () => handler !== undefined };
}

describe('listenForWedgeScans', () => {
  it('reports a fast burst ending in Enter, and keeps the Enter from clicking anything', () => {
    const doc = fakeDocument();
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), {}, doc.target);
    doc.type('8001234567895', 1000, 8);
    expect(scans).toEqual(['8001234567895']);
    expect(doc.prevented).toEqual(['Enter']);
  });

  it('ignores people typing slowly, and lets their Enter through', () => {
    const doc = fakeDocument();
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), {}, doc.target);
    doc.type('1234', 1000, 180);
    expect(scans).toEqual([]);
    expect(doc.prevented).toEqual([]);
  });

  it('needs at least three characters, and accepts Tab as the end', () => {
    const doc = fakeDocument();
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), {}, doc.target);
    doc.press('1', 10);
    doc.press('2', 15);
    doc.press('Enter', 20);
    doc.press('A', 500);
    doc.press('B', 505);
    doc.press('C', 510);
    doc.press('Tab', 515);
    expect(scans).toEqual(['ABC']);
  });

  it('keeps a scan whole when one key arrives late from a busy main thread', () => {
    const doc = fakeDocument();
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), {}, doc.target);
    let at = 1000;
    for (const [i, key] of [...'8001234567895'].entries()) doc.press(key, (at += i === 6 ? 180 : 6));
    doc.press('Enter', at + 6);
    expect(scans).toEqual(['8001234567895']);
  });

  it('starts a new burst after a pause, so a stray key before a scan is dropped', () => {
    const doc = fakeDocument();
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), {}, doc.target);
    doc.press('x', 100);
    doc.type('MI01-A03', 900, 5);
    expect(scans).toEqual(['MI01-A03']);
  });

  it('strips a configured prefix and suffix, and stops when asked', () => {
    const doc = fakeDocument();
    const scans: string[] = [];
    const stop = listenForWedgeScans((code) => scans.push(code), { prefix: ']E0', suffix: '#' }, doc.target);
    doc.type(']E04006381333931#', 0, 4);
    expect(scans).toEqual(['4006381333931']);
    stop();
    expect(doc.isListening()).toBe(false);
  });
});

describe('stripAffixes', () => {
  it('leaves codes without the affixes alone', () => {
    expect(stripAffixes('12345', ']E0', '#')).toBe('12345');
  });
});

describe('listenForWedgeScans at the scanner pace this device learned', () => {
  it.each([0, 20, 50, 100])('reads a scanner typing %i ms apart once its pace is known', (gap) => {
    const doc = fakeDocument();
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), { scannerGapMs: gap }, doc.target);
    doc.type('8001234567895', 1000, gap);
    expect(scans).toEqual(['8001234567895']);
    expect(doc.prevented).toEqual(['Enter']);
  });

  it('still lets a person typing at about that pace through, Enter and all', () => {
    const doc = fakeDocument();
    const scans: string[] = [];
    listenForWedgeScans((code) => scans.push(code), { scannerGapMs: 100 }, doc.target);
    let at = 1000;
    for (const [i, key] of [...'80012345'].entries()) doc.press(key, (at += [90, 160, 70, 230][i % 4]!));
    doc.press('Enter', at + 350);
    expect(scans).toEqual([]);
    expect(doc.prevented).toEqual([]);
  });
});
