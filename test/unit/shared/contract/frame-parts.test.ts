import { describe, expect, it } from 'vitest';
import { FrameAssembler, partFrameSchema, splitFrameText, type PartFrame } from '../../../../shared/contract';

const parts = (texts: string[]): PartFrame[] => texts.map((t) => partFrameSchema.parse(JSON.parse(t)));

describe('frames too large for one message', () => {
  it('go as ordered parts that join back to the same text, and a short frame goes whole', () => {
    const text = JSON.stringify({ t: 'reply', id: 7, ok: true, result: { data: 'x"\\\n'.repeat(1000) } });
    expect(splitFrameText(text, 1, 7, 1 << 20)).toEqual([text]);
    const sliced = parts(splitFrameText(text, 3, 7, 1000, 1000));
    expect(sliced.length).toBe(Math.ceil(text.length / 1000));
    expect(sliced.every((p) => p.stream === 3 && p.reply === 7 && p.count === sliced.length)).toBe(true);
    const a = new FrameAssembler();
    const results = sliced.map((p) => a.add(p));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toEqual({ text });
  });

  it('go whole when ASCII within a frame (bars always are), in parts when other characters could pass the byte limit', () => {
    const ascii = 'a'.repeat(500_000);
    expect(splitFrameText(ascii, 1, null)).toEqual([ascii]);
    const wide = 'é'.repeat(500_000);
    expect(splitFrameText(wide, 2, null).length).toBeGreaterThan(1);
  });

  it('refuse a part out of order or without its start, naming the request it answered', () => {
    const sliced = parts(splitFrameText('y'.repeat(50), 4, 12, 10, 10));
    const a = new FrameAssembler();
    expect(a.add(sliced[1] as PartFrame)).toEqual({ error: 'part 1 of a frame whose start was not received', reply: 12 });
    expect(a.add(sliced[0] as PartFrame)).toBeNull();
    expect(a.add(sliced[2] as PartFrame)).toEqual({ error: 'frame parts arrived out of order', reply: 12 });
    // After a failure the stream starts afresh.
    for (const p of sliced.slice(0, -1)) expect(a.add(p)).toBeNull();
    expect(a.add(sliced.at(-1) as PartFrame)).toEqual({ text: 'y'.repeat(50) });
  });
});
