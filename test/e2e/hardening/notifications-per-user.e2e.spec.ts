import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLogEntry, type User } from '@app/database';
import { aBriefBody } from '../../integration/briefs/brief-builders';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// A department's notices are shared; whether one has been read is each user's own.
describe('notifications: read state per user', () => {
  let t: TestApp;
  let ann: User;
  let bob: User;

  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    const dep = await aDepartment(t.db.ds);
    ann = await aUser(t.db.ds, 'requester', dep.id);
    bob = await aUser(t.db.ds, 'requester', dep.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const unreadIds = async (u: User): Promise<string[]> =>
    (await api(t.url, 'GET', '/api/notifications?unread=true', { token: t.tokenFor(u) })).body.map(
      (n: { id: string }) => n.id,
    );

  it('one user marking a notice read leaves it unread for a colleague', async () => {
    const b = await api(t.url, 'POST', '/api/briefs', { token: t.tokenFor(ann), body: aBriefBody() });
    expect(b.status).toBe(201);
    await api(t.url, 'POST', `/api/briefs/${b.body.id}/withdraw`, { token: t.tokenFor(ann) });
    const [notice] = (await api(t.url, 'GET', '/api/notifications', { token: t.tokenFor(ann) })).body;
    expect(notice).toMatchObject({ entityId: b.body.id, readAt: null });
    expect(await unreadIds(ann)).toContain(notice.id);
    expect(await unreadIds(bob)).toContain(notice.id);

    const read = await api(t.url, 'POST', `/api/notifications/${notice.id}/read`, { token: t.tokenFor(ann) });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: notice.id, readAt: expect.any(String) });
    // Reading again answers the first reading and audits nothing new.
    const again = await api(t.url, 'POST', `/api/notifications/${notice.id}/read`, { token: t.tokenFor(ann) });
    expect(again.body.readAt).toBe(read.body.readAt);

    expect(await unreadIds(ann)).not.toContain(notice.id);
    expect(await unreadIds(bob)).toContain(notice.id);
    const bobs = (await api(t.url, 'GET', '/api/notifications', { token: t.tokenFor(bob) })).body;
    expect(bobs.find((n: { id: string }) => n.id === notice.id).readAt).toBeNull();
    const anns = (await api(t.url, 'GET', '/api/notifications', { token: t.tokenFor(ann) })).body;
    expect(anns.find((n: { id: string }) => n.id === notice.id).readAt).toBe(read.body.readAt);

    const audits = await t.db.ds
      .getRepository(AuditLogEntry)
      .find({ where: { action: 'notification.read', entityId: notice.id } });
    expect(audits.map((a) => a.actorId)).toEqual([ann.id]);
  });
});
