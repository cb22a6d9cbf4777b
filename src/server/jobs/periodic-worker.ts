/**
 * Runs one job now and then: every `intervalMs`, and at once when woken (a NOTIFY said new work
 * landed). Runs never overlap: a wake during a run asks for one more run after it. The timer
 * does not keep the process alive, and stop() waits for the run in flight, so a server closes
 * cleanly and a test never hangs on it.
 */
export class PeriodicWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly job: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.intervalMs);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.job();
        } catch (error) {
          this.onError(error);
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = undefined;
    }
  }
}
