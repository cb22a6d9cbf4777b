import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for workbox-window: the test fires its events and sees what the app asks of it.
const fake = vi.hoisted(() => ({
  handlers: new Map<string, () => void>(),
  messageSkipWaiting: vi.fn(),
}));

vi.mock('workbox-window', () => ({
  Workbox: class {
    addEventListener(type: string, handler: () => void) {
      fake.handlers.set(type, handler);
    }
    register() {
      return Promise.resolve(undefined);
    }
    update() {
      return Promise.resolve();
    }
    messageSkipWaiting() {
      fake.messageSkipWaiting();
    }
  },
}));

const reload = vi.fn();

async function load() {
  vi.resetModules();
  const outbox = await import('../local-db/outbox-status');
  const sw = await import('./register-sw');
  return { outbox, sw };
}

function fire(type: 'waiting' | 'controlling') {
  fake.handlers.get(type)?.();
}

beforeEach(() => {
  fake.handlers.clear();
  fake.messageSkipWaiting.mockClear();
  reload.mockClear();
  vi.stubEnv('PROD', true);
  vi.stubGlobal('navigator', { serviceWorker: {}, onLine: true });
  vi.stubGlobal('window', { location: { reload }, setInterval: vi.fn() });
  vi.stubGlobal('console', { ...console, warn: vi.fn() });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('registerServiceWorker', () => {
  it('does nothing in development builds', async () => {
    vi.stubEnv('PROD', false);
    const { sw } = await load();
    await sw.registerServiceWorker();
    expect(fake.handlers.size).toBe(0);
  });

  it('reports a waiting version to subscribers', async () => {
    const { sw } = await load();
    const listener = vi.fn();
    sw.subscribeUpdateWaiting(listener);
    await sw.registerServiceWorker();
    expect(sw.isUpdateWaiting()).toBe(false);
    fire('waiting');
    expect(sw.isUpdateWaiting()).toBe(true);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('does not reload when the first install takes control', async () => {
    const { sw } = await load();
    await sw.registerServiceWorker();
    fire('controlling');
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('applyUpdate', () => {
  it('activates the waiting version and reloads once it controls the page', async () => {
    const { sw } = await load();
    await sw.registerServiceWorker();
    fire('waiting');
    expect(sw.applyUpdate()).toBe(true);
    expect(fake.messageSkipWaiting).toHaveBeenCalledOnce();
    fire('controlling');
    expect(reload).toHaveBeenCalledOnce();
  });

  it('refuses while the outbox has unsynced work', async () => {
    const { sw, outbox } = await load();
    await sw.registerServiceWorker();
    fire('waiting');
    outbox.setOutboxIdle(false);
    expect(sw.applyUpdate()).toBe(false);
    expect(fake.messageSkipWaiting).not.toHaveBeenCalled();
  });

  it('never reloads while the outbox is busy, and reloads when it drains', async () => {
    const { sw, outbox } = await load();
    await sw.registerServiceWorker();
    fire('waiting');
    // Another tab applied the update while this one has work in its outbox.
    outbox.setOutboxIdle(false);
    fire('controlling');
    expect(reload).not.toHaveBeenCalled();
    outbox.setOutboxIdle(true);
    expect(reload).toHaveBeenCalledOnce();
  });
});
