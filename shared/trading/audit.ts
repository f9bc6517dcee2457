import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';

/** What the audit log records: every order event, fill, risk decision, kill switch and setting change. */
export const AUDIT_KINDS = ['order', 'fill', 'risk', 'kill-switch', 'account', 'setting', 'broker'] as const;
export const auditKindSchema = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof auditKindSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  time: epochMsSchema,
  kind: auditKindSchema,
  accountId: z.string().nullable(),
  symbol: z.string().nullable(),
  /** One line a trader reads ("rejected: max daily loss 500 USD reached (-512.40)"). */
  message: z.string(),
  /** The record itself (the order, the fill, the rule and its numbers), as JSON. */
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
