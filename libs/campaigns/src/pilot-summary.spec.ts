import { describe, expect, it } from '@jest/globals';
import { summarisePilot, type PilotAttemptRow } from './pilot-summary';

const row = (o: Partial<PilotAttemptRow>): PilotAttemptRow => ({
  contactId: 'c1',
  outcome: 'no-answer',
  dispositionCode: null,
  dispositionCategory: null,
  talkSeconds: null,
  wrapSeconds: null,
  scriptAnswers: null,
  ...o,
});

describe('pilot summary', () => {
  it('computes rates, dispositions, handle time and script answers', () => {
    const s = summarisePilot(
      [
        row({ contactId: 'c1', outcome: 'no-answer', dispositionCode: 'NO_ANSWER', dispositionCategory: 'no-contact' }),
        row({
          contactId: 'c1',
          outcome: 'answered-human',
          dispositionCode: 'INTERESTED',
          dispositionCategory: 'success',
          talkSeconds: 100,
          wrapSeconds: 20,
          scriptAnswers: { q1: 'yes', q2: 4, q3: ['a', 'b'] },
        }),
        row({
          contactId: 'c2',
          outcome: 'answered-human',
          dispositionCode: 'NOT_INTERESTED',
          dispositionCategory: 'contact',
          talkSeconds: 60,
          scriptAnswers: { q1: 'no', q2: 2, q3: ['a'] },
        }),
        row({ contactId: 'c3', outcome: 'abandoned', dispositionCode: 'ABANDONED', dispositionCategory: 'no-contact' }),
      ],
      5,
      15,
      new Date('2026-11-27T00:00:00Z'),
    );
    expect(s).toMatchObject({
      pilotContacts: 5,
      contactsAttempted: 3,
      contactsReached: 2,
      attempts: 4,
      contactRate: 0.5,
      reachRate: 0.6667,
      answeredByPerson: 3,
      abandoned: 1,
      abandonRate: 0.3333,
      averageTalkSeconds: 80,
      averageHandleSeconds: 97.5, // (100+20 + 60+15) / 2
      dispositions: {
        byCode: { NO_ANSWER: 1, INTERESTED: 1, NOT_INTERESTED: 1, ABANDONED: 1 },
        byCategory: { 'no-contact': 2, success: 1, contact: 1 },
      },
      scriptAnswers: {
        q1: { answered: 2, values: { yes: 1, no: 1 } },
        q2: { answered: 2, values: { '4': 1, '2': 1 }, average: 3 },
        q3: { answered: 2, values: { a: 2, b: 1 } },
      },
    });
  });

  it('is all zeros without attempts', () => {
    const s = summarisePilot([], 3, 15);
    expect(s).toMatchObject({ attempts: 0, contactRate: 0, abandonRate: 0, averageHandleSeconds: null });
  });
});
