import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPORT_READER } from './report-reader';
import { canSeeDepartment, type Principal } from '@app/auth';
import { notFound } from '@app/common';
import { Brief } from '@app/database';
import {
  contactResult,
  CONTACT_RESULTS,
  NOT_REACHED_REASONS,
  questionsOf,
  rate,
  summarizeAnswers,
  type AnswerSummary,
  type ContactResult,
  type QuestionDef,
} from './aggregate';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import { Inject } from '@nestjs/common';

export interface PhaseFigures {
  contactsAttempted: number;
  contactsReached: number;
  contactsSuccessful: number;
  attempts: number;
  humanAnswered: number;
  successes: number;
  /** contacts reached ÷ contacts attempted */
  reachRate: number | null;
  /** contacts successful ÷ contacts reached */
  successRate: number | null;
}

export interface BucketFigures {
  attempts: number;
  humanAnswered: number;
  successes: number;
}

export interface BriefResults {
  briefId: string;
  title: string;
  departmentId: string;
  status: string;
  campaigns: { id: string; name: string; state: string; startedAt: Date | null; completedAt: Date | null }[];
  contacts: number;
  contactsAttempted: number;
  reached: number;
  successful: number;
  reachRate: number | null;
  successRate: number | null;
  inProgress: number;
  notReached: { total: number; byReason: Record<string, number> };
  byResult: Record<ContactResult, number>;
  attempts: number;
  attemptsPerContact: { average: number | null; max: number; distribution: Record<string, number> };
  outcomes: Record<string, number>;
  dispositions: { code: string; category: string; count: number }[];
  answers: AnswerSummary[];
  byDay: ({ day: string } & BucketFigures)[];
  byHour: ({ hour: number } & BucketFigures)[];
  pilot: PhaseFigures;
  fullRun: PhaseFigures;
  deadline: { deadline: Date; finishedAt: Date | null; lastAttemptAt: Date | null; met: boolean | null; state: string };
  generatedAt: Date;
}

export interface ContactAttemptView {
  attemptId: string;
  campaignId: string;
  pilot: boolean;
  at: Date;
  calledNumber: string;
  outcome: string | null;
  agentId: string | null;
  agentName: string | null;
  dispositionCode: string | null;
  dispositionLabel: string | null;
  dispositionCategory: string | null;
  talkSeconds: number | null;
  answers: Record<string, unknown> | null;
  note: string | null;
}

export interface ContactResultView {
  contactId: string;
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  numbers: string[];
  result: ContactResult;
  attempts: ContactAttemptView[];
}

export interface ContactResultsPage {
  page: number;
  pageSize: number;
  total: number;
  items: ContactResultView[];
}

interface ContactFactRow {
  contact_id: string;
  dnc: boolean;
  status: string | null;
  attempts: number;
  reached: boolean;
  successful: boolean;
  last_outcome: string | null;
  pilot_attempts: number;
  pilot_reached: boolean;
  pilot_successful: boolean;
  full_attempts: number;
  full_reached: boolean;
  full_successful: boolean;
}

/**
 * The contacts of a brief: its list's contacts plus any contact its campaigns dialled. Each contact's facts come
 * from its settled attempts over every campaign of the brief (pilot rounds included) and its latest campaign row.
 * $1 = campaign ids, $2 = the brief's list id.
 */
const CONTACT_FACTS_CTE = `
  cc AS (SELECT DISTINCT ON (cc.contact_id) cc.contact_id, cc.status FROM campaign_contacts cc
          WHERE cc.campaign_id = ANY($1::uuid[]) ORDER BY cc.contact_id, cc.updated_at DESC, cc.id DESC),
  people AS (SELECT id AS contact_id FROM contacts WHERE list_id = $2 UNION SELECT contact_id FROM cc),
  att AS (
    SELECT a.contact_id,
           count(*)::int AS attempts,
           bool_or(a.outcome = 'answered-human') AS reached,
           bool_or(coalesce(d.category, a.disposition_category) = 'success') AS successful,
           (array_agg(a.outcome ORDER BY a.created_at DESC, a.id DESC))[1] AS last_outcome,
           (count(*) FILTER (WHERE a.pilot))::int AS pilot_attempts,
           coalesce(bool_or(a.outcome = 'answered-human') FILTER (WHERE a.pilot), false) AS pilot_reached,
           coalesce(bool_or(coalesce(d.category, a.disposition_category) = 'success') FILTER (WHERE a.pilot), false)
             AS pilot_successful,
           (count(*) FILTER (WHERE NOT a.pilot))::int AS full_attempts,
           coalesce(bool_or(a.outcome = 'answered-human') FILTER (WHERE NOT a.pilot), false) AS full_reached,
           coalesce(bool_or(coalesce(d.category, a.disposition_category) = 'success') FILTER (WHERE NOT a.pilot), false)
             AS full_successful
      FROM call_attempts a
      LEFT JOIN dispositions d ON d.campaign_id = a.campaign_id AND d.code = a.disposition_code
     WHERE a.campaign_id = ANY($1::uuid[]) AND a.ended_at IS NOT NULL AND a.outcome IS DISTINCT FROM 'rejected-by-rule'
     GROUP BY a.contact_id)`;

