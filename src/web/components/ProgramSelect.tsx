// Which program an admin page works on: `?program=<code>` in the address (so a link or a reload keeps it), the
// first program otherwise; a selector appears when there is more than one.
import { Form, Select } from 'antd';
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
