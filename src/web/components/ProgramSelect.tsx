// Which program and round an admin page works on: `?program=<code>` in the address (so a link or a reload keeps it), the
// first program otherwise; a selector appears when there is more than one.
import { Form, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ProgramSummary } from '../../shared/schemas/system.js';
import { usePlatform } from '../hooks/platform.js';
import { useI18n } from '../i18n/i18n.js';

export function useAdminProgram(): { program: ProgramSummary | undefined; choose(code: string): void } {
  const { programs } = usePlatform();
  const [params, setParams] = useSearchParams();
  const code = params.get('program');
  return {
    program: programs.find((p) => p.code === code) ?? programs[0],
    choose: (next) =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        copy.set('program', next);
        return copy;
      }),
  };
}

export function ProgramSelect({ program, choose }: ReturnType<typeof useAdminProgram>) {
  const { t, lang } = useI18n();
  const { programs } = usePlatform();
  if (programs.length < 2) return null;
  return (
    <Form.Item label={t('program.choose')} htmlFor="program-select">
      <Select
        id="program-select"
        style={{ width: 280 }}
        value={program?.code}
        onChange={choose}
        options={programs.map((p) => ({ value: p.code, label: lang === 'zh' ? p.title : p.titleEn || p.title }))}
      />
    </Form.Item>
  );
}

type Round = ProgramSummary['reviewRounds'][number];

/** The round a page shows: the one chosen if the program has it (another program may have other rounds), else the
 * preferred one, else the first. */
export function useRoundChoice(rounds: Round[], preferred?: string): [string, (key: string) => void] {
  const [choice, setChoice] = useState(preferred ?? '');
  const fallback = rounds.find((r) => r.key === preferred)?.key ?? rounds[0]?.key ?? '';
  return [rounds.some((r) => r.key === choice) ? choice : fallback, setChoice];
}

export function RoundSelect({ id, rounds, value, onChange }: { id: string; rounds: Round[]; value: string; onChange: (key: string) => void }) {
  const { t, lang } = useI18n();
  return (
    <Form.Item label={t('assignment.round')} htmlFor={id}>
      <Select id={id} style={{ width: 180 }} value={value} onChange={onChange} options={rounds.map((r) => ({ value: r.key, label: lang === 'zh' ? r.name : r.nameEn || r.name }))} />
    </Form.Item>
  );
}
