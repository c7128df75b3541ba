import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TELEPHONY_PORT, type TelephonyPort } from '@app/ari';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { AgentSessionService, ASTERISK_SIM, CampaignRunner } from '@app/dialer';
import { aDepartment } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { agentBot } from './agent-bot';
import { aCampaign, anAgent, customerOriginates, setState, someContacts } from '../../support/campaign-builders';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '2', DIALER_INSTANCE_ID: 'crash-a' };

describe('a dialer dies mid-campaign and another takes over', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  let runnerB: CampaignRunner | undefined;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await runnerB?.stop();
    await t?.close();
  });

  it('loses no contact and never dials one attempt twice', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'progressive', pacing: { ringTimeoutSeconds: 5 } });
    const people = await someContacts(
      ds,
      c,
      Array.from({ length: 10 }, () => ({})),
    );
    const busy = await someContacts(ds, c, [{}, {}]);
    for (const p of people)
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 0.4, talkSeconds: 1.2 });
    for (const p of busy) sim.setNumberBehaviour(p.numbers[0], { outcome: 'busy', ringSeconds: 0.3 });
    const agents = [await anAgent(ds, dep.id), await anAgent(ds, dep.id), await anAgent(ds, dep.id)];
    const tokens = agents.map((a) => t.tokenFor(a.user));
    await setState(ds, c, 'running');
    for (const tok of tokens)
      expect((await api(t.url, 'POST', '/api/agent/session', { token: tok, body: { campaignId: c.id } })).status).toBe(
        201,
      );
    const bots = tokens.map((tok) => agentBot(t.url, tok));
    const runnerA = t.app.get(CampaignRunner);
    let openAtCrash: { channel_id: string }[];
    try {
      // Mid-campaign: some attempts are over, some calls are live.
      await pollUntil(
        async () => {
          const [r] = await ds.query(
            `SELECT count(*) FILTER (WHERE ended_at IS NOT NULL)::int AS closed, count(*) FILTER (WHERE ended_at IS NULL)::int AS open
               FROM call_attempts WHERE campaign_id = $1`,
            [c.id],
          );
          return r.closed >= 3 && r.open >= 2;
        },
        { timeoutMs: 20_000, what: 'a campaign in full swing' },
      );
      // The process dies: no cleanup, its leases stay until they lapse (we make that happen now).
      runnerA.crash();
      const [{ owner }] = await ds.query(`SELECT lease_owner AS owner FROM campaigns WHERE id = $1`, [c.id]);
      expect(owner).toBe('crash-a');
      openAtCrash = await ds.query(`SELECT channel_id FROM call_attempts WHERE campaign_id = $1 AND ended_at IS NULL`, [
        c.id,
      ]);
      expect(openAtCrash.length).toBeGreaterThan(0);
      await ds.query(`UPDATE campaigns SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [c.id]);

      // Another dialer instance starts and takes the campaign over.
      runnerB = new CampaignRunner(
        t.app.get<DataSource>(getDataSourceToken()),
        t.app.get<TelephonyPort>(TELEPHONY_PORT),
        {
          instanceId: 'crash-b',
          tickMs: 100,
          leaseSeconds: 2,
          endpointTemplate: 'PJSIP/{number}@carrier',
          pollMs: 300,
        },
      );
      t.app.get(AgentSessionService).bindRunner(runnerB);
      runnerB.start();
      await pollUntil(
        async () => (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [c.id]))[0].state === 'completed',
        { timeoutMs: 40_000, what: 'campaign completed by the second dialer' },
      );
    } finally {
      for (const b of bots) await b.stop();
    }

    // Nothing lost: every contact is settled, every attempt closed.
    const cc = await ds.query(`SELECT status, attempts FROM campaign_contacts WHERE campaign_id = $1`, [c.id]);
    expect(cc).toHaveLength(12);
    for (const r of cc) expect(['done', 'exhausted']).toContain(r.status);
    const attempts = await ds.query(
      `SELECT channel_id, contact_id, outcome, disposition_code, dialer_instance, queued_at, ended_at FROM call_attempts WHERE campaign_id = $1 ORDER BY queued_at`,
      [c.id],
    );
    for (const a of attempts) {
      expect(a.ended_at).not.toBeNull();
      expect(a.outcome).not.toBeNull();
      // Every attempt ends with a disposition, the lost ones too (LOST).
      expect([a.outcome, a.disposition_code]).toEqual([a.outcome, expect.any(String)]);
      if (a.outcome === 'lost') expect(a.disposition_code).toBe('LOST');
    }
    // The calls live at the crash were closed as lost (hung up if still there) and their contacts dialed again.
    const lost = attempts.filter((a: any) => a.outcome === 'lost');
    expect(lost.map((a: any) => a.channel_id).sort()).toEqual(openAtCrash.map((a) => a.channel_id).sort());
    expect(new Set(lost.map((a: any) => a.dialer_instance))).toEqual(new Set(['crash-a']));
    expect(attempts.some((a: any) => a.dialer_instance === 'crash-b')).toBe(true);
    for (const l of lost) {
      const later = attempts.filter((a: any) => a.contact_id === l.contact_id && a.queued_at > l.queued_at);
      expect(later.length).toBeGreaterThan(0);
    }
    // Never dialed twice for one attempt: one originate per channel id, and one attempt row per originate.
    const originates = customerOriginates(sim).filter((r) => String(r.query.channelId).startsWith(c.id));
    const perChannel = new Map<string, number>();
    for (const o of originates) perChannel.set(o.query.channelId, (perChannel.get(o.query.channelId) ?? 0) + 1);
    expect([...perChannel.values()].every((n) => n === 1)).toBe(true);
    for (const id of perChannel.keys()) expect(attempts.some((a: any) => a.channel_id === id)).toBe(true);
    // ... and no contact was ever in two calls at once.
    const byContact = new Map<string, any[]>();
    for (const a of attempts) byContact.set(a.contact_id, [...(byContact.get(a.contact_id) ?? []), a]);
    for (const list of byContact.values())
      for (let i = 1; i < list.length; i++)
        expect(list[i].queued_at.getTime()).toBeGreaterThanOrEqual(list[i - 1].ended_at.getTime());
    // The contact's attempt counter matches its attempt rows.
    const counts = await ds.query(
      `SELECT cc.attempts, (SELECT count(*)::int FROM call_attempts a WHERE a.campaign_contact_id = cc.id) AS rows
         FROM campaign_contacts cc WHERE cc.campaign_id = $1`,
      [c.id],
    );
    for (const r of counts) expect(r.attempts).toBe(r.rows);
  }, 58_000);
});
