import { describe, expect, it } from '@jest/globals';
import { checkScript, nextSection, renderScript, type ScriptBody } from './script-body';

const good: ScriptBody = {
  sections: [
    {
      id: 'intro',
      title: 'Hello {{first_name}}',
      text: 'Am I speaking with {{ first_name }} {{last_name}}? Your plan is {{plan}}.',
      questions: [{ id: 'q1', type: 'single', text: 'Is now a good time?', required: true, options: ['yes', 'no'] }],
      branches: [{ when: { question: 'q1', equals: 'no' }, goto: 'end' }],
    },
    {
      id: 'survey',
      questions: [
        { id: 'q2', type: 'number', text: 'Score 0-10', min: 0, max: 10 },
        {
          id: 'q3',
          type: 'multiple',
          text: 'Channels',
          options: [{ value: 'sms', label: 'SMS to {{phone}}' }, 'email'],
        },
        { id: 'q4', type: 'date', text: 'Callback date' },
        { id: 'q5', type: 'text', text: 'Anything else?' },
      ],
    },
  ],
};

describe('checkScript', () => {
  it('accepts a good script and lists the fields it uses', () => {
    expect(checkScript(good, ['plan'])).toEqual({
      problems: [],
      fieldsUsed: ['first_name', 'last_name', 'phone', 'plan'],
    });
  });

  it('reports unknown fields with their path', () => {
    const { problems } = checkScript(good, []);
    expect(problems).toEqual([{ field: 'body.sections[0].text', reason: 'unknown field {{plan}}' }]);
    const bad = checkScript({ sections: [{ id: 's', text: '{{ First Name }}' }] }, []);
    expect(bad.problems[0].reason).toMatch(/malformed placeholder/);
  });

  it('reports duplicate ids, missing options, bad bounds and unknown branch targets', () => {
    const body = {
      sections: [
        {
          id: 'a',
          questions: [
            { id: 'q', type: 'single', text: 'x' },
            { id: 'q', type: 'number', text: 'y', min: 5, max: 1 },
            { id: 'r', type: 'rating', text: '' },
          ],
          branches: [
            { when: { question: 'zz', equals: 'yes' }, goto: 'nowhere' },
            { when: { question: 'q', equals: 'maybe' }, goto: 'a' },
          ],
        },
        { id: 'a' },
        { id: 'end' },
      ],
    };
    const fields = checkScript(body, []).problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.sections[0].questions[0].options',
        'body.sections[0].questions[1].id',
        'body.sections[0].questions[1].min',
        'body.sections[0].questions[2].type',
        'body.sections[0].questions[2].text',
        'body.sections[0].branches[0].when.question',
        'body.sections[0].branches[0].goto',
        'body.sections[1].id',
        'body.sections[2].id',
      ]),
    );
    expect(checkScript({ nope: 1 }, []).problems).toEqual([
      { field: 'body.sections', reason: 'must be an array of sections' },
    ]);
  });
});

describe('renderScript and nextSection', () => {
  it('fills placeholders and lists the missing ones', () => {
    const r = renderScript(good, { first_name: 'Ann', last_name: null, phone: '+447400123456', plan: 'gold' });
    expect(r.sections[0].title).toBe('Hello Ann');
    expect(r.sections[0].text).toBe('Am I speaking with Ann ? Your plan is gold.');
    expect(r.sections[1].questions![1].options).toEqual([
      { value: 'sms', label: 'SMS to +447400123456' },
      { value: 'email', label: 'email' },
    ]);
    expect(r.missingFields).toEqual(['last_name']);
  });

  it('follows branches by answer, then next, then order', () => {
    expect(nextSection(good, 'intro', { q1: 'no' })).toBe('end');
    expect(nextSection(good, 'intro', { q1: 'yes' })).toBe('survey');
    expect(nextSection(good, 'survey', {})).toBe('end');
  });
});
