import type { RetrySchedule } from './retry-delay';

export interface WorkerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export const quiet: WorkerLog = { info: () => undefined, warn: () => undefined };

/** What every outbox worker can be tuned with (tests shorten the waits and fix the clock). */
export interface OutboxWorkerOptions {
  /** After this many failed attempts a row is given up (kept, with its last error). */
  maxAttempts?: number;
  retry?: RetrySchedule;
  /** How long a claimed row is hidden from other instances while it is being handled. */
  leaseMs?: number;
  batchSize?: number;
  now?: () => Date;
  log?: WorkerLog;
}

/**
 * The shape shared by the server-side outboxes (customer messages, platform webhooks): claim a
 * batch of due rows, handle each outside any transaction, and drain batch after batch until
 * nothing is due. Subclasses say how a batch is claimed and handled.
 */
export abstract class OutboxWorker {
  protected readonly maxAttempts: number;
  protected readonly retry: RetrySchedule;
  protected readonly leaseMs: number;
  protected readonly batchSize: number;
  protected readonly now: () => Date;
  protected readonly log: WorkerLog;

  constructor(
    options: OutboxWorkerOptions,
    defaults: { maxAttempts: number; retry: RetrySchedule; leaseMs: number },
  ) {
    this.maxAttempts = options.maxAttempts ?? defaults.maxAttempts;
    this.retry = options.retry ?? defaults.retry;
    this.leaseMs = options.leaseMs ?? defaults.leaseMs;
    this.batchSize = options.batchSize ?? 20;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? quiet;
  }

  /** Handles one batch of due rows; returns how many it claimed. */
  abstract runOnce(): Promise<number>;

  /** Handles batches until nothing is due (at most 50 batches a call); returns how many rows. */
  async drain(): Promise<number> {
    let total = 0;
    for (let round = 0; round < 50; round++) {
      const handled = await this.runOnce();
      total += handled;
      if (handled < this.batchSize) break;
    }
    return total;
  }
}