/**
 * CONTACT_FACTS_CTE for the given contacts only ($2 = their ids instead of the list id): a page of the contacts list
 * reads its own contacts' attempts, not the whole brief's.
 */
const PAGE_FACTS_CTE = (
  [
    [
      'cc.campaign_id = ANY($1::uuid[]) ORDER BY',
      'cc.campaign_id = ANY($1::uuid[]) AND cc.contact_id = ANY($2::uuid[]) ORDER BY',
    ],
    [
      'people AS (SELECT id AS contact_id FROM contacts WHERE list_id = $2 UNION SELECT contact_id FROM cc)',
      'people AS (SELECT unnest($2::uuid[]) AS contact_id)',
    ],
    [
      'a.campaign_id = ANY($1::uuid[]) AND a.ended_at',
      'a.campaign_id = ANY($1::uuid[]) AND a.contact_id = ANY($2::uuid[]) AND a.ended_at',
    ],
  ] as const
).reduce((sql, [from, to]) => {
  if (!sql.includes(from)) throw new Error(`PAGE_FACTS_CTE: "${from}" not in CONTACT_FACTS_CTE`);
  return sql.replace(from, to);
}, CONTACT_FACTS_CTE);

const CONTACT_FACTS_SELECT = `
  SELECT p.contact_id, ct.dnc, cc.status, coalesce(att.attempts, 0) AS attempts, coalesce(att.reached, false) AS reached,
         coalesce(att.successful, false) AS successful, att.last_outcome,
         coalesce(att.pilot_attempts, 0) AS pilot_attempts, coalesce(att.pilot_reached, false) AS pilot_reached,
         coalesce(att.pilot_successful, false) AS pilot_successful, coalesce(att.full_attempts, 0) AS full_attempts,
         coalesce(att.full_reached, false) AS full_reached, coalesce(att.full_successful, false) AS full_successful
    FROM people p JOIN contacts ct ON ct.id = p.contact_id
    LEFT JOIN cc ON cc.contact_id = p.contact_id LEFT JOIN att ON att.contact_id = p.contact_id`;

/** Attempt figures of the brief's campaigns read from the rollups (category from the campaign's dispositions). */
const ROLLUP_CTE = `
  r AS (SELECT r.*, coalesce(d.category, nullif(r.disposition_category, '')) AS category FROM attempt_rollups r
         LEFT JOIN dispositions d ON d.campaign_id = r.campaign_id AND d.code = r.disposition_code
        WHERE r.campaign_id = ANY($1::uuid[]) AND r.outcome <> 'rejected-by-rule' AND r.attempts <> 0)`;

const BUCKET = `sum(attempts)::int AS attempts,
  coalesce(sum(attempts) FILTER (WHERE outcome = 'answered-human'), 0)::int AS "humanAnswered",
  coalesce(sum(attempts) FILTER (WHERE category = 'success'), 0)::int AS successes`;

@Injectable()
export class BriefResultsService {
  constructor(
    @Inject(REPORT_READER) private readonly ds: DataSource,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
  ) {}

  /** The brief if the caller may see it, else 404. */
  async visibleBrief(p: Principal, id: string): Promise<Brief> {
    const b = await this.ds.getRepository(Brief).findOne({ where: { id } });
    if (!b || !canSeeDepartment(p, b.departmentId)) throw notFound('brief', id);
    return b;
  }

