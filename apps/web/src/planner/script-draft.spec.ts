import { describe, expect, it } from '@jest/globals';
import { checkScript } from '@app/scripts';
import { clean, outline, toEdit } from './script-draft';

describe("the script editor's draft", () => {
  const draft = toEdit({
    sections: [
      {
        id: 'opening',
        text: 'Hello {{first_name}}',
        questions: [{ id: 'ok', type: 'single', text: 'Fine?', options: ['yes', { value: 'no', label: 'No' }] }],
        branches: [{ when: { question: 'ok', equals: 'no' }, goto: 'why' }],
        next: 'end',
      },
      { id: 'why', title: '', text: '' },
    ],
  });

  it('cleans blank choice lines and empty texts into the body the API takes', () => {
    draft[0].questions[0].options = ['yes', '', ' no ', ''];
    expect(clean(draft)).toEqual({
      sections: [
        {
          id: 'opening',
          text: 'Hello {{first_name}}',
          questions: [{ id: 'ok', type: 'single', text: 'Fine?', options: ['yes', 'no'] }],
          branches: [{ when: { question: 'ok', equals: 'no' }, goto: 'why' }],
          next: 'end',
        },
        { id: 'why' },
      ],
    });
    expect(checkScript(clean(draft), []).problems).toEqual([]);
  });

  it('shows a broken branch target and an unknown field with the server rules', () => {
    draft[1].id = 'reason';
    draft[0].text = 'Hello {{nick}}';
    expect(
      checkScript(clean(draft), [])
        .problems.map((p) => p.field)
        .sort(),
    ).toEqual(['body.sections[0].branches[0].goto', 'body.sections[0].text']);
  });

  it('lists a version as lines for the comparison', () => {
    expect(outline(clean(draft))).toEqual([
      '§ opening',
      '   Hello {{nick}}',
      '   ? ok [single] Fine? (yes | no)',
      '   → ok = no ⇒ why',
      '   ⇒ end',
      '§ reason',
    ]);
  });
});
