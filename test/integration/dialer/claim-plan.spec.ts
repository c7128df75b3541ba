import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { engineSettingsOf, PgContactSource } from '@app/dialer';
import { ContactList } from '@app/database';
import { aDepartment } from '../../support/builders';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { aCampaign } from '../../support/campaign-builders';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/**
 * "The next callable contacts of campaign X now" must stay cheap as lists grow: the claim walks
 * ix_campaign_contacts_next in order and stops at LIMIT, instead of reading and sorting every pending row.
 */
describe('the claim query plan', () => {
  let db: TestDatabase;
  const ROWS = 30_000;
  let source: PgContactSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const departmentId = (await aDepartment(db.ds)).id;
    const list = await db.ds.getRepository(ContactList).save({
      departmentId,
      name: 'plan',
      status: 'ready',
      briefId: null,
      sourceFileName: null,
      importSummary: null,
      importedAt: null,
    });
    // Two campaigns so the campaign column matters; the big one is the one we claim from.
    const other = await aCampaign(db.ds, { departmentId, state: 'running' });
    const c = await aCampaign(db.ds, { departmentId, state: 'running' });
    await db.ds.query(
      `INSERT INTO contacts (list_id, department_id, time_zone, dedupe_key, source_row, fields)
       SELECT $1, $2, (ARRAY['Europe/London','America/New_York','Asia/Tokyo'])[1 + g % 3], 'k' || g, g, '{}'
       FROM generate_series(1, $3) g`,
      [list.id, departmentId, ROWS],
    );
    await db.ds.query(
      `INSERT INTO phone_numbers (contact_id, e164, kind, position, status)
       SELECT id, '+4420' || lpad(source_row::text, 8, '0'), 'fixed-line', 0, 'active' FROM contacts WHERE list_id = $1`,
      [list.id],
    );
    for (const campaign of [c, other])
      await db.ds.query(
        `INSERT INTO campaign_contacts (campaign_id, contact_id, status, priority, time_zone, next_attempt_at)
         SELECT $1, id, CASE WHEN source_row % 10 = 0 THEN 'done' ELSE 'pending' END, source_row % 4, time_zone,
                now() - (source_row % 100) * interval '1 minute'
         FROM contacts WHERE list_id = $2`,
        [campaign.id, list.id],
      );
    await db.ds.query('ANALYZE');
    const s = engineSettingsOf(c);
    source = new PgContactSource(
      db.ds,
      () => ({
        id: c.id,
        departmentId,
        pilotOnly: false,
        rules: s.rules,
        ringTimeoutSeconds: 20,
        policy: s.config.retryPolicy,
      }),
      'plan-test',
      30,
    );
  }, 120_000);

  afterAll(async () => {
    await db.drop();
  });

  it('walks ix_campaign_contacts_next and sorts nothing', async () => {
    const params = source.claimParams(10, Date.now(), ['Europe/London', 'America/New_York', 'Asia/Tokyo'], null, false);
    const [{ 'QUERY PLAN': plan }] = (await db.ds.query(
      `EXPLAIN (FORMAT JSON) ${source.claimSql('queue')}`,
      params,
    )) as {
      'QUERY PLAN': { Plan: PlanNode }[];
    }[];
    const all = nodes(plan[0].Plan);
    const onContacts = all.filter(
      (n) => n['Relation Name'] === 'campaign_contacts' && n['Node Type'] !== 'ModifyTable',
    );
    expect(onContacts.map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''}`)).toContainEqual(
      expect.stringMatching(/^Index Scan ix_campaign_contacts_next$/),
    );
    // A sort may only order one contact's few numbers (the LATERAL pick), never the campaign's contacts.
    const sortsOverContacts = all.filter(
      (n) => n['Node Type'] === 'Sort' && nodes(n).some((x) => x['Relation Name'] === 'campaign_contacts'),
    );
    expect(sortsOverContacts).toEqual([]);
  });

  it('claims in priority order, the longest due first, and reads few rows doing it', async () => {
    const started = Date.now();
    const leases = await source.claim(10, Date.now());
    const ms = Date.now() - started;
    expect(leases).toHaveLength(10);
    const rows: { priority: number }[] = await db.ds.query(
      `SELECT priority FROM campaign_contacts WHERE id = ANY($1::bigint[])`,
      [leases.map((l) => l.campaignContactId)],
    );
    expect(rows.every((r) => r.priority === 3)).toBe(true);
    // Not a timing assertion on a shared machine: printed for the record.
    console.log(`claim of 10 from ${ROWS} pending contacts: ${ms} ms`);
  });
});
