import type { DataSource } from 'typeorm';
import type { Campaign } from '@app/database';
import { aCampaign, someContacts as contactsFor } from '../../support/campaign-builders';

export { ALWAYS_OPEN, anAgent } from '../../support/campaign-builders';

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
    `INSERT INTO scripts (department_id, name, latest_version, created_by_id) VALUES ($1, 'Gateway script', 1, $2) RETURNING id`,
    [departmentId, createdById],
  );
  const [version]: { id: string }[] = await ds.query(
    `INSERT INTO script_versions (script_id, version, body, fields_used, created_by_id) VALUES ($1, 1, $2, '{first_name,plan}', $3) RETURNING id`,
    [script.id, SCRIPT_BODY, createdById],
  );
  const campaign = await aCampaign(ds, {
    departmentId,
    mode: 'progressive',
    state: 'running',
    pacing: { ringTimeoutSeconds: 5 },
    retryPolicy: { busy: { retryAfterMinutes: 0, maxRetries: 1 }, maxAttemptsPerContact: 3 },
    wrapUpSeconds: 60,
  });
  await ds.query(`UPDATE campaigns SET script_version_id = $2 WHERE id = $1`, [campaign.id, version.id]);
  return { campaign: { ...campaign, scriptVersionId: version.id }, scriptVersionId: version.id };
}

/** Contacts on the campaign (pending, due now), one fresh number each. */
export async function someContacts(
  ds: DataSource,
  c: Campaign,
  n: number,
): Promise<{ contactId: string; number: string; firstName: string }[]> {
  const names = Array.from({ length: n }, (_, i) => `Person${i + 1}`);
  const made = await contactsFor(
    ds,
    c,
    names.map((firstName) => ({ firstName })),
  );
  return made.map((m, i) => ({ contactId: m.contactId, number: m.numbers[0], firstName: names[i] }));
}
