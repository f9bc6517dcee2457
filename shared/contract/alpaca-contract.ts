import { z } from 'zod';
import { method, noParams } from './define';

/**
 * Alpaca's keys from the desktop app's Settings: stored encrypted with the
 * system keychain (Electron safeStorage) in the data directory, then the
 * feed and the Alpaca account reconnect with them. The keys go one way:
 * nothing answers them back, logs them or sends them to any window.
 * `tapedeck serve` reads APCA_API_KEY_ID / APCA_API_SECRET_KEY and refuses these.
 */
export const alpacaMethods = {
  'alpaca.setKeys': method({
    description:
      'Stores an Alpaca key pair (desktop app: encrypted with the system keychain) and reconnects the Alpaca feed and the "Alpaca paper" account with it (made now if it was not there). Never echoed. REJECTED in tapedeck serve, which reads APCA_API_KEY_ID and APCA_API_SECRET_KEY.',
    params: z.object({ keyId: z.string().trim().min(1).max(128), secret: z.string().trim().min(1).max(256) }).strict(),
    result: z.object({ stored: z.literal(true) }),
  }),
  'alpaca.clearKeys': method({
    description: 'Deletes the stored Alpaca keys (desktop app); the feed and the account go OFFLINE. REJECTED in tapedeck serve.',
    params: noParams,
    result: z.object({ cleared: z.boolean() }),
  }),
};
