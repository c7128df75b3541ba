import { DataSource } from 'typeorm';
import { Agent } from '../entities/agent.entity';
import { Department } from '../entities/department.entity';
import { ROLES, type Role } from '../entities/enums';
import { User } from '../entities/user.entity';

export interface DemoUser {
  email: string;
  role: Role;
}

export const DEMO_DEPARTMENT = { name: 'Demo Sales', code: 'DEMO' };
export const demoEmail = (role: Role): string => `${role}@demo.local`;
export const DEMO_AGENT_ENDPOINT = 'PJSIP/agent-1001';
/** External numbers the demo may transfer to: Ofcom's range reserved for drama (+44 7700 900000-900999). */
export const DEMO_ALLOWED_DESTINATIONS = ['+447700900'];

/**
 * Idempotent: creates the demo department and one user of every role (the agent with an agent profile), and
 * resets their password to the one given, so the printed credentials always work.
 */
export async function seedDemo(
  ds: DataSource,
  passwordHash: string,
): Promise<{ departmentId: string; users: DemoUser[] }> {
  return ds.transaction(async (m) => {
    let dep = await m.findOne(Department, { where: { code: DEMO_DEPARTMENT.code } });
    dep ??= await m.save(
      Department,
      m.create(Department, {
        ...DEMO_DEPARTMENT,
        webhookUrl: null,
        webhookSecret: null,
        allowedDestinations: DEMO_ALLOWED_DESTINATIONS,
      }),
    );
    const users: DemoUser[] = [];
    for (const role of ROLES) {
      const email = demoEmail(role);
      let u = await m.findOne(User, { where: { email } });
      if (!u) {
        u = await m.save(
          User,
          m.create(User, { email, displayName: `Demo ${role}`, role, departmentId: dep.id, passwordHash }),
        );
      } else await m.update(User, u.id, { passwordHash, active: true });
      if (role === 'agent' && !(await m.findOne(Agent, { where: { userId: u.id } }))) {
        await m.save(
          Agent,
          m.create(Agent, {
            userId: u.id,
            departmentId: dep.id,
            endpoint: DEMO_AGENT_ENDPOINT,
            endpoints: [DEMO_AGENT_ENDPOINT],
            groups: ['demo'],
            skills: { sales: 5 },
          }),
        );
      }
      // An agent may log in only on an assigned endpoint: keep the demo agent's phone assigned.
      if (role === 'agent')
        await m.query(
          `UPDATE agents SET endpoints = array_append(endpoints, $2::text)
            WHERE user_id = $1 AND NOT ($2 = ANY(endpoints))`,
          [u.id, DEMO_AGENT_ENDPOINT],
        );
      users.push({ email, role });
    }
    return { departmentId: dep.id, users };
  });
}
