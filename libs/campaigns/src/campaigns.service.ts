import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canSeeDepartment, departmentScope, type Principal } from '@app/auth';
import {
  assertBriefTransition,
  BriefsService,
  normaliseRetryPolicy,
  normaliseWindows,
  PLANNABLE_BRIEF_STATUSES,
  windowProblems,
  type CallingWindows,
} from '@app/briefs';
import { AppError, invalid, notFound, type FieldProblem } from '@app/common';
import {
  AuditService,
  Brief,
  Campaign,
  ContactList,
  Disposition,
  HolidayCalendar,
  ScriptVersion,
  type CampaignState,
} from '@app/database';
import { widerThanBrief } from './campaign-windows';
import { CampaignForecastService } from './campaign-forecast.service';
import {
  campaignSettings,
  DEFAULT_DISPOSITIONS,
  defaultPacing,
  SYSTEM_DISPOSITIONS,
  type CampaignSettings,
  type DispositionSpec,
  type PacingSettings,
} from './campaign-settings';
import { allowedCampaignTransitions, EDITABLE_CAMPAIGN_STATES, LIVE_PACING_STATES } from './campaign-transitions';
import type { CampaignSettingsDto, LivePacingDto, NewCampaignDto, UpdateCampaignDto } from './campaign.dto';

export type CampaignView = Omit<Campaign, 'department' | 'brief' | 'scriptVersion'> & {
  allowedTransitions: readonly CampaignState[];
  /** What the planner should know: e.g. calling windows wider than the brief's (allowed with allowWiderWindows). */
  warnings: FieldProblem[];
  dispositions: Pick<Disposition, 'code' | 'label' | 'category' | 'system' | 'position'>[];
  contacts: { total: number; pilot: number; byStatus: Record<string, number> };
};

export const actorOf = (p: Principal | null) =>
  p ? { userId: p.userId, role: p.role, departmentId: p.departmentId } : null;

