/**
 * Gathers the deliveries that arrive in one turn of the event loop (amqplib hands over every message of
 * a socket read in the same turn) and passes them on together, at most `maxSize` at a time. Each
 * caller's promise settles when its own delivery has been dealt with.
 */
export class DeliveryWindow<T> {
  private open: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly maxSize: number,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.open.push({ item, resolve, reject });
      if (this.open.length === 1) setImmediate(() => this.close());
    });
  }

  private close(): void {
    const taken = this.open;
    this.open = [];
    for (let start = 0; start < taken.length; start += this.maxSize) {
      const part = taken.slice(start, start + this.maxSize);
      this.flush(part.map((entry) => entry.item)).then(
        () => part.forEach((entry) => entry.resolve()),
        (error: unknown) => part.forEach((entry) => entry.reject(error)),
      );
    }
  }
}
