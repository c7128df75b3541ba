import { canSeeDepartment, departmentsOf, seesAllDepartments, type Principal } from '@app/auth';
import { invalid, notFound } from '@app/common';

export interface ReportRange {
  from: Date;
  to: Date;
}

/**
 * The departments a report covers: the one asked for (404 when the caller does not work for it), else every
 * department the caller works for; null means all (admins).
 */
export function departmentFilter(p: Principal, departmentId?: string): string[] | null {
  if (departmentId) {
    if (!canSeeDepartment(p, departmentId)) throw notFound('department', departmentId);
    return [departmentId];
  }
  return seesAllDepartments(p) ? null : departmentsOf(p);
}

/** [from, to): `to` defaults to now, `from` to 30 days before `to`; from must precede to. */
export function reportRange(now: Date, from?: string, to?: string, defaultDays = 30): ReportRange {
  const end = to ? new Date(to) : now;
  const start = from ? new Date(from) : new Date(end.getTime() - defaultDays * 86_400_000);
  if (start.getTime() >= end.getTime()) throw invalid([{ field: 'from', reason: 'must be before to' }]);
  return { from: start, to: end };
}
