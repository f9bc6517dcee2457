import { describe, expect, it } from 'vitest';
import { boundedLines, type TextLine } from '../../../../../src-main/market-data/import/bounded-lines';

async function* chunksOf(...chunks: string[]): AsyncGenerator<string> {
  for (const c of chunks) {
    await Promise.resolve();
    yield c;
  }
}

async function lines(chunks: string[], max?: number): Promise<TextLine[]> {
  const out: TextLine[] = [];
  for await (const line of boundedLines(chunksOf(...chunks), max)) out.push(line);
  return out;
}

const text = (...xs: string[]): TextLine[] => xs.map((x) => ({ text: x, length: x.length }));

describe('boundedLines', () => {
  it('splits at LF, CRLF and a lone CR, as readline does, however the chunks fall', async () => {
    expect(await lines(['a,b\nc\r\nd\re'])).toEqual(text('a,b', 'c', 'd', 'e'));
    expect(await lines(['a', ',b', '\n', 'c\r', '\nd\r', 'e\n'])).toEqual(text('a,b', 'c', 'd', 'e'));
    expect(await lines(['x\r', '', '\ny'])).toEqual(text('x', 'y'));
  });

  it('keeps empty lines, and adds none for a final newline', async () => {
    expect(await lines(['a\n\nb\n'])).toEqual(text('a', '', 'b'));
    expect(await lines(['\n'])).toEqual(text(''));
    expect(await lines([])).toEqual([]);
  });

  it('gives a line over the limit as its length only, and goes on with the next', async () => {
    expect(await lines(['ok\n', 'x'.repeat(6), 'x'.repeat(6), '\nnext'], 10)).toEqual([...text('ok'), { text: null, length: 12 }, ...text('next')]);
    // Exactly at the limit is still a line.
    expect(await lines(['y'.repeat(10)], 10)).toEqual(text('y'.repeat(10)));
  });
});
