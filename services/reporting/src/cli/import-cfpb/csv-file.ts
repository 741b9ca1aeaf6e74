import { createReadStream } from 'node:fs';
import { CsvRows } from '../csv-rows.js';

/** The rows of a CSV file, read in chunks (any size). */
export async function* csvFileRows(path: string): AsyncGenerator<string[]> {
  const reader = new CsvRows();
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) yield* reader.push(chunk as string);
  yield* reader.end();
}

/** How many data rows (after the header) the file holds. */
export async function countDataRows(path: string): Promise<number> {
  let rows = 0;
  for await (const row of csvFileRows(path)) if (row.some((field) => field !== '')) rows += 1;
  return Math.max(rows - 1, 0);
}
