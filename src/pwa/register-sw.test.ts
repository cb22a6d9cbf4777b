import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for workbox-window: the test fires its events and sees what the app asks of it.
const fake = vi.hoisted(() => ({
  handlers: new Map<string, () => void>(),
  messageSkipWaiting: vi.fn(),
  registration: undefined as EventTarget | undefined,
}));

vi.mock('workbox-window', () => ({
  Workbox: class {
    addEventListener(type: string, handler: () => void) {
      fake.handlers.set(type, handler);
    }
    register() {
      return Promise.resolve(fake.registration);
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
  fake.registration = undefined;
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

  it('reports every version that installs later, not only the first update found', async () => {
    // A rolling deploy: the first new version fails to install (old and new servers answered
    // its precache), a later check finds one that installs.
    const registration = Object.assign(new EventTarget(), { installing: null as EventTarget | null });
    fake.registration = registration;
    vi.stubGlobal('navigator', { serviceWorker: { controller: {} }, onLine: true });
    const { sw } = await load();
    await sw.registerServiceWorker();
    await Promise.resolve();
    const install = (outcome: 'installed' | 'redundant') => {
      const worker = Object.assign(new EventTarget(), { state: 'installing' });
      registration.installing = worker;
      registration.dispatchEvent(new Event('updatefound'));
      worker.state = outcome;
      worker.dispatchEvent(new Event('statechange'));
    };
    install('redundant');
    expect(sw.isUpdateWaiting()).toBe(false);
    install('installed');
    expect(sw.isUpdateWaiting()).toBe(true);
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
