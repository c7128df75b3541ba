import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Agent, Campaign, ContactList, type User } from '@app/database';
import { aUser } from '../../support/builders';

const suffix = (): string => randomBytes(4).toString('hex');

/** Windows open around the clock, every day: these tests are not about calling windows. */
export const ALWAYS_OPEN = {
  weekdays: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
    day,
    ranges: [{ from: '00:00', to: '24:00' }],
  })),
  evenings: true,
  weekends: true,
  holidays: true,
  holidayDates: [] as string[],
  timeZone: 'UTC',
  safetyMarginSeconds: 0,
};

export const SCRIPT_BODY = {
  sections: [
    {
      id: 'opening',
      text: 'Hello {{first_name}}, on your {{plan}} plan: a quick question?',
      questions: [{ id: 'satisfaction', type: 'single', text: 'Satisfied, {{first_name}}?', options: ['yes', 'no'] }],
    },
  ],
};

/** A running progressive campaign with a script version and the usual dispositions. */
export async function aRunningCampaign(
  ds: DataSource,
  departmentId: string,
  createdById: string,
): Promise<{ campaign: Campaign; scriptVersionId: string }> {
  const [script]: { id: string }[] = await ds.query(
    `INSERT INTO scripts (department_id, name, latest_version, created_by_id) VALUES ($1, $2, 1, $3) RETURNING id`,
    [departmentId, `Script ${suffix()}`, createdById],
  );
  const [version]: { id: string }[] = await ds.query(
    `INSERT INTO script_versions (script_id, version, body, fields_used, created_by_id) VALUES ($1, 1, $2, '{first_name,plan}', $3) RETURNING id`,
    [script.id, SCRIPT_BODY, createdById],
  );
  const campaign = await ds.getRepository(Campaign).save({
    departmentId,
    briefId: null,
    contactListId: null,
    name: `Campaign ${suffix()}`,
    mode: 'progressive',
    state: 'running',
    scriptVersionId: version.id,
    agentGroup: null,
    requiredSkills: {},
    callerId: '+442071230000',
    pacing: { abandonCapPercent: 3, abandonWindowHours: 24, maxLinesPerAgent: 3, ringTimeoutSeconds: 5 },
    amdEnabled: false,
    machineAction: 'hangup',
    machineMessage: null,
    abandonMessage: 'sound:dialer-abandon',
    windows: ALWAYS_OPEN,
    retryPolicy: { busy: { retryAfterMinutes: 0, maxRetries: 1 }, maxAttemptsPerContact: 3 },
    wrapUpSeconds: 60,
    previewAutoDialSeconds: null,
    pilotSize: null,
    pilotSummary: null,
    forecast: null,
    priority: 0,
    deadline: null,
  } as Partial<Campaign>);
  for (const [i, [code, category]] of [
    ['SALE', 'success'],
    ['NOT_INTERESTED', 'contact'],
    ['CALL_LATER', 'callback'],
  ].entries()) {
    await ds.query(
      `INSERT INTO dispositions (campaign_id, code, label, category, system, position) VALUES ($1, $2, $2, $3, false, $4)`,
      [campaign.id, code, category, i],
    );
  }
  return { campaign, scriptVersionId: version.id };
}

let seq = 0;
/** Contacts on the campaign (pending, due now), one fresh number each. */
export async function someContacts(
  ds: DataSource,
  c: Campaign,
  n: number,
): Promise<{ contactId: string; number: string; firstName: string }[]> {
  const list = await ds.getRepository(ContactList).save({
    departmentId: c.departmentId,
    briefId: null,
    name: `List ${suffix()}`,
    status: 'ready',
  } as Partial<ContactList>);
  await ds.query(`UPDATE campaigns SET contact_list_id = $2 WHERE id = $1`, [c.id, list.id]);
  const out: { contactId: string; number: string; firstName: string }[] = [];
  for (let i = 0; i < n; i++) {
    seq++;
    const number = `+1555${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`;
    const firstName = `Person${seq}`;
    const [ct]: { id: string }[] = await ds.query(
      `INSERT INTO contacts (list_id, department_id, first_name, last_name, time_zone, fields, dedupe_key, source_row)
       VALUES ($1, $2, $3, 'Tester', 'UTC', $4, $5, $6) RETURNING id`,
      [list.id, c.departmentId, firstName, { plan: 'gold' }, number, i + 1],
    );
    await ds.query(
      `INSERT INTO phone_numbers (contact_id, e164, kind, position, status) VALUES ($1, $2, 'mobile', 0, 'active')`,
      [ct.id, number],
    );
    await ds.query(
      `INSERT INTO campaign_contacts (campaign_id, contact_id, status, pilot, priority, time_zone, next_attempt_at)
       VALUES ($1, $2, 'pending', false, 0, 'UTC', now() - interval '1 minute')`,
      [c.id, ct.id],
    );
    out.push({ contactId: ct.id, number, firstName });
  }
  return out;
}

export async function anAgent(ds: DataSource, departmentId: string): Promise<{ user: User; agent: Agent }> {
  const user = await aUser(ds, 'agent', departmentId);
  const agent = (await ds.getRepository(Agent).findOne({ where: { userId: user.id } }))!;
  return { user, agent };
}
