import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../../src-main/platform/cli/cli-io';
import { runCli } from '../../../../../src-main/platform/cli/run-cli';

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, stop: new AbortController().signal };
}

describe('runCli', () => {
  it('--help lists every command and exits 0', async () => {
    const t = io();
    expect(await runCli(['--help'], t)).toBe(0);
    expect(t.stdout.join('\n')).toMatch(/Commands:\n {2}serve +run the workstation headless/);
    expect(t.stdout.join('\n')).toMatch(/ {2}import +import bars from a CSV file into the store\n {2}candles +print bars/);
    expect(t.stdout.join('\n')).toMatch(/ {2}help +show help for a command/);
  });

  it('no arguments prints help and exits 2', async () => {
    const t = io();
    expect(await runCli([], t)).toBe(2);
    expect(t.stdout.join('\n')).toContain('Usage: tapedeck <command>');
  });

  it.each([
    [['--frobnicate'], 'tapedeck: unknown option "--frobnicate" (try tapedeck --help)'],
    [['trade'], 'tapedeck: unknown command "trade" (try tapedeck --help)'],
    [['help', 'trade'], 'tapedeck: unknown command "trade"'],
    [['serve', '--bogus'], "tapedeck: unknown option '--bogus' (see --help)"],
    [['serve', '--port', 'eighty'], 'tapedeck: --port: must be a whole number from 0 to 65535 (0 picks a free port)'],
    [['serve', '--port', '70000'], 'tapedeck: --port: Too big: expected number to be <=65535'],
    [['serve', 'extra'], 'tapedeck: unexpected argument "extra"'],
  ])('%j exits 2 with one line: %s', async (argv, line) => {
    const t = io();
    expect(await runCli(argv, t)).toBe(2);
    expect(t.stderr).toEqual([line]);
  });

  it('each command has its own --help', async () => {
    const t = io();
    expect(await runCli(['serve', '--help'], t)).toBe(0);
    expect(t.stdout[0]).toMatch(/^Usage: tapedeck serve/);
    const h = io();
    expect(await runCli(['help', 'serve'], h)).toBe(0);
    expect(h.stdout).toEqual(t.stdout);
  });

  it('--version prints the version', async () => {
    const t = io();
    expect(await runCli(['--version'], t)).toBe(0);
    expect(t.stdout).toEqual(['0.1.0']);
  });
});
