import { MAX_ASSEMBLED_BYTES, MAX_FRAME_BYTES, PART_CHARS, type PartFrame } from './wire';

/** Pure ASCII: one byte per character in UTF-8 (bar data always is). */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Cuts a serialised server frame into part frames when it is too long for
 * one message (see partFrameSchema); a short one comes back as is. Both
 * transports share it so the rule is written once.
 */
export function splitFrameText(text: string, stream: number, reply: number | null, maxChars = PART_CHARS, maxBytes = MAX_FRAME_BYTES): string[] {
  // Short enough in any encoding, or ASCII (one byte a character) within the frame limit: one message.
  if (text.length <= maxChars || (text.length <= maxBytes && ASCII.test(text))) return [text];
  const count = Math.ceil(text.length / maxChars);
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    const part: PartFrame = { t: 'part', stream, index, count, reply, data: text.slice(index * maxChars, (index + 1) * maxChars) };
    out.push(JSON.stringify(part));
  }
  return out;
}

/**
 * Joins part frames back into the frame text. Parts of one stream arrive in
 * order on one socket; a part out of order, a stream that changes its count
 * or grows past MAX_ASSEMBLED_BYTES is dropped and reported once.
 */
export class FrameAssembler {
  private readonly streams = new Map<number, { count: number; next: number; chunks: string[]; chars: number; reply: number | null }>();

  /** Adds a part; returns the whole frame text once its last part arrived, or an error naming the request it answered. */
  add(part: PartFrame): { text: string } | { error: string; reply: number | null } | null {
    let s = this.streams.get(part.stream);
    if (s === undefined) {
      if (part.index !== 0) return { error: `part ${String(part.index)} of a frame whose start was not received`, reply: part.reply };
      s = { count: part.count, next: 0, chunks: [], chars: 0, reply: part.reply };
      this.streams.set(part.stream, s);
    }
    if (part.index !== s.next || part.count !== s.count) {
      this.streams.delete(part.stream);
      return { error: 'frame parts arrived out of order', reply: s.reply };
    }
    s.chunks.push(part.data);
    s.chars += part.data.length;
    s.next += 1;
    if (s.chars * 2 > MAX_ASSEMBLED_BYTES) {
      this.streams.delete(part.stream);
      return { error: `a reply larger than ${String(MAX_ASSEMBLED_BYTES / 1024 / 1024)} MiB was dropped`, reply: s.reply };
    }
    if (s.next < s.count) return null;
    this.streams.delete(part.stream);
    return { text: s.chunks.join('') };
  }

  /** Forgets partial frames (the socket closed). */
  reset(): void {
    this.streams.clear();
  }
}