  private async campaignsOf(briefId: string) {
    return this.ds.query<
      {
        id: string;
        name: string;
        state: string;
        startedAt: Date | null;
        completedAt: Date | null;
        scriptVersionId: string | null;
      }[]
    >(
      `SELECT id, name, state, started_at AS "startedAt", completed_at AS "completedAt",
              script_version_id AS "scriptVersionId"
         FROM campaigns WHERE brief_id = $1 ORDER BY created_at, id`,
      [briefId],
    );
  }

  /** The questions of every script version the brief's campaigns ran (first definition of an id wins). */
  async questions(campaignIds: string[]): Promise<QuestionDef[]> {
    const rows = await this.ds.query<{ body: unknown }[]>(
      `SELECT DISTINCT ON (sv.id) sv.body FROM campaigns c JOIN script_versions sv ON sv.id = c.script_version_id
        WHERE c.id = ANY($1::uuid[]) ORDER BY sv.id`,
      [campaignIds],
    );
    const seen = new Map<string, QuestionDef>();
    for (const r of rows) for (const q of questionsOf(r.body)) if (!seen.has(q.id)) seen.set(q.id, q);
    return [...seen.values()];
  }

  async results(p: Principal, briefId: string): Promise<BriefResults> {
    const brief = await this.visibleBrief(p, briefId);
    const now = this.clock.now();
    const campaigns = await this.campaignsOf(brief.id);
    const ids = campaigns.map((c) => c.id);
    const deadlinePassed = now.getTime() > brief.deadline.getTime();

    const facts = await this.ds.query<ContactFactRow[]>(`WITH ${CONTACT_FACTS_CTE} ${CONTACT_FACTS_SELECT}`, [
      ids,
      brief.contactListId,
    ]);
    const byResult = Object.fromEntries(CONTACT_RESULTS.map((r) => [r, 0])) as Record<ContactResult, number>;
    const distribution: Record<string, number> = {};
    let attemptsTotal = 0;
    let maxAttempts = 0;
    let attempted = 0;
    const phase = { pilot: newPhase(), fullRun: newPhase() };
    for (const f of facts) {
      const result = contactResult({
        successful: f.successful,
        reached: f.reached,
        dnc: f.dnc,
        status: f.status,
        lastOutcome: f.last_outcome,
        deadlinePassed,
      });
      byResult[result]++;
      distribution[String(f.attempts)] = (distribution[String(f.attempts)] ?? 0) + 1;
      attemptsTotal += f.attempts;
      maxAttempts = Math.max(maxAttempts, f.attempts);
      if (f.attempts > 0) attempted++;
      addPhase(phase.pilot, f.pilot_attempts, f.pilot_reached, f.pilot_successful);
      addPhase(phase.fullRun, f.full_attempts, f.full_reached, f.full_successful);
    }

    const [outcomes, dispositions, byDay, byHour, phases, last] = await Promise.all([
      this.ds.query<{ outcome: string; n: number }[]>(
        `WITH ${ROLLUP_CTE} SELECT outcome, sum(attempts)::int AS n FROM r GROUP BY outcome ORDER BY outcome`,
        [ids],
      ),
      this.ds.query<{ code: string; category: string; count: number }[]>(
        `WITH ${ROLLUP_CTE} SELECT disposition_code AS code, coalesce(category, '') AS category,
                sum(attempts)::int AS count FROM r WHERE disposition_code <> ''
          GROUP BY 1, 2 ORDER BY count DESC, code`,
        [ids],
      ),
      this.ds.query<({ day: string } & BucketFigures)[]>(
        `WITH ${ROLLUP_CTE} SELECT to_char(day, 'YYYY-MM-DD') AS day, ${BUCKET} FROM r GROUP BY day ORDER BY day`,
        [ids],
      ),
      this.ds.query<({ hour: number } & BucketFigures)[]>(
        `WITH ${ROLLUP_CTE} SELECT hour::int AS hour, ${BUCKET} FROM r GROUP BY hour ORDER BY hour`,
        [ids],
      ),
      this.ds.query<({ pilot: boolean } & BucketFigures)[]>(
        `WITH ${ROLLUP_CTE} SELECT pilot, ${BUCKET} FROM r GROUP BY pilot`,
        [ids],
      ),
      this.ds.query<{ last: Date | null }[]>(
        `SELECT max(ended_at) AS last FROM call_attempts WHERE campaign_id = ANY($1::uuid[]) AND ended_at IS NOT NULL`,
        [ids],
      ),
    ]);
    for (const ph of phases) Object.assign(ph.pilot ? phase.pilot : phase.fullRun, pick(ph));
    for (const ph of [phase.pilot, phase.fullRun]) {
      ph.reachRate = rate(ph.contactsReached, ph.contactsAttempted);
      ph.successRate = rate(ph.contactsSuccessful, ph.contactsReached);
    }

    const answerRows = await this.ds.query<{ answers: Record<string, unknown> }[]>(
      `SELECT DISTINCT ON (a.contact_id) a.script_answers AS answers FROM call_attempts a
        WHERE a.campaign_id = ANY($1::uuid[]) AND a.script_answers IS NOT NULL AND a.script_answers <> '{}'::jsonb
        ORDER BY a.contact_id, a.created_at DESC, a.id DESC`,
      [ids],
    );
    const answers = summarizeAnswers(
      await this.questions(ids),
      answerRows.map((r) => r.answers),
    );

    const over = campaigns.length > 0 && campaigns.every((c) => c.state === 'completed' || c.state === 'cancelled');
    const finishedAt = over
      ? campaigns.reduce<Date | null>((m, c) => (c.completedAt && (!m || c.completedAt > m) ? c.completedAt : m), null)
      : null;
    const lastAttemptAt = last[0]?.last ?? null;
    const met = finishedAt ? finishedAt.getTime() <= brief.deadline.getTime() : deadlinePassed ? false : null;
    const reached = byResult.successful + byResult.reached;
    const notReachedByReason = Object.fromEntries(NOT_REACHED_REASONS.map((r) => [r, byResult[r]]));
    return {
      briefId: brief.id,
      title: brief.title,
      departmentId: brief.departmentId,
      status: brief.status,
      campaigns: campaigns.map(({ scriptVersionId: _s, ...c }) => c),
      contacts: facts.length,
      contactsAttempted: attempted,
      reached,
      successful: byResult.successful,
      reachRate: rate(reached, attempted),
      successRate: rate(byResult.successful, reached),
      inProgress: byResult['in-progress'],
      notReached: {
        total: Object.values(notReachedByReason).reduce((s, n) => s + n, 0),
        byReason: notReachedByReason,
      },
      byResult,
      attempts: attemptsTotal,
      attemptsPerContact: {
        average: facts.length ? Math.round((attemptsTotal / facts.length) * 100) / 100 : null,
        max: maxAttempts,
        distribution,
      },
      outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
      dispositions,
      answers,
      byDay,
      byHour,
      pilot: phase.pilot,
      fullRun: phase.fullRun,
      deadline: {
        deadline: brief.deadline,
        finishedAt,
        lastAttemptAt,
        met,
        state: met === null ? 'open' : met ? 'met' : 'missed',
      },
      generatedAt: now,
    };
  }

