/**
 * Gathers deliveries and passes them on together, at most `maxSize` at a time, with at most
 * `concurrency` parts being dealt with at once. A delivery that finds a free slot goes at the next turn
 * of the event loop (with whatever arrived in the same turn: amqplib hands over every message of a
 * socket read together), so nothing waits when the consumer is idle; under load, what arrives while
 * every slot is busy goes together when one frees, so parts grow with the load. Each caller's promise
 * settles when its own delivery has been dealt with.
 */
export class DeliveryWindow<T> {
  private open: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private busy = 0;
  private scheduled = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly maxSize: number,
    private readonly concurrency = Infinity,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.open.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || !this.open.length || this.busy >= this.concurrency) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.close();
    });
  }

  private close(): void {
    while (this.open.length && this.busy < this.concurrency) {
      const part = this.open.splice(0, this.maxSize);
      this.busy += 1;
      this.flush(part.map((entry) => entry.item))
        .then(
          () => part.forEach((entry) => entry.resolve()),
          (error: unknown) => part.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.busy -= 1;
          this.schedule();
        });
    }
  }
}
