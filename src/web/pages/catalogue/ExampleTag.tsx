// Marks a catalogue entry that no public source confirms: shown as an example with its source, never as official text.
// A retired entry (kept for the applications that use it, closed to new ones) is marked too.
import { Tooltip } from 'antd';
import { Tag } from '../../components/Tag.js';
import { useI18n } from '../../i18n/i18n.js';

export function ExampleTag({ confirmed, source, retired = false }: { confirmed: boolean; source: string; retired?: boolean }) {
  const { t } = useI18n();
  const retiredTag = retired ? <Tag>{t('catalogue.retired')}</Tag> : null;
  if (confirmed) return retiredTag;
  return (
    <>
      {retiredTag}
      <Tooltip title={`${t('catalogue.source')}: ${source}`}>
      <Tag color="gold" tabIndex={0} aria-label={`${t('catalogue.example')} · ${t('catalogue.source')}: ${source}`}>
        {t('catalogue.example')}
      </Tag>
      </Tooltip>
    </>
  );
}