/** Campaign configuration: creation from an accepted brief, settings, reading. The lifecycle is its own service. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly briefs: BriefsService,
    private readonly forecasts: CampaignForecastService,
  ) {}

  /** A campaign the caller may see, else 404. `lock` takes the row lock for a state change. */
  async findVisible(
    p: Principal | null,
    id: string,
    m: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<Campaign> {
    const c = await m.findOne(Campaign, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!c || (p && !canSeeDepartment(p, c.departmentId))) throw notFound('campaign', id);
    return c;
  }

  /** For the engine: a campaign's settings, typed, with defaults filled in. */
  async settings(id: string): Promise<CampaignSettings> {
    return campaignSettings(await this.findVisible(null, id));
  }

  async get(p: Principal, id: string): Promise<CampaignView> {
    return this.view(await this.findVisible(p, id));
  }

  async list(p: Principal, state?: CampaignState): Promise<CampaignView[]> {
    const scope = departmentScope(p);
    const rows = await this.ds.getRepository(Campaign).find({
      where: { ...(scope ? { departmentId: scope } : {}), ...(state ? { state } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return Promise.all(rows.map((c) => this.view(c)));
  }

  async view(c: Campaign, m: EntityManager = this.ds.manager): Promise<CampaignView> {
    const { department: _d, brief: _b, scriptVersion: _s, ...rest } = c;
    const dispositions = await m.find(Disposition, {
      where: { campaignId: c.id },
      order: { system: 'ASC', position: 'ASC' },
      select: { code: true, label: true, category: true, system: true, position: true },
    });
    const counts: { status: string; pilot: boolean; n: number }[] = await m.query(
      'SELECT status, pilot, count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 GROUP BY status, pilot',
      [c.id],
    );
    const byStatus: Record<string, number> = {};
    for (const r of counts) byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const brief = c.briefId
      ? await m.findOne(Brief, { where: { id: c.briefId }, select: { id: true, windows: true } })
      : null;
    const wider = brief
      ? widerThanBrief(c.windows as unknown as CallingWindows, brief.windows as unknown as CallingWindows)
      : [];
    return {
      ...rest,
      allowedTransitions: allowedCampaignTransitions(c.state),
      warnings: wider.map((reason) => ({ field: 'windows', reason: `wider than the brief: ${reason}` })),
      dispositions,
      contacts: {
        total: counts.reduce((s, r) => s + r.n, 0),
        pilot: counts.filter((r) => r.pilot).reduce((s, r) => s + r.n, 0),
        byStatus,
      },
    };
  }

  /**
   * Makes a draft campaign from an accepted brief, in one transaction: the campaign, its dispositions, the contacts
   * of the list as campaign contacts (INSERT ... SELECT), and the brief marked converted. A brief may yield several
   * campaigns (a re-plan, a second wave): a further one takes, by default, the contacts not finished by the earlier
   * ones (`contacts: 'not-finished'`), from the brief's list or another list of the department.
   */
  async createFromBrief(p: Principal, briefId: string, dto: NewCampaignDto): Promise<CampaignView> {
    const view = await this.ds.transaction(async (m) => {
      const brief = await this.briefs.findVisible(p, briefId, m, true);
      if (!PLANNABLE_BRIEF_STATUSES.includes(brief.status)) assertBriefTransition(brief.status, 'converted');
      const listId = dto.contactListId ?? brief.contactListId;
      if (!listId)
        throw invalid([{ field: 'briefId', reason: 'the brief has no target list' }], 'the brief has no target list');
      if (dto.contactListId) {
        const list = await m.findOne(ContactList, { where: { id: dto.contactListId } });
        if (!list || list.departmentId !== brief.departmentId) throw notFound('contact list', dto.contactListId);
      }
      const [{ earlier }]: { earlier: number }[] = await m.query(
        'SELECT count(*)::int AS earlier FROM campaigns WHERE brief_id = $1',
        [brief.id],
      );
      const wave = earlier + 1;
      const selection = dto.contacts ?? (earlier > 0 ? 'not-finished' : 'all');
      const problems = this.settingsProblems(dto, dto.mode);
      if (problems.length) throw invalid(problems);
      if (dto.scriptVersionId) await this.checkScriptVersion(m, dto.scriptVersionId, brief.departmentId);
      const windows = dto.windows
        ? await this.windowsOf(m, dto.windows, brief.departmentId)
        : (brief.windows as Record<string, unknown>);
      this.assertWithinBrief(windows, brief.windows, dto.allowWiderWindows);
      const c = await m.save(
        Campaign,
        m.create(Campaign, {
          departmentId: brief.departmentId,
          briefId: brief.id,
          contactListId: brief.contactListId,
          name: dto.name ?? (wave > 1 ? `${brief.title} (wave ${wave})` : brief.title),
          mode: dto.mode,
          state: 'draft',
          scriptVersionId: dto.scriptVersionId ?? null,
          agentGroup: dto.agentGroup ?? null,
          requiredSkills: dto.requiredSkills ?? {},
          callerId: dto.callerId ?? null,
          pacing: { ...defaultPacing(dto.mode), ...stripUndefined(dto.pacing) } as Record<string, unknown>,
          amdEnabled: dto.amdEnabled ?? false,
          machineAction: dto.machineAction ?? 'hangup',
          machineMessage: dto.machineMessage ?? null,
          abandonMessage: dto.abandonMessage ?? null,
          windows,
          retryPolicy: dto.retryPolicy
            ? (normaliseRetryPolicy(dto.retryPolicy) as unknown as Record<string, unknown>)
            : brief.retryPolicy,
          wrapUpSeconds: dto.wrapUpSeconds ?? 15,
          previewAutoDialSeconds: dto.previewAutoDialSeconds ?? null,
          pilotSize: dto.pilotSize ?? brief.pilotSize,
          priority: dto.priority ?? brief.priority,
          deadline: brief.deadline,
        }),
      );
      await this.replaceDispositions(m, c.id, dto.dispositions ?? DEFAULT_DISPOSITIONS, true);
      const inserted: { n: number }[] = await m.query(
        `WITH ins AS (
           INSERT INTO campaign_contacts (campaign_id, contact_id, status, pilot, priority, time_zone, next_attempt_at)
           SELECT $1, c.id, CASE WHEN c.dnc THEN 'dnc' ELSE 'pending' END, false, $2, c.time_zone, now()
             FROM contacts c
            WHERE c.list_id = $3 AND c.department_id = $4
              AND ($5::text = 'all' OR NOT EXISTS (
                    SELECT 1 FROM campaign_contacts x JOIN campaigns k ON k.id = x.campaign_id
                     WHERE k.brief_id = $6 AND k.id <> $1 AND x.contact_id = c.id
                       AND (x.status IN ('done', 'dnc')
                            OR (k.state NOT IN ('completed', 'cancelled') AND x.status IN ('pending', 'leased', 'dialing')))))
           ON CONFLICT (campaign_id, contact_id) DO NOTHING
           RETURNING status)
         SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'dnc')::int AS dnc FROM ins`,
        [c.id, c.priority, listId, brief.departmentId, selection, brief.id],
      );
      await this.briefs.markConverted(m, p, brief, c.id);
      await this.audit.record(
        actorOf(p),
        {
          action: 'campaign.create',
          entityType: 'campaign',
          entityId: c.id,
          departmentId: c.departmentId,
          details: {
            briefId: brief.id,
            mode: c.mode,
            wave,
            contactListId: listId,
            contactSelection: selection,
            contacts: inserted[0],
            ...(dto.allowWiderWindows ? { allowWiderWindows: true } : {}),
          },
        },
        m,
      );
      await this.forecasts.compute(c, {}, m);
      return this.view(c, m);
    });
    this.briefs.afterCommit();
    return view;
  }

  /** PATCH: only while nothing is dialled (draft, pilot_review, paused). A new script means a new version id. */
  async update(p: Principal, id: string, dto: UpdateCampaignDto): Promise<CampaignView> {
    return this.ds.transaction(async (m) => {
      const c = await this.findVisible(p, id, m, true);
      if (!EDITABLE_CAMPAIGN_STATES.includes(c.state))
        throw new AppError('conflict', `a ${c.state} campaign cannot be edited; pause it first`, {
          state: c.state,
          editableIn: EDITABLE_CAMPAIGN_STATES,
        });
      const mode = dto.mode ?? c.mode;
      const problems = this.settingsProblems(
        {
          ...dto,
          machineAction: dto.machineAction ?? c.machineAction,
          machineMessage: dto.machineMessage ?? c.machineMessage ?? undefined,
        },
        mode,
      );
      if (problems.length) throw invalid(problems);
      const changed: Record<string, unknown> = {};
      if (dto.scriptVersionId !== undefined && dto.scriptVersionId !== c.scriptVersionId) {
        await this.checkScriptVersion(m, dto.scriptVersionId, c.departmentId);
        changed.scriptVersionId = { from: c.scriptVersionId, to: dto.scriptVersionId };
        c.scriptVersionId = dto.scriptVersionId;
      }
      const simple = [
        'name',
        'mode',
        'agentGroup',
        'requiredSkills',
        'callerId',
        'amdEnabled',
        'machineAction',
        'machineMessage',
        'abandonMessage',
        'wrapUpSeconds',
        'previewAutoDialSeconds',
        'pilotSize',
        'priority',
      ] as const;
      for (const k of simple)
        if (dto[k] !== undefined) {
          changed[k] = dto[k];
          (c as unknown as Record<string, unknown>)[k] = dto[k];
        }
      if (dto.pacing) {
        c.pacing = { ...defaultPacing(mode), ...(c.pacing as Partial<PacingSettings>), ...stripUndefined(dto.pacing) };
        changed.pacing = c.pacing;
      }
      if (dto.windows) {
        c.windows = await this.windowsOf(m, dto.windows, c.departmentId);
        if (c.briefId) {
          const brief = await m.findOne(Brief, { where: { id: c.briefId } });
          if (brief) this.assertWithinBrief(c.windows, brief.windows, dto.allowWiderWindows);
        }
        changed.windows = true;
        if (dto.allowWiderWindows) changed.allowWiderWindows = true;
      }
      if (dto.retryPolicy) {
        c.retryPolicy = normaliseRetryPolicy(dto.retryPolicy) as unknown as Record<string, unknown>;
        changed.retryPolicy = c.retryPolicy;
      }
      await m.save(c);
      if (dto.priority !== undefined)
        await m.query(`UPDATE campaign_contacts SET priority = $2 WHERE campaign_id = $1 AND status = 'pending'`, [
          c.id,
          dto.priority,
        ]);
      if (dto.dispositions) {
        await this.replaceDispositions(m, c.id, dto.dispositions, false);
        changed.dispositions = dto.dispositions.map((d) => d.code);
      }
      await this.audit.record(
        actorOf(p),
        {
          action: 'campaign.update',
          entityType: 'campaign',
          entityId: c.id,
          departmentId: c.departmentId,
          details: changed,
        },
        m,
      );
      await this.forecasts.compute(c, {}, m);
      return this.view(c, m);
    });
  }

  /**
   * The abandon target and the dial ratio limit of a campaign under way (pilot, running, or paused): the runner reads
   * the new values at its next lease renewal and retunes its pacer. Audited with the values before and after.
   */
  async updateLivePacing(p: Principal, id: string, dto: LivePacingDto): Promise<CampaignView> {
    if (dto.abandonCapPercent === undefined && dto.maxLinesPerAgent === undefined)
      throw invalid([{ field: 'abandonCapPercent', reason: 'give abandonCapPercent or maxLinesPerAgent' }]);
    return this.ds.transaction(async (m) => {
      const c = await this.findVisible(p, id, m, true);
      if (!LIVE_PACING_STATES.includes(c.state))
        throw new AppError('conflict', `the pacing of a ${c.state} campaign is set with PATCH /campaigns/${id}`, {
          state: c.state,
          liveIn: LIVE_PACING_STATES,
        });
      if (dto.maxLinesPerAgent !== undefined && dto.maxLinesPerAgent > 1 && c.mode !== 'predictive')
        throw invalid([{ field: 'maxLinesPerAgent', reason: `${c.mode} mode dials one line per agent` }]);
      const before = { ...defaultPacing(c.mode), ...(c.pacing as Partial<PacingSettings>) };
      const after = { ...before, ...stripUndefined({ ...dto }) };
      c.pacing = after as unknown as Record<string, unknown>;
      await m.save(c);
      await this.audit.record(
        actorOf(p),
        {
          action: 'campaign.pacing',
          entityType: 'campaign',
          entityId: c.id,
          departmentId: c.departmentId,
          details: {
            abandonCapPercent: { from: before.abandonCapPercent, to: after.abandonCapPercent },
            maxLinesPerAgent: { from: before.maxLinesPerAgent, to: after.maxLinesPerAgent },
          },
        },
        m,
      );
      return this.view(c, m);
    });
  }

  /** Windows wider than the brief's need `allowWiderWindows: true` (422 naming each difference otherwise). */
  private assertWithinBrief(
    windows: Record<string, unknown>,
    briefWindows: Record<string, unknown>,
    allow: boolean | undefined,
  ): void {
    if (allow) return;
    const wider = widerThanBrief(windows as unknown as CallingWindows, briefWindows as unknown as CallingWindows);
    if (wider.length)
      throw invalid(
        wider.map((reason) => ({
          field: 'windows',
          reason: `wider than the brief: ${reason}; set allowWiderWindows: true to keep it`,
        })),
        "the campaign's calling windows are wider than the brief's",
      );
  }

  private settingsProblems(dto: Partial<CampaignSettingsDto>, mode: string): FieldProblem[] {
    const out: FieldProblem[] = [];
    if (dto.windows) out.push(...windowProblems(dto.windows));
    if (dto.machineAction === 'message' && !dto.machineMessage)
      out.push({
        field: 'machineMessage',
        reason: 'machineMessage (a media name) is required when machineAction is message',
      });
    if (dto.pacing?.maxLinesPerAgent !== undefined && dto.pacing.maxLinesPerAgent > 1 && mode !== 'predictive')
      out.push({ field: 'pacing.maxLinesPerAgent', reason: `${mode} mode dials one line per agent` });
    if (dto.dispositions) {
      const seen = new Set<string>();
      const system = new Set(SYSTEM_DISPOSITIONS.map((d) => d.code));
      dto.dispositions.forEach((d, i) => {
        if (seen.has(d.code)) out.push({ field: `dispositions[${i}].code`, reason: `${d.code} is listed twice` });
        if (system.has(d.code))
          out.push({
            field: `dispositions[${i}].code`,
            reason: `${d.code} is a system disposition and always present`,
          });
        seen.add(d.code);
      });
    }
    return out;
  }

  /** Another department's script is a 404, as if it did not exist. */
  private async checkScriptVersion(m: EntityManager, id: string, departmentId: string): Promise<void> {
    const v = await m.findOne(ScriptVersion, { where: { id }, relations: { script: true } });
    if (!v || v.script?.departmentId !== departmentId) throw notFound('script version', id);
  }

  private async windowsOf(
    m: EntityManager,
    w: NonNullable<CampaignSettingsDto['windows']>,
    departmentId: string,
  ): Promise<Record<string, unknown>> {
    let extra: string[] = [];
    if (w.holidayCalendarId) {
      const cal = await m.findOne(HolidayCalendar, { where: { id: w.holidayCalendarId } });
      if (!cal || (cal.departmentId && cal.departmentId !== departmentId))
        throw notFound('holiday calendar', w.holidayCalendarId);
      extra = cal.dates.map((d) => d.date);
    }
    return normaliseWindows(w, extra) as unknown as Record<string, unknown>;
  }

  /** Replaces the agent-facing set; the system dispositions are added once and kept. */
  private async replaceDispositions(
    m: EntityManager,
    campaignId: string,
    set: readonly DispositionSpec[],
    withSystem: boolean,
  ): Promise<void> {
    await m.delete(Disposition, { campaignId, system: false });
    const rows = set.map((d, i) => ({
      campaignId,
      code: d.code,
      label: d.label,
      category: d.category,
      system: false,
      position: i,
    }));
    if (withSystem)
      rows.push(
        ...SYSTEM_DISPOSITIONS.map((d, i) => ({
          campaignId,
          code: d.code,
          label: d.label,
          category: d.category,
          system: true,
          position: 100 + i,
        })),
      );
    if (rows.length) await m.insert(Disposition, rows);
  }
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
