import { symbolSchema } from '../../domain/symbol';
import { parseOccSymbol } from '../occ-symbol';

/**
 * An OCC option symbol at the boundary (`SPY260320C00580000`): refused with
 * the part that is wrong in the message ("expiry: "260231" is not a real
 * calendar date (YYMMDD)"), upper-cased like every symbol.
 */
export const occSymbolSchema = symbolSchema.superRefine((s, ctx) => {
  const parsed = parseOccSymbol(s);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.error.field}: ${parsed.error.message}` });
});
