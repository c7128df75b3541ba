import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

async function upload(t: TestApp, token: string, listId: string, csv: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/api/contact-lists/${listId}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}

describe('import reports and duplicate numbers', () => {
  let t: TestApp;
  let token: string;
  let otherToken: string;
  const newList = async (): Promise<string> =>
    (await api(t.url, 'POST', '/api/contact-lists', { token, body: { name: 'R', region: 'GB' } })).body.id as string;

  beforeAll(async () => {
    t = await startTestApp('dialer');
    const dep = await aDepartment(t.db.ds);
    token = t.tokenFor(await aUser(t.db.ds, 'planner', dep.id));
    otherToken = t.tokenFor(await aUser(t.db.ds, 'requester', (await aDepartment(t.db.ds)).id));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("keeps each import's own report: a second import does not wipe the first's rejections", async () => {
    const id = await newList();
    const first = await upload(t, token, id, 'phone,name\n07400 100001,Ann\n12,Bad one\n');
    expect(first.body).toMatchObject({ accepted: 1, rejected: 1 });
    const second = await upload(t, token, id, 'phone,name\n07400 100002,Bo\nnope,Bad two\nxx,Bad three\n');
    expect(second.body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(second.body.importId).not.toBe(first.body.importId);

    const history = await api(t.url, 'GET', `/api/contact-lists/${id}/imports`, { token });
    expect(history.status).toBe(200);
    expect(history.body.map((i: any) => i.id)).toEqual([second.body.importId, first.body.importId]);
    expect(history.body[1]).toMatchObject({ status: 'ready', format: 'csv', summary: { accepted: 1, rejected: 1 } });

    const r1 = await api(t.url, 'GET', `/api/contact-lists/${id}/imports/${first.body.importId}`, { token });
    expect(r1.body.rejections).toEqual([
      { rowNumber: 3, field: 'phone', reason: expect.stringMatching(/no valid phone number/), raw: '12' },
    ]);
    const r2 = await api(t.url, 'GET', `/api/contact-lists/${id}/imports/${second.body.importId}`, { token });
    expect(r2.body.rejections.map((r: any) => r.raw)).toEqual(['nope', 'xx']);
    const csv = await fetch(`${t.url}/api/contact-lists/${id}/imports/${first.body.importId}?format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(2);
    // The list's import-report is the latest import's.
    const latest = await api(t.url, 'GET', `/api/contact-lists/${id}/import-report`, { token });
    expect(latest.body).toMatchObject({ importId: second.body.importId });
    expect(latest.body.rejections).toHaveLength(2);
    // Another department sees none of it; an unknown import is a 404.
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}/imports`, { token: otherToken })).status).toBe(404);
    expect(
      (await api(t.url, 'GET', `/api/contact-lists/${id}/imports/${first.body.importId}`, { token: otherToken }))
        .status,
    ).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}/imports/${unknown}`, { token })).status).toBe(404);
  });

  it('reports two contacts with one number (different ids) and merges same-number rows without ids', async () => {
    const id = await newList();
    const res = await upload(
      t,
      token,
      id,
      [
        'customer_id,name,phone',
        'A1,Ann Lee,07400 200001',
        'A2,Andy Lee,+44 7400 200001', // same number, another customer: kept, reported
        'A3,Cy Fox,07400 200003',
      ].join('\n'),
    );
    expect(res.body).toMatchObject({ accepted: 3, contacts: 3, duplicates: 0, sharedNumbers: 1 });
    expect(res.body.warnings.join(' ')).toMatch(/1 number\(s\) belong to more than one contact/);
    const report = await api(t.url, 'GET', `/api/contact-lists/${id}/imports/${res.body.importId}`, { token });
    expect(report.body.rejections).toEqual([
      {
        rowNumber: 3,
        field: 'phone',
        reason: 'number shared by 2 contacts (rows 2, 3): kept as separate contacts',
        raw: '+447400200001',
      },
    ]);
    // Without ids, rows with the same first number are one contact (merged, counted), also across imports.
    const noIds = await newList();
    const a = await upload(t, token, noIds, 'name,phone\nAnn,07400 300001\nAnnie,+447400300001\nBo,07400 300002\n');
    expect(a.body).toMatchObject({ accepted: 3, contacts: 2, duplicates: 1, sharedNumbers: 0 });
    const b = await upload(t, token, noIds, 'name,phone\nAnn,07400 300001\n');
    expect(b.body).toMatchObject({ contacts: 2, duplicates: 1 });
  });
});
