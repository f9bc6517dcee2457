import type { Logger } from '../rpc';

/** Logs to stderr so that stdout stays clean for command output (URLs, JSON). */
export const consoleLogger: Logger = {
  error(message, err) {
    console.error(`tapedeck: ${message}`, err ?? '');
  },
  warn(message) {
    console.error(`tapedeck: ${message}`);
  },
};
