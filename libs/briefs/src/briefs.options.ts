export interface BriefsModuleOptions {
  /** REVIEW_SLA_WORKING_DAYS: a submitted brief not reviewed within this many working days is flagged overdue. */
  reviewSlaWorkingDays: number;
}

export const BRIEFS_OPTIONS = Symbol('BRIEFS_OPTIONS');
