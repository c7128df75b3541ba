import { describe, expect, it } from '@jest/globals';
import { actingDepartment, canSeeDepartment, departmentScope, departmentsOf, type Principal } from './principal';

const p = (role: Principal['role'], departmentIds?: string[]): Principal => ({
  userId: 'u',
  email: 'u@x',
  role,
  departmentId: 'home',
  ...(departmentIds ? { departmentIds } : {}),
});

describe('department scope', () => {
  it('gives admins every department and everyone else the departments they work for', () => {
    expect(departmentScope(p('admin'))).toBeUndefined();
    expect(canSeeDepartment(p('admin'), 'anything')).toBe(true);
    const planner = p('planner', ['home', 'assigned']);
    expect(departmentsOf(planner)).toEqual(['home', 'assigned']);
    expect(departmentScope(planner)?.value).toEqual(['home', 'assigned']);
    expect(canSeeDepartment(planner, 'assigned')).toBe(true);
    expect(canSeeDepartment(planner, 'other')).toBe(false);
    // A principal built without departmentIds works for its own department only.
    expect(canSeeDepartment(p('supervisor'), 'home')).toBe(true);
    expect(canSeeDepartment(p('supervisor'), 'other')).toBe(false);
  });

  it('chooses the department of a new row: the asked one when the caller works for it, else none', () => {
    const planner = p('planner', ['home', 'assigned']);
    expect(actingDepartment(planner, undefined)).toBe('home');
    expect(actingDepartment(planner, 'assigned')).toBe('assigned');
    expect(actingDepartment(planner, 'other')).toBeUndefined();
    expect(actingDepartment(p('admin'), 'other')).toBe('other');
    expect(actingDepartment(p('requester'), 'other')).toBeUndefined();
  });
});
