import { describe, expect, it } from '@jest/globals';
import { AppError } from '@app/common';
import type { AgentSessionView } from '@app/dialer';
import { DispositionPayload, LoginPayload, parsePayload, PausePayload } from './agent-commands.dto';
import { toSessionDto } from './agent.gateway';

const problems = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('validation-failed');
    return (e as AppError).details;
  }
  throw new Error('expected validation-failed');
};

describe('socket payloads', () => {
  it('accepts a missing payload for commands whose fields are optional', async () => {
    expect(await parsePayload(LoginPayload, undefined)).toEqual({});
  });

  it('reports every bad or unknown field with its path', async () => {
    const details = (await problems(parsePayload(DispositionPayload, { code: '', callbackAt: 'soon', x: 1 }))) as {
      field: string;
    }[];
    expect(details.map((d) => d.field).sort()).toEqual(['callbackAt', 'code', 'x']);
  });

  it('refuses a payload that is not an object', async () => {
    expect(await problems(parsePayload(PausePayload, ['lunch']))).toEqual([
      { field: 'payload', reason: 'must be an object' },
    ]);
  });
});

describe('toSessionDto', () => {
  it('copies the view field by field and keeps telephony ids on the server', () => {
    const contact = { id: 'c', firstName: 'A', lastName: null, phone: '+1', timeZone: 'UTC', fields: { k: { n: 1 } } };
    const view: AgentSessionView = {
      agentId: 'a',
      loggedIn: true,
      state: 'talking',
      reason: null,
      since: '2026-01-01T00:00:00.000Z',
      campaignId: 'k',
      campaign: { id: 'k', name: 'Renewals', mode: 'progressive', state: 'running', chosen: 'only-one' },
      endpoint: 'PJSIP/agent-1',
      channelId: 'chan',
      bridgeId: 'br',
      call: { callId: 'x', campaignId: 'k', contactId: 'c', phone: '+1', state: 'bridged', agentId: 'a', since: 's' },
      contact,
      offer: null,
    };
    const dto = toSessionDto(view);
    expect(dto).not.toHaveProperty('channelId');
    expect(dto).not.toHaveProperty('bridgeId');
    expect(dto.call).toEqual({ callId: 'x', state: 'bridged', phone: '+1', since: 's' });
    expect(dto.contact).toEqual(contact);
    expect(dto.campaign).toEqual(view.campaign);
    expect(dto.campaign).not.toBe(view.campaign);
    expect(dto.contact!.fields).not.toBe(contact.fields);
  });
});
