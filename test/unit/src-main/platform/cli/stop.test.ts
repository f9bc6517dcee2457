import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Interrupted, stopOnSignals, throwIfStopped, untilStopped, whenStopped } from '../../../../../src-main/platform/cli/stop';

/** A stand-in for `process` that counts its listeners and can raise a signal. */
function fakeProcess(): EventEmitter & { raise(signal: 'SIGINT' | 'SIGTERM'): boolean } {
  const proc = new EventEmitter() as EventEmitter & { raise(signal: 'SIGINT' | 'SIGTERM'): boolean };
  proc.raise = (signal) => proc.emit(signal);
  return proc;
}

describe('stopping a command', () => {
  it('Interrupted says what was kept and exits 130 for SIGINT, 143 for SIGTERM', () => {
    const int = new Interrupted('SIGINT', '300,000 rows stored, the series is marked incomplete until an import completes it');
    expect(int.message).toBe('interrupted (SIGINT); 300,000 rows stored, the series is marked incomplete until an import completes it');
    expect(int.exitCode).toBe(130);
    expect(new Interrupted('SIGTERM').message).toBe('interrupted (SIGTERM)');
    expect(new Interrupted('SIGTERM').exitCode).toBe(143);
  });

  it('catches only the first SIGINT or SIGTERM: a second one falls to the default action', () => {
    const proc = fakeProcess();
    const stop = stopOnSignals(proc as unknown as NodeJS.Process);
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(2);
    expect(proc.raise('SIGTERM')).toBe(true);
    expect(stop.aborted).toBe(true);
    expect(() => throwIfStopped(stop, 'nothing stored')).toThrow(new Interrupted('SIGTERM', 'nothing stored'));
    // No listener is left, so node's default (end the process) applies to the next one.
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('untilStopped gives the work\'s outcome, or Interrupted as soon as the stop comes', async () => {
    const quiet = new AbortController();
    expect(await untilStopped(quiet.signal, Promise.resolve(7))).toBe(7);
    const stop = new AbortController();
    const never = new Promise<number>(() => undefined);
    const waiting = untilStopped(stop.signal, never);
    stop.abort('SIGINT');
    await expect(waiting).rejects.toThrow(new Interrupted('SIGINT'));
    await expect(untilStopped(stop.signal, Promise.resolve(1))).rejects.toThrow(Interrupted);
    expect(await whenStopped(stop.signal)).toBe('SIGINT');
  });
});
