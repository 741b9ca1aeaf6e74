import { CsvRows, parseCsv } from './csv-rows.js';

describe('CsvRows', () => {
  it('reads plain, quoted and empty fields', () => {
    expect(parseCsv('a,b,c\n1,"two, three",\n')).toEqual([['a', 'b', 'c'], ['1', 'two, three', '']]);
  });

  it('reads doubled quotes and line breaks inside quotes, and CRLF rows', () => {
    expect(parseCsv('"say ""hi""","line\r\nbreak"\r\nx,y')).toEqual([['say "hi"', 'line\r\nbreak'], ['x', 'y']]);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const text = 'id,text\r\n1,"a ""quoted"", multi\nline value"\r\n2,plain\r\n3,"",\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 7; size += 1) {
      const reader = new CsvRows();
      const rows: string[][] = [];
      for (let i = 0; i < text.length; i += size) rows.push(...reader.push(text.slice(i, i + size)));
      rows.push(...reader.end());
      expect(rows).toEqual(whole);
    }
    expect(whole).toEqual([['id', 'text'], ['1', 'a "quoted", multi\nline value'], ['2', 'plain'], ['3', '', '']]);
  });
});
