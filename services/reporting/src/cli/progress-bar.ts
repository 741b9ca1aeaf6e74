/**
 * A progress bar for operator commands on a terminal (`[#####-----] 50% 500/1,000 complaints 1,234/s ETA 1s`);
 * without a terminal it writes one line per tenth, so logs stay readable.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastTenth = -1;

  constructor(private readonly unit: string, private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(done: number, total: number): void {
    const share = total > 0 ? Math.min(done / total, 1) : 1;
    const line = this.render(done, total, share);
    if (this.out.isTTY) {
      this.out.write(`\r${line}`);
    } else if (Math.floor(share * 10) > this.lastTenth) {
      this.lastTenth = Math.floor(share * 10);
      this.out.write(`${line}\n`);
    }
  }

  finish(summary: string): void {
    this.out.write(`${this.out.isTTY ? '\n' : ''}${summary}\n`);
  }

  render(done: number, total: number, share: number): string {
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const number = (n: number) => Math.round(n).toLocaleString('en-US');
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${number(done)}/${number(total)} ${this.unit} ${number(rate)}/s ETA ${eta}s`;
  }
}
