import { describe, expect, it, vi } from 'vitest';

describe('Zod without eval', () => {
  it('is jitless once the module ran: parsing never asks for new Function', async () => {
    await import('./zod-without-eval');
    const { config } = await import('zod/v4/core');
    expect(config().jitless).toBe(true);
    const { z } = await import('zod');
    const RealFunction = globalThis.Function;
    const made = vi.fn();
    vi.stubGlobal(
      'Function',
      new Proxy(RealFunction, {
        construct(target, args: string[]) {
          made();
          return new target(...args);
        },
      }),
    );
    try {
      const schema = z.object({ id: z.string(), qty: z.number().int() });
      expect(schema.parse({ id: 'a', qty: 2 })).toEqual({ id: 'a', qty: 2 });
      expect(schema.safeParse({ id: 1 }).success).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(made).not.toHaveBeenCalled();
  });
});
