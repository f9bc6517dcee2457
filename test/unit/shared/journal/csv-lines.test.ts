import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../shared/journal/csv-lines';

describe('readCsv', () => {
  it('reads quotes, doubled quotes, commas and line breaks in fields, CRLF, LF and CR, a BOM, blank lines', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",\r\n\r\n"multi\r\nline\nfield",2,3\n4,5,6\r7,"",8';
    expect(readCsv(text)).toEqual({
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['1', 'x, "y"', ''] },
        { line: 4, cells: ['multi\r\nline\nfield', '2', '3'] },
        { line: 7, cells: ['4', '5', '6'] },
        { line: 8, cells: ['7', '', '8'] },
      ],
      error: null,
    });
  });

  it('keeps a trailing empty field and a quoted empty line as a record', () => {
    expect(readCsv('a,\n""\n').records).toEqual([
      { line: 1, cells: ['a', ''] },
      { line: 2, cells: [''] },
    ]);
  });

  it('is lenient with stray quotes; an unclosed quoted field is an error at its line', () => {
    expect(readCsv('ab"c,"d"e\n').records).toEqual([{ line: 1, cells: ['ab"c', 'de'] }]);
    expect(readCsv('a,b\n1,2\n3,"open\n4,5\n')).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', '2'] },
      ],
      error: { line: 3, reason: 'a quoted field is not closed (a " is missing)' },
    });
  });
});
