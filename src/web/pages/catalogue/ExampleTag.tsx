// Marks a catalogue entry that no public source confirms: shown as an example with its source, never as official text.
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n.js';

export function ExampleTag({ confirmed, source }: { confirmed: boolean; source: string }) {
  const { t } = useI18n();
  if (confirmed) return null;
  return (
    <Tooltip title={`${t('catalogue.source')}: ${source}`}>
      <Tag color="gold" tabIndex={0} aria-label={`${t('catalogue.example')} · ${t('catalogue.source')}: ${source}`}>
        {t('catalogue.example')}
      </Tag>
    </Tooltip>
  );
}
