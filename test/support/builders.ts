import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Agent, Department, User, UserDepartment, type Role } from '@app/database';

const suffix = (): string => randomBytes(4).toString('hex');

let agentSeq = randomBytes(2).readUInt16BE() % 1000;
/** An agent phone the simulator has by default (PJSIP/agent-1000 … agent-1999, like pjsip.conf endpoints). */
const agentEndpoint = (): string => `PJSIP/agent-${1000 + (agentSeq++ % 1000)}`;
const altEndpoints = new Map<string, string>();
/** A second endpoint every test agent is assigned (the builders' agents may log in on it, not on others). */
export const assignedEndpoint = (userId: string): string => {
  let e = altEndpoints.get(userId);
  if (!e) altEndpoints.set(userId, (e = agentEndpoint()));
  return e;
};

/** A department of its own for each test (no shared fixtures). */
export async function aDepartment(ds: DataSource, name?: string): Promise<Department> {
  const s = suffix();
  return ds
    .getRepository(Department)
    .save({ name: name ?? `Dept ${s}`, code: `D${s.toUpperCase()}`, webhookUrl: null, webhookSecret: null });
}

/** A user; the password hash is a placeholder, tests sign tokens directly (see TestApp.tokenFor). */
export async function aUser(ds: DataSource, role: Role, departmentId: string, email?: string): Promise<User> {
  const user = await ds.getRepository(User).save({
    email: email ?? `${role}-${suffix()}@test.local`,
    displayName: `Test ${role}`,
    role,
    departmentId,
    passwordHash: 'scrypt$16384$8$1$AAAA$AAAA',
  });
  if (role === 'agent') {
    // Agents log in only on assigned endpoints: the default one, and one more the tests may name explicitly.
    const own = agentEndpoint();
    await ds
      .getRepository(Agent)
      .save({ userId: user.id, departmentId, endpoint: own, endpoints: [own, assignedEndpoint(user.id)] });
  }
  return user;
}

/** Assigns a planner, supervisor or QA to further departments (centre staff work for the departments assigned). */
export async function assignDepartments(
  ds: DataSource,
  user: Pick<User, 'id'>,
  ...departmentIds: string[]
): Promise<void> {
  await ds
    .getRepository(UserDepartment)
    .insert(departmentIds.map((departmentId) => ({ userId: user.id, departmentId })));
}
