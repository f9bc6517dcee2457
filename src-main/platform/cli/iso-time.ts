import { z } from 'zod';
import { EPOCH_RANGE_TEXT, isEpochMs } from '../../../shared/domain/epoch';
import { DAY_MS } from '../../../shared/domain/interval';
import { realCivilDays } from '../../../shared/market/civil-date';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO-8601 date or date-time as UTC ms; naive values are UTC. Only real
 * calendar dates and clock times pass (2024-02-30 and 25:00 are refused, not
 * rolled over), inside the range the store holds (1970-01-01..2100-01-01).
 * With `endOfDay`, a date without a time means the end of that day:
 * `--to 2024-12-31` includes the 31st, as a trader reads it.
 */
function isoTime(endOfDay: boolean): z.ZodType<number, string> {
  return z
    .string()
    .regex(ISO, 'must be an ISO date or date-time, e.g. 2024-03-11 or 2024-03-11T14:30Z')
    .transform((s, ctx) => {
      const m = ISO.exec(s);
      const [y, mo, d, hh, mi, ss] = [1, 2, 3, 4, 5, 6].map((i) => (m?.[i] === undefined ? undefined : Number(m[i])));
      const days = realCivilDays(y ?? 0, mo ?? 0, d ?? 0);
      if (days === null) {
        ctx.addIssue({ code: 'custom', message: `${s} is not a real calendar date` });
        return z.NEVER;
      }
      if ((hh ?? 0) > 23 || (mi ?? 0) > 59 || (ss ?? 0) > 59) {
        ctx.addIssue({ code: 'custom', message: `${s} is not a real time of day` });
        return z.NEVER;
      }
      const normal = s.replace(' ', 'T');
      const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(normal);
      const ms = hh === undefined ? (days + (endOfDay ? 1 : 0)) * DAY_MS : Date.parse(zoned ? normal : `${normal}Z`);
      // The range the store and the contract hold (1900 would be a negative time).
      if (!isEpochMs(ms)) {
        ctx.addIssue({ code: 'custom', message: `${s} is outside ${EPOCH_RANGE_TEXT}` });
        return z.NEVER;
      }
      return ms;
    });
}

export const isoTimeFlag = isoTime(false);
/** For `--to`: a bare date includes that whole day. */
export const isoEndFlag = isoTime(true);
