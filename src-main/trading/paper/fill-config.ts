import { fillModelConfigSchema, type FillModelConfig } from '../../../shared/trading/paper-settings';

/** The fill settings live in shared/trading/paper-settings.ts (settings.paper.fill); re-exported for the paper broker. */
export { fillModelConfigSchema, type FillModelConfig };

export const DEFAULT_FILL_CONFIG: FillModelConfig = fillModelConfigSchema.parse({});
