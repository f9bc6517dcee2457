import { UsageError } from './cli-io';

/**
 * A failed listen as the flag to fix, or null for an error that is not the
 * user's (then it stays a failure): a port in use or privileged, an address
 * that is not this machine's, a name that does not resolve.
 */
export function listenRefusal(err: unknown, host: string, port: number): UsageError | null {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  switch (code) {
    case 'EADDRINUSE':
      return new UsageError(`--port: ${String(port)} is already in use on ${host} (pick another, or 0 for a free one)`);
    case 'EACCES':
      return new UsageError(`--port: ${String(port)} needs privileges on ${host} (use 1024 or above, or 0 for a free one)`);
    case 'EADDRNOTAVAIL':
      return new UsageError(`--host: ${host} is not an address of this machine`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new UsageError(`--host: "${host}" is neither an IP address nor a host name that resolves`);
    default:
      return null;
  }
}
