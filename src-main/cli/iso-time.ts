import { z } from 'zod';

/** An ISO-8601 date or date-time flag value as UTC ms; naive values are UTC. */
export const isoTimeFlag = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date or date-time, e.g. 2024-03-11 or 2024-03-11T14:30Z')
  .transform((s) => {
    const normal = s.replace(' ', 'T');
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(normal) && normal.includes('T');
    return Date.parse(normal.includes('T') ? (hasZone ? normal : `${normal}Z`) : `${normal}T00:00Z`);
  })
  .refine((ms) => Number.isFinite(ms), 'is not a real date');
