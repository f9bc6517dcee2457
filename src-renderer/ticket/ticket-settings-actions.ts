import type { ContractError } from '../../shared/contract';
import type { AssetClass } from '../../shared/trading/traded-instrument';
import type { TicketSettings } from '../../shared/trading/ticket-settings';
import type { SettingsStore } from '../settings/settings-store';
import { exitSpecOf, parseNumber } from './ticket-math';
import type { TicketDraft } from './ticket-draft';
import { ticketSettingsOf } from './ticket-store';

/** Writes settings.ticket with `edit` applied (the whole section, as a patch carries it). */
export function saveTicketSettings(settings: SettingsStore, edit: (t: TicketSettings) => TicketSettings): Promise<ContractError | null> {
  return settings.getState().savePatch({ ticket: edit(ticketSettingsOf(settings)) });
}

/**
 * The ticket's exits (and its quantity, when typed as one) become the
 * defaults of every new ticket, one-click order and hotkey. Null when saved;
 * the field's problem or the core's refusal otherwise.
 */
export function saveDraftAsDefaults(settings: SettingsStore, draft: TicketDraft, assetClass: AssetClass | null): Promise<ContractError | null> {
  const tp = exitSpecOf('takeProfit', draft.takeProfit);
  const sl = exitSpecOf('stopLoss', draft.stopLoss);
  if (!tp.ok) return Promise.resolve({ code: 'BAD_REQUEST', message: tp.message, path: 'params.takeProfit' });
  if (!sl.ok) return Promise.resolve({ code: 'BAD_REQUEST', message: sl.message, path: 'params.stopLoss' });
  const qty = draft.sizeMode === 'qty' ? parseNumber(draft.size) : null;
  return saveTicketSettings(settings, (t) => ({
    ...t,
    takeProfit: tp.value ?? null,
    stopLoss: sl.value ?? null,
    defaultQty: assetClass !== null && qty !== null && qty > 0 ? { ...t.defaultQty, [assetClass]: qty } : t.defaultQty,
  }));
}
