import { randomBytes } from 'node:crypto';
import { DEFAULT_DISPOSITIONS, SYSTEM_DISPOSITIONS } from '@app/campaigns';
import { ALWAYS_OPEN_WINDOWS } from '@app/briefs';
import {
  Agent,
  Brief,
  Campaign,
  ContactList,
  DEMO_DEPARTMENT,
  Department,
  Script,
  ScriptVersion,
  User,
  type Role,
} from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

export const DEMO_BRIEF_TITLE = 'Demo: customer satisfaction survey';
export const DEMO_CAMPAIGN_NAME = 'Demo: customer satisfaction survey';
/** Agent phones the simulator has by default (PJSIP/agent-1000 … agent-1999), like endpoints in pjsip.conf. */
export const demoAgentEndpoint = (n: number): string => `PJSIP/agent-${1900 + n}`;
export const demoAgentEmail = (n: number): string => `agent-demo-${n}@demo.local`;

/**
 * Open around the clock, every day: the demo dials at whatever hour a newcomer starts it, in every zone of its list.
 * (Real campaigns use the brief's windows.)
 */
export const DEMO_WINDOWS = ALWAYS_OPEN_WINDOWS;

export const DEMO_RETRY = {
  busy: { retryAfterMinutes: 2, maxRetries: 2 },
  noAnswer: { retryAfterMinutes: 5, maxRetries: 2 },
  machine: { retryAfterMinutes: 10, maxRetries: 1 },
  failed: { retryAfterMinutes: 2, maxRetries: 1 },
  abandoned: { retryAfterMinutes: 2, maxRetries: 2 },
  maxAttemptsPerContact: 4,
};

/** The script (the scripts library's ScriptBody): an opening with `{{first_name}}`, two questions, a closing. */
export const DEMO_SCRIPT_BODY = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      text: 'Hello {{first_name}}, this is Demo Sales. You bought from us recently: may I ask you two quick questions?',
      questions: [
        {
          id: 'satisfaction',
          type: 'single',
          text: 'How satisfied are you with your purchase?',
          options: ['very satisfied', 'satisfied', 'neutral', 'unsatisfied'],
          required: true,
        },
      ],
      next: 'recommend',
    },
    {
      id: 'recommend',
      title: 'Recommendation',
      questions: [
        { id: 'recommend', type: 'number', text: 'From 0 to 10, would you recommend us to a friend?', min: 0, max: 10 },
      ],
      next: 'closing',
    },
    { id: 'closing', title: 'Closing', text: 'Thank you {{first_name}}, that is all. Have a good day!' },
  ],
};

/**
 * Zones and number ranges of the demo list (fictional / drama ranges where the country has one), all valid for the
 * contacts importer (libphonenumber): +44 7700 900xxx, Ofcom's mobile drama range, is not, 020 7946 0xxx is.
 */
