import { describe, expect, it } from 'vitest';
import { parseEventNames } from './poke-stream';

describe('parseEventNames', () => {
  it('reads complete events and keeps a partial one for the next chunk', () => {
    const chunk =
      'retry: 3000\nevent: ready\ndata: {}\n\n: heartbeat\n\nevent: poke\ndata: {"storeId":"MI01"}\n\nevent: po';
    const { names, rest } = parseEventNames(chunk);
    expect(names).toEqual(['ready', 'poke']);
    expect(rest).toBe('event: po');
    expect(parseEventNames(`${rest}ke\r\ndata: {}\r\n\r\n`).names).toEqual(['poke']);
  });
});
