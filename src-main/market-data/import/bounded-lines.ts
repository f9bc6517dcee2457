/** Characters a CSV line may hold: a bar row is well under 200; anything past this is not one. */
export const MAX_LINE_CHARS = 4096;

/** The refusal of a line over the limit, with its length. */
export function lineTooLong(chars: number): string {
  return `line too long (${chars.toLocaleString('en-US')} characters; at most ${MAX_LINE_CHARS.toLocaleString('en-US')})`;
}

/** One line of a text: its text, or null when it was over the limit (then only its length is known). */
export interface TextLine {
  readonly text: string | null;
  readonly length: number;
}

/**
 * The lines of a text stream (string chunks, e.g. a file read as UTF-8),
 * split at LF, CRLF or a lone CR as readline splits them, without holding
 * more than `max` characters of any one line: a longer line is only counted,
 * so a 200 MB line costs no more memory than a short one.
 */
export async function* boundedLines(chunks: AsyncIterable<string>, max = MAX_LINE_CHARS): AsyncGenerator<TextLine> {
  const breaks = /[\r\n]/g;
  let parts: string[] = [];
  let length = 0;
  let pending = false;
  let afterCr = false;
  const take = (piece: string): void => {
    length += piece.length;
    pending = true;
    if (length <= max) parts.push(piece);
    else parts = [];
  };
  const line = (): TextLine => {
    const out = { text: length <= max ? parts.join('') : null, length };
    parts = [];
    length = 0;
    pending = false;
    return out;
  };
  for await (const chunk of chunks) {
    if (chunk === '') continue;
    // The LF of a CRLF whose CR ended the previous chunk.
    let at = afterCr && chunk.startsWith('\n') ? 1 : 0;
    afterCr = false;
    breaks.lastIndex = at;
    for (let m = breaks.exec(chunk); m !== null; m = breaks.exec(chunk)) {
      take(chunk.slice(at, m.index));
      yield line();
      at = m.index + 1;
      if (chunk[m.index] === '\r') {
        if (at === chunk.length) afterCr = true;
        else if (chunk[at] === '\n') at++;
      }
      breaks.lastIndex = at;
    }
    if (at < chunk.length) take(chunk.slice(at));
  }
  if (pending) yield line();
}
