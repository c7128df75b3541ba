import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Contact, ContactList, PhoneNumber, Script, ScriptVersion } from '@app/database';

const suffix = (): string => randomBytes(4).toString('hex');

export interface ContactSpec {
  timeZone: string;
  segment: string | null;
  dnc?: boolean;
}

/** Strata of a list: [timeZone, segment, how many]. */
export const strata = (spec: [string, string | null, number][]): ContactSpec[] =>
  spec.flatMap(([timeZone, segment, n]) => Array.from({ length: n }, () => ({ timeZone, segment })));

/** An imported list written straight into the tables (the import service is another library's). */
export async function aContactList(
  ds: DataSource,
  departmentId: string,
  contacts: ContactSpec[],
): Promise<ContactList> {
  const list = await ds.getRepository(ContactList).save({
    departmentId,
    briefId: null,
    name: `List ${suffix()}`,
    status: 'ready',
    sourceFileName: null,
    rowCount: contacts.length,
    acceptedCount: contacts.length,
    importSummary: null,
    importedAt: new Date(),
  });
  const rows = contacts.map((c, i) => ({
    listId: list.id,
    departmentId,
    externalId: `ext-${i}`,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    timeZone: c.timeZone,
    region: 'GB',
    segment: c.segment,
    fields: { plan: i % 2 ? 'gold' : 'silver' },
    dedupeKey: `ext-${i}`,
    sourceRow: i + 2,
    dnc: c.dnc ?? false,
  }));
  const saved: Contact[] = [];
  for (let i = 0; i < rows.length; i += 500)
    saved.push(...(await ds.getRepository(Contact).save(rows.slice(i, i + 500))));
  await ds.getRepository(PhoneNumber).save(
    saved.map((c, i) => ({
      contactId: c.id,
      e164: `+4479${String(10_000_000 + i).slice(-8)}`,
      kind: 'mobile',
      label: null,
      position: 0,
      status: 'active' as const,
    })),
  );
  return list;
}

export async function aScriptVersion(
  ds: DataSource,
  departmentId: string,
  userId: string,
  version = 1,
): Promise<ScriptVersion> {
  const script = await ds
    .getRepository(Script)
    .save({ departmentId, briefId: null, name: `Script ${suffix()}`, latestVersion: version, createdById: userId });
  return ds.getRepository(ScriptVersion).save({
    scriptId: script.id,
    version,
    body: {
      sections: [{ text: 'Hello {{firstName}}' }],
      questions: [{ id: 'q1', kind: 'single', options: ['yes', 'no'] }],
    },
    fieldsUsed: ['firstName'],
    changeNote: null,
    createdById: userId,
  });
}

const inDays = (d: number): string => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();

/** A valid brief body; override what a test is about. */
export function aBriefBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Renewal reminder',
    purpose: 'Remind customers whose contract ends this quarter and offer the renewal.',
    contactPerson: { name: 'Ann Example', email: 'ann@example.com', phone: '+44 20 7946 0000' },
    scriptDraft: 'Hello {{firstName}}, ...',
    deadline: inDays(30),
    windows: {
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, ranges: [{ from: '09:00', to: '17:30' }] })),
      evenings: false,
      weekends: false,
      holidays: false,
      holidayDates: ['2026-12-25', '2026-12-26'],
      timeZone: 'Europe/London',
    },
    retryPolicy: {
      busy: { retryAfterMinutes: 10, maxRetries: 3 },
      noAnswer: { retryAfterMinutes: 120, maxRetries: 2 },
      maxAttemptsPerContact: 4,
    },
    pilotSize: 10,
    priority: 5,
    region: 'GB',
    ...over,
  };
}