  /** Per contact: its result and every settled attempt, paged; `search` matches names, external id and numbers. */
  async contacts(
    p: Principal,
    briefId: string,
    page: number,
    pageSize: number,
    search?: string,
  ): Promise<ContactResultsPage> {
    const brief = await this.visibleBrief(p, briefId);
    const ids = (await this.campaignsOf(brief.id)).map((c) => c.id);
    const deadlinePassed = this.clock.now().getTime() > brief.deadline.getTime();
    const term = search?.trim() ? `%${search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
    const filter = `($3::text IS NULL OR ct.first_name ILIKE $3 OR ct.last_name ILIKE $3 OR ct.external_id ILIKE $3
        OR (coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')) ILIKE $3
        OR EXISTS (SELECT 1 FROM phone_numbers pn WHERE pn.contact_id = ct.id AND pn.e164 LIKE $3))`;
    const [{ total }] = await this.ds.query<{ total: number }[]>(
      `WITH cc AS (SELECT DISTINCT contact_id FROM campaign_contacts WHERE campaign_id = ANY($1::uuid[])),
            people AS (SELECT id AS contact_id FROM contacts WHERE list_id = $2 UNION SELECT contact_id FROM cc)
       SELECT count(*)::int AS total FROM people p JOIN contacts ct ON ct.id = p.contact_id WHERE ${filter}`,
      [ids, brief.contactListId, term],
    );
    // the page first (names only), then the facts of its contacts
    const pageIds = (
      await this.ds.query<{ id: string }[]>(
        `WITH cc AS (SELECT DISTINCT contact_id FROM campaign_contacts WHERE campaign_id = ANY($1::uuid[])),
              people AS (SELECT id AS contact_id FROM contacts WHERE list_id = $2 UNION SELECT contact_id FROM cc)
         SELECT ct.id FROM people p JOIN contacts ct ON ct.id = p.contact_id
          WHERE ${filter}
          ORDER BY ct.last_name NULLS LAST, ct.first_name NULLS LAST, ct.id
          LIMIT $4 OFFSET $5`,
        [ids, brief.contactListId, term, pageSize, (page - 1) * pageSize],
      )
    ).map((r) => r.id);
    const facts = pageIds.length
      ? await this.ds.query<
          (ContactFactRow & {
            external_id: string | null;
            first_name: string | null;
            last_name: string | null;
            numbers: string[];
          })[]
        >(
          `WITH ${PAGE_FACTS_CTE}
           SELECT f.*, ct.external_id, ct.first_name, ct.last_name,
                  coalesce((SELECT array_agg(pn.e164 ORDER BY pn.position) FROM phone_numbers pn WHERE pn.contact_id = ct.id),
                           '{}') AS numbers
             FROM (${CONTACT_FACTS_SELECT}) f JOIN contacts ct ON ct.id = f.contact_id`,
          [ids, pageIds],
        )
      : [];
    const byId = new Map(facts.map((f) => [f.contact_id, f]));
    const rows = pageIds.map((id) => byId.get(id)!).filter((r) => r !== undefined);
    const attempts = rows.length
      ? await this.ds.query<(ContactAttemptView & { contactId: string })[]>(
          `SELECT a.contact_id AS "contactId", a.id AS "attemptId", a.campaign_id AS "campaignId", a.pilot,
                  a.created_at AS at, a.called_number AS "calledNumber", a.outcome, a.agent_id AS "agentId",
                  u.display_name AS "agentName", a.disposition_code AS "dispositionCode", d.label AS "dispositionLabel",
                  coalesce(d.category, a.disposition_category) AS "dispositionCategory", a.talk_seconds AS "talkSeconds",
                  a.script_answers AS answers, a.note
             FROM call_attempts a
             LEFT JOIN agents ag ON ag.id = a.agent_id LEFT JOIN users u ON u.id = ag.user_id
             LEFT JOIN dispositions d ON d.campaign_id = a.campaign_id AND d.code = a.disposition_code
            WHERE a.campaign_id = ANY($1::uuid[]) AND a.contact_id = ANY($2::uuid[]) AND a.ended_at IS NOT NULL
            ORDER BY a.created_at, a.id`,
          [ids, rows.map((r) => r.contact_id)],
        )
      : [];
    const byContact = new Map<string, ContactAttemptView[]>();
    for (const { contactId, ...a } of attempts) {
      const list = byContact.get(contactId) ?? [];
      list.push(a);
      byContact.set(contactId, list);
    }
    return {
      page,
      pageSize,
      total,
      items: rows.map((r) => ({
        contactId: r.contact_id,
        externalId: r.external_id,
        firstName: r.first_name,
        lastName: r.last_name,
        numbers: r.numbers,
        result: contactResult({
          successful: r.successful,
          reached: r.reached,
          dnc: r.dnc,
          status: r.status,
          lastOutcome: r.last_outcome,
          deadlinePassed,
        }),
        attempts: byContact.get(r.contact_id) ?? [],
      })),
    };
  }
}

const newPhase = (): PhaseFigures => ({
  contactsAttempted: 0,
  contactsReached: 0,
  contactsSuccessful: 0,
  attempts: 0,
  humanAnswered: 0,
  successes: 0,
  reachRate: null,
  successRate: null,
});

function addPhase(ph: PhaseFigures, attempts: number, reached: boolean, successful: boolean): void {
  if (attempts > 0) ph.contactsAttempted++;
  if (reached) ph.contactsReached++;
  if (successful) ph.contactsSuccessful++;
}

const pick = (b: BucketFigures): BucketFigures => ({
  attempts: b.attempts,
  humanAnswered: b.humanAnswered,
  successes: b.successes,
});
