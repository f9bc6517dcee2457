import { z } from 'zod';

/**
 * The time axis of crypto and FX charts: UTC or the machine's local zone.
 * US equities are always drawn in America/New_York, their exchange's zone.
 */
export const CHART_TIME_ZONES = ['UTC', 'local'] as const;
export type ChartTimeZone = (typeof CHART_TIME_ZONES)[number];
export const chartTimeZoneSchema = z.enum(CHART_TIME_ZONES);
