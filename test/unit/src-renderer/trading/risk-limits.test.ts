import { describe, expect, it } from 'vitest';
import { riskSettingsSchema } from '../../../../shared/trading/account';
import { riskPatchOf, riskTexts } from '../../../../src-renderer/trading/risk-limits';

const DEFAULTS = riskSettingsSchema.parse({});

describe('risk limits form', () => {
  it('shows the limits as text and sends only what changed', () => {
    const texts = riskTexts(DEFAULTS);
    expect(texts).toEqual({ maxOrderNotional: '100000', maxPositionNotional: '0', maxOpenPositions: '0', maxDailyLoss: '0', maxOrdersPerMinute: '60', usEquityHoursOnly: true, dataGate: true });
    expect(riskPatchOf(texts, DEFAULTS)).toEqual({ ok: true, patch: {} });
    expect(riskPatchOf({ ...texts, maxDailyLoss: '1,250.50', maxOpenPositions: ' 3 ', dataGate: false }, DEFAULTS)).toEqual({ ok: true, patch: { maxDailyLoss: 1250.5, maxOpenPositions: 3, dataGate: false } });
  });

  it.each([
    ['maxOrderNotional', '0', 'Max order notional: must be above 0'],
    ['maxDailyLoss', '-5', 'Max daily loss: must be 0 (none) or more'],
    ['maxOrdersPerMinute', '2.5', 'Max orders per minute: a whole number is needed'],
    ['maxPositionNotional', '', 'Max position per symbol: a number is needed'],
    ['maxOpenPositions', 'ten', 'Max open positions: a number is needed'],
  ] as const)('refuses %s = %j naming the field', (field, text, message) => {
    expect(riskPatchOf({ ...riskTexts(DEFAULTS), [field]: text }, DEFAULTS)).toEqual({ ok: false, field, message });
  });
});