export const REGIONS = [
  { zone: 'America/New_York', prefix: '+1212555', digits: 4, region: 'US' },
  { zone: 'America/Los_Angeles', prefix: '+1310555', digits: 4, region: 'US' },
  { zone: 'Europe/London', prefix: '+442079460', digits: 3, region: 'GB' }, // Ofcom's drama range 020 7946 0xxx
  { zone: 'Europe/Berlin', prefix: '+493023125', digits: 3, region: 'DE' },
  { zone: 'Australia/Sydney', prefix: '+61491570', digits: 3, region: 'AU' },
];
const FIRST = ['Ada', 'Ben', 'Chloe', 'David', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jack', 'Kenji', 'Lena'];
const LAST = ['Smith', 'Jones', 'Garcia', 'Müller', 'Brown', 'Taylor', 'Wilson', 'Nguyen', 'Schmidt', 'Clarke'];

export interface DemoSeed {
  departmentId: string;
  campaignId: string;
  agentIds: string[];
  /** The campaign was created now (false: found and, if needed, recycled). */
  created: boolean;
  recycled: boolean;
}

/** An unusable password hash: the simulated agents never log in over HTTP. */
const noLogin = (): string => `disabled$${randomBytes(12).toString('hex')}`;

async function userFor(
  m: EntityManager,
  email: string,
  role: Role,
  departmentId: string,
  displayName: string,
): Promise<User> {
  const u = await m.findOne(User, { where: { email } });
  if (u) return u;
  return m.save(User, m.create(User, { email, displayName, role, departmentId, passwordHash: noLogin() }));
}

/**
 * Idempotent (guarded by an advisory lock, so two processes starting at once seed once): the demo department, a
 * planner to own the rows, N simulated agents, an accepted brief, a list of `contacts` contacts across five zones, a
 * script with two questions, and a running campaign with the default dispositions. A campaign found finished (or out
 * of contacts) is recycled: its contacts go back to pending and it runs again.
 */
export async function seedDemoCampaign(
  ds: DataSource,
  o: { contacts: number; agents: number; mode: 'predictive' | 'progressive' },
): Promise<DemoSeed> {
  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('dialer-demo-seed'))`);
    let dep = await m.findOne(Department, { where: { code: DEMO_DEPARTMENT.code } });
    dep ??= await m.save(
      Department,
      m.create(Department, { ...DEMO_DEPARTMENT, webhookUrl: null, webhookSecret: null }),
    );
    const planner = await userFor(m, 'planner@demo.local', 'planner', dep.id, 'Demo planner');
    const requester = await userFor(m, 'requester@demo.local', 'requester', dep.id, 'Demo requester');
    const agentIds: string[] = [];
    for (let n = 1; n <= o.agents; n++) {
      const u = await userFor(m, demoAgentEmail(n), 'agent', dep.id, `Simulated agent ${n}`);
      let a = await m.findOne(Agent, { where: { userId: u.id } });
      a ??= await m.save(
        Agent,
        m.create(Agent, {
          userId: u.id,
          departmentId: dep.id,
          endpoint: demoAgentEndpoint(n),
          endpoints: [demoAgentEndpoint(n)],
          groups: ['demo'],
          skills: { sales: 5 },
        }),
      );
      // The simulated agents log in on their own phones, which must stay assigned to them.
      await m.query(
        `UPDATE agents SET endpoints = array_append(endpoints, $2::text) WHERE id = $1 AND NOT ($2 = ANY(endpoints))`,
        [a.id, demoAgentEndpoint(n)],
      );
      agentIds.push(a.id);
    }

    const existing = await m.findOne(Campaign, { where: { departmentId: dep.id, name: DEMO_CAMPAIGN_NAME } });
    if (existing) {
      const [open]: { n: string }[] = await m.query(
        `SELECT count(*) AS n FROM campaign_contacts WHERE campaign_id = $1 AND status IN ('pending', 'leased', 'dialing')`,
        [existing.id],
      );
      const recycle = existing.state !== 'running' || Number(open.n) === 0;
      if (recycle) {
        await m.query(
          `UPDATE campaign_contacts SET status = 'pending', attempts = 0, attempts_by_outcome = '{}', next_attempt_at = now(),
                  lease_owner = NULL, lease_expires_at = NULL, owner_agent_id = NULL, updated_at = now()
            WHERE campaign_id = $1 AND status <> 'dnc'`,
          [existing.id],
        );
        await m.query(
          `UPDATE phone_numbers SET status = 'active', attempt_count = 0
                        WHERE contact_id IN (SELECT contact_id FROM campaign_contacts WHERE campaign_id = $1) AND status <> 'dnc'`,
          [existing.id],
        );
        await m.update(Campaign, existing.id, { state: 'running', completedAt: null, startedAt: new Date() });
      }
      return { departmentId: dep.id, campaignId: existing.id, agentIds, created: false, recycled: recycle };
    }

    const brief = await m.save(
      Brief,
      m.create(Brief, {
        departmentId: dep.id,
        createdById: requester.id,
        title: DEMO_BRIEF_TITLE,
        purpose: 'Ask recent customers how satisfied they are and whether they would recommend us (demo data).',
        contactPerson: { name: 'Demo requester', email: 'requester@demo.local', phone: '+442079460000' },
        status: 'accepted',
        scriptDraft: DEMO_SCRIPT_BODY.sections[0].text ?? null,
        deadline: new Date(Date.now() + 30 * 86_400_000),
        windows: DEMO_WINDOWS,
        retryPolicy: DEMO_RETRY,
        region: 'US',
        defaultTimeZone: 'UTC',
        pilotSize: null,
        priority: 0,
        contactListId: null,
        rejectionReason: null,
        submittedAt: new Date(),
        reviewedAt: new Date(),
        reviewedById: planner.id,
        forecast: null,
      }),
    );
    const list = await m.save(
      ContactList,
      m.create(ContactList, {
        departmentId: dep.id,
        briefId: brief.id,
        name: 'Demo customers',
        region: 'US',
        defaultTimeZone: 'UTC',
        status: 'ready',
        sourceFileName: null,
        rowCount: o.contacts,
        acceptedCount: o.contacts,
        importSummary: { source: 'demo seed' },
        importedAt: new Date(),
      }),
    );
    await m.update(Brief, brief.id, { contactListId: list.id });

    const first: string[] = [];
    const last: string[] = [];
    const zones: string[] = [];
    const regions: string[] = [];
    const phones: string[] = [];
    const fields: string[] = [];
    for (let i = 0; i < o.contacts; i++) {
      const r = REGIONS[i % REGIONS.length];
      const seq = String(Math.floor(i / REGIONS.length) % 10 ** r.digits).padStart(r.digits, '0');
      first.push(FIRST[i % FIRST.length]);
      last.push(LAST[(i * 7) % LAST.length]);
      zones.push(r.zone);
      regions.push(r.region);
      phones.push(`${r.prefix}${seq}`);
      fields.push(JSON.stringify({ customer_since: 2015 + (i % 10), plan: ['basic', 'plus', 'gold'][i % 3] }));
    }
    const contacts: { id: string; time_zone: string; e164: string }[] = await m.query(
      `INSERT INTO contacts (list_id, department_id, first_name, last_name, time_zone, region, fields, dedupe_key, source_row)
       SELECT $1, $2, f, l, z, r, fl::jsonb, p, n
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS t(f, l, z, r, fl, p, n)
       RETURNING id, time_zone, dedupe_key AS e164`,
      [list.id, dep.id, first, last, zones, regions, fields, phones],
    );
    await m.query(
      `INSERT INTO phone_numbers (contact_id, e164, kind, position, status)
       SELECT c, e, 'mobile', 0, 'active' FROM unnest($1::uuid[], $2::text[]) AS t(c, e)`,
      [contacts.map((c) => c.id), contacts.map((c) => c.e164)],
    );

    const script = await m.save(
      Script,
      m.create(Script, {
        departmentId: dep.id,
        briefId: brief.id,
        name: 'Satisfaction survey',
        latestVersion: 1,
        createdById: planner.id,
      }),
    );
    const version = await m.save(
      ScriptVersion,
      m.create(ScriptVersion, {
        scriptId: script.id,
        version: 1,
        body: DEMO_SCRIPT_BODY,
        fieldsUsed: ['first_name'],
        changeNote: 'demo seed',
        createdById: planner.id,
      }),
    );
    const campaign = await m.save(
      Campaign,
      m.create(Campaign, {
        departmentId: dep.id,
        briefId: brief.id,
        contactListId: list.id,
        name: DEMO_CAMPAIGN_NAME,
        mode: o.mode,
        state: 'running',
        scriptVersionId: version.id,
        agentGroup: 'demo',
        requiredSkills: {},
        callerId: '+442079460000',
        pacing: {
          abandonCapPercent: 3,
          abandonWindowHours: 24,
          maxLinesPerAgent: 3,
          ringTimeoutSeconds: 25,
          answerToAgentSeconds: 2,
        },
        amdEnabled: true,
        machineAction: 'hangup',
        machineMessage: null,
        abandonMessage: null,
        windows: DEMO_WINDOWS,
        retryPolicy: DEMO_RETRY,
        wrapUpSeconds: 15,
        previewAutoDialSeconds: null,
        pilotSize: null,
        pilotSummary: null,
        forecast: null,
        priority: 0,
        deadline: brief.deadline,
        startedAt: new Date(),
      }),
    );
    await m.update(Brief, brief.id, { status: 'converted' });
    const dispositions = [
      ...DEFAULT_DISPOSITIONS.map((d, i) => ({ ...d, system: false, position: i })),
      ...SYSTEM_DISPOSITIONS.map((d, i) => ({ ...d, system: true, position: i })),
    ];
    for (const d of dispositions) {
      await m.query(
        `INSERT INTO dispositions (campaign_id, code, label, category, system, position) VALUES ($1, $2, $3, $4, $5, $6)`,
        [campaign.id, d.code, d.label, d.category, d.system, d.position],
      );
    }
    await m.query(
      `INSERT INTO campaign_contacts (campaign_id, contact_id, status, pilot, priority, time_zone, next_attempt_at)
       SELECT $1, c, 'pending', false, 0, z, now() FROM unnest($2::uuid[], $3::text[]) AS t(c, z)`,
      [campaign.id, contacts.map((c) => c.id), contacts.map((c) => c.time_zone)],
    );
    return { departmentId: dep.id, campaignId: campaign.id, agentIds, created: true, recycled: false };
  });
}
