import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/tapedeck.mjs', import.meta.url));

/** Tests never reach a real exchange: Binance and Alpaca are pointed at a closed loopback port (so they report OFFLINE), and no Alpaca keys leak in from the shell. */
export const NO_REAL_EXCHANGE = {
  TAPEDECK_BINANCE_REST_URL: 'http://127.0.0.1:9',
  TAPEDECK_BINANCE_WS_URL: 'ws://127.0.0.1:9',
  TAPEDECK_BINANCE_VISION_URL: 'http://127.0.0.1:9',
  TAPEDECK_ALPACA_DATA_URL: 'http://127.0.0.1:9',
  TAPEDECK_ALPACA_DATA_STREAM_URL: 'ws://127.0.0.1:9/v2/iex',
  TAPEDECK_ALPACA_TRADING_URL: 'http://127.0.0.1:9',
  TAPEDECK_ALPACA_STREAM_URL: 'ws://127.0.0.1:9/stream',
  APCA_API_KEY_ID: '',
  APCA_API_SECRET_KEY: '',
} as const;

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stdout: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built `tapedeck serve --port 0` as a real process and waits for the URL it prints. */
export function startServeProcess(dataDir: string, extraArgs: readonly string[] = [], extraEnv: Readonly<Record<string, string>> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...NO_REAL_EXCHANGE, ...extraEnv },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Open: (http:\/\/\S+\?token=\S+)/.exec(out);
      if (match?.[1] === undefined) return;
      resolve({
        url: match[1],
        child,
        stdout: () => out,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`tapedeck serve exited with ${String(code)} before printing its URL: ${err}`)));
  });
}
