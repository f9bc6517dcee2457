export { ingestVision, ingestVisionFile, type VisionIngestOptions } from './vision-ingest';
export { totalsOf, type VisionFileOutcome, type VisionTotals } from './vision-outcome';
export { nextPeriod, parseDay, parseMonth, periodsThrough, type VisionPeriod, type VisionPeriodKind } from './vision-period';
export { VISION_INTERVAL, visionFile, type VisionFile } from './vision-file';
export { IngestedFiles, type IngestedFile } from './ingested-files';
export { storeVisionZip, VISION_SOURCE, visionSeriesKey, type StoredFileReport, type VisionStoreContext } from './vision-zip-ingest';
export type { RejectedRow } from './vision-csv';
