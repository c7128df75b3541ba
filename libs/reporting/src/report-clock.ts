/** The reports' notion of now (deadline met, rolling windows, retention), replaceable in tests. */
export interface ReportClock {
  now(): Date;
}
export const REPORT_CLOCK = Symbol('REPORT_CLOCK');
export const systemClock: ReportClock = { now: () => new Date() };
