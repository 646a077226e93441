// What the public notice and results pages share: the program named in the address (the first one otherwise) and
// the columns of a public entry (organizations and projects, never a person).
import { useParams } from 'react-router';
import type { PublicEntry } from '../../api/selection.js';
import { usePlatform } from '../../hooks/platform.js';
import type { Translate } from '../../i18n/i18n.js';

export function useProgramFromPath() {
  const { programs } = usePlatform();
  const { programCode } = useParams();
  return programs.find((p) => p.code === programCode) ?? programs[0];
}

export const entryColumns = (t: Translate) =>
  [
    { title: t('notices.direction'), dataIndex: 'direction' },
    { title: t('catalogue.subfields'), dataIndex: 'subfield' },
    { title: t('application.title'), dataIndex: 'title' },
    { title: t('notices.applicant'), dataIndex: 'applicant' },
    { title: t('application.recommender'), dataIndex: 'recommender' },
    { title: t('notices.region'), dataIndex: 'region', width: 100 },
  ] satisfies Array<{ title: string; dataIndex: keyof PublicEntry; width?: number }>;
