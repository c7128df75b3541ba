// The planner's preview of a rendered script, as the agent desktop shows it; the planner answers here to try the
// branches.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '@app/scripts';
import { ScriptSections, type Answers } from '../components/Script';

export function ScriptView(p: { sections: Section[]; prefix: string }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  return (
    <div className="script" data-testid="script-preview">
      <ScriptSections
        sections={p.sections}
        answers={answers}
        prefix={p.prefix}
        onAnswer={(q, v) => setAnswers((a) => ({ ...a, [q]: v }))}
      />
      <button type="button" className="small" onClick={() => setAnswers({})}>
        {t('planner.script.resetAnswers')}
      </button>
    </div>
  );
}
