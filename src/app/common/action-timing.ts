import { useEffect } from 'react';

/**
 * Benchmark instrumentation: "aisle-scan-start" when a scan is accepted locally, then the
 * "aisle-action" measure once the command is durable AND React has painted its effect.
 */
const START = 'aisle-scan-start';
let awaited: string | null = null;
let rendered: ReadonlySet<string> = new Set();

function measureNextFrame(): void {
  requestAnimationFrame(() => {
    try {
      performance.measure('aisle-action', START);
    } catch {
      // The start mark was cleared by a newer scan; that scan will measure itself.
    }
  });
}

export function markScanStart(): void {
  performance.clearMarks(START);
  performance.mark(START);
}

export function cancelScanTiming(): void {
  performance.clearMarks(START);
}

/** Called once the enqueue transaction committed: measures when this command is on screen. */
export function expectRendered(commandId: string): void {
  if (rendered.has(commandId)) {
    measureNextFrame();
    return;
  }
  awaited = commandId;
}

/** On the screen that shows the overlaid order: the ids of the commands it just rendered. */
export function useRenderedCommands(foldedIds: readonly string[]): void {
  useEffect(() => {
    rendered = new Set(foldedIds);
    if (awaited && rendered.has(awaited)) {
      awaited = null;
      measureNextFrame();
    }
  }, [foldedIds]);
}
