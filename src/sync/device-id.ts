const DEVICE_ID_KEY = 'aisle.deviceId';

let cached: string | undefined;

/** A random id this device keeps for good, so the audit trail can tell devices apart. */
export function getDeviceId(): string {
  if (cached) return cached;
  let id: string | null = null;
  try {
    id = localStorage.getItem(DEVICE_ID_KEY);
  } catch {
    // Storage can be blocked (private mode); a per-tab id is still better than none.
  }
  if (!id || id.length < 8) {
    id = crypto.randomUUID();
    try {
      localStorage.setItem(DEVICE_ID_KEY, id);
    } catch {
      // See above.
    }
  }
  cached = id;
  return id;
}
