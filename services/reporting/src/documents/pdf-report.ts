import PDFDocument from 'pdfkit';
import type { Bar, Series } from './svg-charts.js';

const MARGIN = 50;
const INK = '#1d2733';
const MUTED = '#5b6878';

/** A4 report pages drawn with pdfkit: headings, tables and vector bar charts, breaking pages as needed. */
export class PdfReport {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(title: string) {
    this.doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Producer: 'Redress' } });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve) => this.doc.on('end', () => resolve(Buffer.concat(this.chunks))));
    this.doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(title);
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private room(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }

  note(text: string): this {
    this.doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(text).moveDown(0.5);
    return this;
  }

  heading(text: string): this {
    this.room(60);
    this.doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, MARGIN).moveDown(0.3);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('Helvetica').fontSize(10).fillColor(INK).text(text, MARGIN).moveDown(0.3);
    return this;
  }

  /** Rows of cells; the first column gets `firstShare` of the width, the others share the rest. */
  table(header: readonly string[], rows: readonly (readonly string[])[], firstShare = 0.4): this {
    if (!rows.length) return this.paragraph('None.');
    const first = this.width * firstShare;
    const other = header.length > 1 ? (this.width - first) / (header.length - 1) : 0;
    const x = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * other);
    const w = (i: number) => (i === 0 ? first : other) - 6;
    const line = (cells: readonly string[], bold: boolean) => {
      this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const height = Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: w(i) }))) + 4;
      this.room(height);
      const y = this.doc.y;
      cells.forEach((cell, i) => this.doc.fillColor(INK).text(cell, x(i), y, { width: w(i) }));
      this.doc.moveTo(MARGIN, y + height - 2).lineTo(MARGIN + this.width, y + height - 2).lineWidth(0.3).strokeColor('#d5dbe2').stroke();
      this.doc.x = MARGIN;
      this.doc.y = y + height;
    };
    line(header, true);
    rows.forEach((row) => line(row, false));
    this.doc.moveDown(0.5);
    return this;
  }

  horizontalBars(bars: readonly Bar[], colour = '#3567b0'): this {
    if (!bars.length) return this.paragraph('Nothing to chart.');
    const row = 16;
    this.room(bars.length * row + 10);
    const max = Math.max(1, ...bars.map((b) => b.value));
    const top = this.doc.y;
    const labelWidth = 120;
    bars.forEach((bar, i) => {
      const y = top + i * row;
      const width = (bar.value / max) * (this.width - labelWidth - 40);
      this.doc.font('Helvetica').fontSize(8).fillColor(INK).text(bar.label, MARGIN, y + 2, { width: labelWidth - 6, align: 'right' });
      this.doc.rect(MARGIN + labelWidth, y + 2, Math.max(width, bar.value > 0 ? 1 : 0), 10).fill(colour);
      this.doc.fillColor(INK).text(String(bar.value), MARGIN + labelWidth + width + 4, y + 2);
    });
    this.doc.x = MARGIN;
    this.doc.y = top + bars.length * row + 8;
    return this;
  }

  groupedColumns(labels: readonly string[], series: readonly Series[]): this {
    if (!labels.length) return this.paragraph('Nothing to chart.');
    const height = 140;
    this.room(height + 50);
    const top = this.doc.y + 14;
    const max = Math.max(1, ...series.flatMap((s) => s.values));
    const slot = (this.width - 30) / labels.length;
    const barWidth = Math.max((slot * 0.8) / series.length, 0.5);
    series.forEach((s, si) => {
      this.doc.rect(MARGIN + 30 + si * 90, top - 12, 8, 8).fill(s.colour);
      this.doc.font('Helvetica').fontSize(8).fillColor(INK).text(s.name, MARGIN + 42 + si * 90, top - 12);
      s.values.forEach((value, i) => {
        const h = (value / max) * height;
        if (h > 0) this.doc.rect(MARGIN + 30 + i * slot + slot * 0.1 + si * barWidth, top + 8 + height - h, barWidth, h).fill(s.colour);
      });
    });
    const every = Math.ceil(labels.length / 12);
    labels.forEach((label, i) => {
      if (i % every === 0) this.doc.fontSize(7).fillColor(MUTED).text(label, MARGIN + 30 + i * slot, top + height + 12, { width: slot * every, lineBreak: false });
    });
    this.doc.fontSize(7).fillColor(MUTED).text(String(max), MARGIN, top + 8).text('0', MARGIN, top + height);
    this.doc.moveTo(MARGIN + 30, top + 8 + height).lineTo(MARGIN + this.width, top + 8 + height).lineWidth(0.5).strokeColor('#9aa5b1').stroke();
    this.doc.x = MARGIN;
    this.doc.y = top + height + 30;
    return this;
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
