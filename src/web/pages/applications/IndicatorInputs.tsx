// An input for an indicator value, by kind: a number in the indicator's unit, reached / not reached, or a short text.
import { Input, InputNumber, Select } from 'antd';
import { beatsPlanTarget, improvement } from '../../../shared/ambition.js';
import type { IndicatorValue } from '../../../shared/schemas/applications.js';
import type { Indicator } from '../../../shared/schemas/catalogue.js';
import { Tag } from '../../components/Tag.js';
import { useI18n } from '../../i18n/i18n.js';

export function ValueInput({
  kind,
  unit,
  value,
  onChange,
  label,
  disabled,
  error,
}: {
  kind: Indicator['kind'];
  unit: string;
  value: IndicatorValue;
  onChange(value: IndicatorValue): void;
  label: string;
  disabled?: boolean;
  error?: string;
}) {
  const { t } = useI18n();
  const status = error ? ('error' as const) : undefined;
  if (kind === 'number') {
    return (
      <InputNumber
        aria-label={label}
        status={status}
        disabled={disabled}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        min={unit === '%' ? 0 : undefined}
        max={unit === '%' ? 100 : undefined}
        suffix={unit || undefined}
        style={{ width: 150 }}
      />
    );
  }
  if (kind === 'boolean') {
    return (
      <Select
        aria-label={label}
        status={status}
        disabled={disabled}
        allowClear
        style={{ width: 120 }}
        value={typeof value === 'boolean' ? value : undefined}
        onChange={(v: boolean | undefined) => onChange(v ?? null)}
        options={[
          { value: true, label: t('application.reached') },
          { value: false, label: t('application.notReached') },
        ]}
      />
    );
  }
  return <Input aria-label={label} status={status} disabled={disabled} value={typeof value === 'string' ? value : ''} maxLength={500} onChange={(e) => onChange(e.target.value)} style={{ width: 200 }} />;
}

/** Whether the target beats the plan target, and the improvement over the current level. */
export function Ambition({ indicator, current, target }: { indicator: Pick<Indicator, 'kind' | 'better' | 'planTarget' | 'unit'>; current: IndicatorValue; target: IndicatorValue }) {
  const { t } = useI18n();
  const beats = beatsPlanTarget(indicator, target);
  const gain = improvement(indicator, current, target);
  return (
    <span>
      {beats === true ? <Tag color="green">{t('application.beatsPlan')}</Tag> : beats === false ? <Tag color="orange">{t('application.belowPlan')}</Tag> : null}
      {gain ? (
        <span style={{ fontSize: 12, color: gain.delta >= 0 ? '#237804' : '#ad4e00' }}>
          {gain.delta >= 0 ? '+' : ''}
          {Number(gain.delta.toPrecision(6))}
          {indicator.unit === '%' ? ' pp' : ` ${indicator.unit}`}
          {gain.ratio !== null ? ` (${gain.ratio >= 0 ? '+' : ''}${Math.round(gain.ratio * 100)}%)` : ''}
        </span>
      ) : null}
    </span>
  );
}
