import { z } from 'zod';

/** A call or a put. */
export const optionTypeSchema = z.enum(['call', 'put']);
export type OptionType = z.infer<typeof optionTypeSchema>;

/** +1 for a call, −1 for a put (the θ of the pricing formulas). */
export function optionSign(type: OptionType): 1 | -1 {
  return type === 'call' ? 1 : -1;
}
