import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built `tapedeck` command. */
export const TAPEDECK_BIN = join(process.cwd(), 'bin/tapedeck.mjs');

/** Binance's hosts pointed at a closed local port: a bench never reaches a venue (the sim stands in). */
export const OFFLINE_VENUES: Readonly<Record<string, string>> = {
  TAPEDECK_BINANCE_REST_URL: 'http://127.0.0.1:9',
  TAPEDECK_BINANCE_WS_URL: 'ws://127.0.0.1:9',
  TAPEDECK_BINANCE_VISION_URL: 'http://127.0.0.1:9',
};

export interface BenchServe {
  /** The page URL with its token. */
  readonly url: string;
  readonly pid: number;
  stop(): void;
}

/**
 * `tapedeck serve` on a free loopback port over `dir`, once it prints its
 * URL; `env` is its whole environment (OFFLINE_VENUES and the bench's own on
 * top of process.env); its stderr is dropped unless `stderr` is 'inherit'.
 */
export async function startBenchServe(dir: string, env: NodeJS.ProcessEnv, stderr: 'ignore' | 'inherit' = 'ignore'): Promise<BenchServe> {
  const child = spawn(process.execPath, [TAPEDECK_BIN, 'serve', '--port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', stderr], env });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open: (http:\/\/\S+\?token=\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${String(code)}`)));
  });
  return { url, pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') };
}
