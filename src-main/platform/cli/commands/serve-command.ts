import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createCore } from '../../app/core';
import { alpacaFromEnv } from '../../config/alpaca-config';
import { binanceConfigFromEnv } from '../../config/binance-config';
import { clockFromEnv } from '../../config/clock-start';
import { startServeServer } from '../../serve/serve-server';
import { EXIT } from '../cli-io';
import type { Command } from '../command';
import { dataDirOption } from '../data-dir-option';
import { listenRefusal } from '../listen-refusal';
import { parseFlags } from '../parse-flags';
import { whenStopped } from '../stop';

const flagsSchema = z
  .object({
    port: z
      .string()
      .regex(/^\d+$/, 'must be a whole number from 0 to 65535 (0 picks a free port)')
      .transform(Number)
      .pipe(z.number().int().min(0).max(65535))
      .default(7400),
    host: z
      .string()
      .min(1)
      // Four dotted numbers are meant as an IPv4 address: 256.1.1.1 is refused here, not looked up as a name.
      .superRefine((h, ctx) => {
        if (/^\d+(\.\d+){3}$/.test(h) && isIP(h) !== 4) ctx.addIssue({ code: 'custom', message: `"${h}" is not an IPv4 address (each part is 0 to 255)` });
      })
      .default('127.0.0.1'),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

/** The built renderer sits beside the built main process: out/main/cli.js → out/renderer/. */
function defaultRendererDir(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the workstation headless and serve its UI to a browser',
  help: `Usage: tapedeck serve [--port N] [--host 127.0.0.1] [--data-dir DIR]

Runs the Tapedeck core under plain Node: the UI over HTTP and the typed
contract over a WebSocket, both guarded by a random per-run token. Prints the
URL to open (it carries the token). Stop with Ctrl-C.

Options:
  --port N         TCP port; 0 picks a free one (default 7400)
  --host ADDR      address to bind (default 127.0.0.1; anything else exposes
                   the workstation to the network, token-protected)
  --data-dir DIR   where the SQLite store lives (default $TAPEDECK_DATA_DIR,
                   else ~/.tapedeck)
  -h, --help       show this help

Environment:
  TAPEDECK_CLOCK_START  an ISO instant the market clock starts at, running at
                        the wall clock's pace (the simulated US session on a
                        weekend)`,

  async run(args, io) {
    const { values, help } = parseFlags(
      args,
      { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' } },
      flagsSchema,
    );
    if (help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const dataDir = dataDirOption(values['data-dir'], io);
    const clock = clockFromEnv(io.env);
    const core = createCore({ dataDir, mode: 'serve', binance: binanceConfigFromEnv(io.env), alpaca: alpacaFromEnv(io.env), workerPath: io.coreWorker, ...(clock === undefined ? {} : { clock }) });
    let server;
    try {
      server = await startServeServer({ core, host: values.host, port: values.port, rendererDir: defaultRendererDir() });
    } catch (err) {
      core.close();
      throw listenRefusal(err, values.host, values.port) ?? err;
    }
    const feeds = core.market.feeds.all().filter((f) => f.id !== 'replay').map((f) => `${f.id}${f.simulated ? ' (simulated)' : ''}`);
    io.out(`Tapedeck is serving the workstation (data: ${dataDir}; feeds: ${feeds.join(', ')}, replay; a venue that cannot be reached falls back to SIM)`);
    io.out(`Open: ${server.url}`);
    // Serving is what was asked: a stop ends it cleanly (exit 0).
    await whenStopped(io.stop);
    await server.close();
    core.close();
    io.out('Tapedeck stopped.');
    return EXIT.ok;
  },
};
