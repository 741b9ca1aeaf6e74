/**
 * RFC 4180 rows from text arriving in chunks (quoted fields may hold commas, quotes as "" and line
 * breaks), so a file of any size is read with flat memory.
 */
export class CsvRows {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  private quoteSeen = false;
  private pendingCr = false;

  /** The rows completed by this chunk. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    for (const ch of chunk) {
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') { this.field += '"'; continue; }
          this.quoted = false; // the quote closed the field; this character follows it
        } else if (ch === '"') { this.quoteSeen = true; continue; }
        else { this.field += ch; continue; }
      }
      if (ch === '"' && this.field === '') this.quoted = true;
      else if (ch === ',') this.endField();
      else if (ch === '\n' || ch === '\r') {
        this.pendingCr = ch === '\r';
        rows.push(this.endRow());
      } else this.field += ch;
    }
    return rows;
  }

  /** The last row, if the text did not end with a line break. */
  end(): string[][] {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    return this.field !== '' || this.row.length ? [this.endRow()] : [];
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
  }

  private endRow(): string[] {
    this.endField();
    const row = this.row;
    this.row = [];
    return row;
  }
}

export function parseCsv(text: string): string[][] {
  const reader = new CsvRows();
  return [...reader.push(text), ...reader.end()];
}
