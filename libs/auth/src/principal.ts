import { In, type FindOperator } from 'typeorm';
import type { Role } from '@app/database';

/** Who is calling: read from the database on each request and socket connection (the token names the user only). */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  /** The user's own department. */
  departmentId: string;
  /**
   * Every department the caller works for: the own one, plus for centre staff (planner, supervisor, QA) the ones an
   * admin assigned them to. Absent means the own department only. Admins work for every department regardless.
   */
  departmentIds?: string[];
}

/** Centre staff: they work for their own department and the departments they are assigned to. */
export const CENTRE_STAFF: readonly Role[] = ['planner', 'supervisor', 'qa'];

/** Admins work for every department; everyone else for the departments of `departmentsOf`. */
export const seesAllDepartments = (p: Principal): boolean => p.role === 'admin';

/** The departments the caller works for (admins: see seesAllDepartments). */
export const departmentsOf = (p: Principal): string[] => p.departmentIds ?? [p.departmentId];

/** The department filter for a TypeORM `where` (`{ departmentId: scope }`): undefined means no filter. */
export const departmentScope = (p: Principal): FindOperator<string> | undefined =>
  seesAllDepartments(p) ? undefined : In(departmentsOf(p));

/** True when the caller may see a row of the given department. Callers answer 404 (not 403) when false. */
export const canSeeDepartment = (p: Principal, departmentId: string): boolean =>
  seesAllDepartments(p) || departmentsOf(p).includes(departmentId);

/**
 * The department a new row goes to: the one asked for when the caller works for it, else the caller's own when
 * nothing was asked. Undefined when the caller asked for a department they do not work for.
 */
export const actingDepartment = (p: Principal, requested: string | undefined): string | undefined =>
  requested === undefined ? p.departmentId : canSeeDepartment(p, requested) ? requested : undefined;
