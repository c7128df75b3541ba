import type { Role } from '@app/database';

/** Who is calling, as carried in the access token. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  departmentId: string;
}

/**
 * Roles that work across departments: planners review every department's briefs and run their campaigns,
 * supervisors and QA watch every campaign, admins manage everything. Requesters and agents see their own department.
 */
const CROSS_DEPARTMENT: readonly Role[] = ['planner', 'supervisor', 'qa', 'admin'];

export const seesAllDepartments = (p: Principal): boolean => CROSS_DEPARTMENT.includes(p.role);

/** The department filter to apply to a query for this caller: undefined means no filter. */
export const departmentScope = (p: Principal): string | undefined =>
  seesAllDepartments(p) ? undefined : p.departmentId;

/** True when the caller may see a row of the given department. Callers answer 404 (not 403) when false. */
export const canSeeDepartment = (p: Principal, departmentId: string): boolean =>
  seesAllDepartments(p) || p.departmentId === departmentId;
