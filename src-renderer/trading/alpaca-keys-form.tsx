import { useEffect, useState, type ReactElement } from 'react';
import type { AppInfo, ContractError } from '../../shared/contract';
import { useAppContext } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { toContractError } from '../app/to-contract-error';

/**
 * Alpaca's keys. In the desktop app: entered here once, sent to the main
 * process (alpaca.setKeys) and stored there encrypted with the system
 * keychain; the fields are cleared at once and nothing is ever shown back.
 * In `tapedeck serve` the keys come from its environment, and this says so.
 */
export function AlpacaKeysForm(): ReactElement {
  const { client } = useAppContext();
  const [mode, setMode] = useState<AppInfo['mode'] | null>(null);
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  useEffect(() => {
    let live = true;
    client.call('app.info', {}).then(
      (info) => live && setMode(info.mode),
      () => live && setMode(null),
    );
    return () => {
      live = false;
    };
  }, [client]);

  if (mode !== 'electron') {
    return (
      <p className="account-menu-note muted" data-testid="alpaca-keys-env">
        Alpaca paper: keys come from APCA_API_KEY_ID and APCA_API_SECRET_KEY in the environment of tapedeck serve.
      </p>
    );
  }
  const send = (): void => {
    setBusy(true);
    setError(null);
    setDone(null);
    client
      .call('alpaca.setKeys', { keyId, secret })
      .then(
        () => setDone('Keys stored encrypted; Alpaca reconnects with them.'),
        (err: unknown) => setError(toContractError(err)),
      )
      .finally(() => {
        setKeyId('');
        setSecret('');
        setBusy(false);
      });
  };
  return (
    <form
      className="account-create"
      data-testid="alpaca-keys"
      onSubmit={(e) => {
        e.preventDefault();
        if (keyId.trim() !== '' && secret.trim() !== '' && !busy) send();
      }}
    >
      <span className="account-menu-title">Alpaca paper keys</span>
      <input className="input" type="password" autoComplete="off" aria-label="Alpaca key id" placeholder="Key ID" maxLength={128} value={keyId} onChange={(e) => setKeyId(e.target.value)} />
      <input className="input" type="password" autoComplete="off" aria-label="Alpaca secret key" placeholder="Secret key" maxLength={256} value={secret} onChange={(e) => setSecret(e.target.value)} />
      <button type="submit" className="button" disabled={busy || keyId.trim() === '' || secret.trim() === ''}>
        Save
      </button>
      {done !== null && <span className="muted">{done}</span>}
      {error !== null && <ErrorNote error={error} onDismiss={() => setError(null)} testId="alpaca-keys-error" />}
    </form>
  );
}
