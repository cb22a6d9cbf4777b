/**
 * Bounds how many PIN hashes run at once. scrypt runs on Node's libuv pool (4 threads), which
 * the rest of the server also needs (file reads, DNS, zlib); a storm of sign-ins that filled it
 * would slow every pull and push of every store. At most `limit` hashes run, the next ones wait
 * in order, and past `maxQueue` waiting a sign-in is refused at once (503 auth.busy with
 * Retry-After), so a storm slows sign-ins only, and a device retries instead of timing out.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueue: number,
  ) {}

  /** Hashes waiting for their turn, for /metrics and tests. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` when a slot is free; `full` when too many already wait. */
  async run<T>(work: () => Promise<T>, full: () => Error): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxQueue) throw full();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` only drops when none wait.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
