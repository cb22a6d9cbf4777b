/**
 * Text a client may send but the server never stores: PostgreSQL refuses NUL in text and JSON,
 * and a lone UTF-16 surrogate is no character at all. Other control characters stay (a GS1
 * barcode carries its FNC1 as the GS character, 0x1D). Kept free of zod for the device too.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

export interface WireLimits {
  /** Nesting of arrays and objects. */
  maxDepth: number;
  /** Values in all (strings, numbers, keys…): a bound on the work of walking it. */
  maxNodes: number;
}

export type WireProblem = { kind: 'unsafeText' | 'tooDeep' | 'tooLarge'; path: string };

/**
 * The first problem in a parsed JSON value, or null. It walks with its own stack, so a value
 * nested thousands of levels deep is reported, never a stack overflow.
 */
export function findWireProblem(value: unknown, limits: WireLimits): WireProblem | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    if (++nodes > limits.maxNodes) return { kind: 'tooLarge', path };
    if (typeof current === 'string') {
      if (!isSafeText(current)) return { kind: 'unsafeText', path };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.maxDepth) return { kind: 'tooDeep', path };
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (!isSafeText(key)) return { kind: 'unsafeText', path: `${path}.<key>` };
      stack.push({ value: item, depth: depth + 1, path: `${path}.${key}` });
    }
  }
  return null;
}
