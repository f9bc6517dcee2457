import { describe, expect, it } from 'vitest';
import { FRAMES_PER_TURN, InboundQueue, LARGE_FRAME_CHARS } from '../../../../../src-main/platform/transport/inbound-queue';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('InboundQueue', () => {
  it('handles small frames in order, FRAMES_PER_TURN per turn of the loop', async () => {
    const seen: string[] = [];
    const q = new InboundQueue((t) => seen.push(t), () => undefined);
    for (let i = 0; i < FRAMES_PER_TURN + 3; i++) q.push(`f${String(i)}`);
    await turn();
    expect(seen).toHaveLength(FRAMES_PER_TURN);
    await turn();
    expect(seen).toEqual(Array.from({ length: FRAMES_PER_TURN + 3 }, (_, i) => `f${String(i)}`));
  });

  it('ends the turn after a large frame (a picture), so what waits elsewhere runs before the next one is parsed', async () => {
    const seen: string[] = [];
    const q = new InboundQueue((t) => seen.push(t.length >= LARGE_FRAME_CHARS ? 'big' : t), () => undefined);
    const big = 'x'.repeat(LARGE_FRAME_CHARS);
    q.push('a');
    q.push(big);
    q.push(big);
    q.push('b');
    await turn();
    expect(seen).toEqual(['a', 'big']);
    await turn();
    expect(seen).toEqual(['a', 'big', 'big']);
    await turn();
    expect(seen).toEqual(['a', 'big', 'big', 'b']);
  });
});
