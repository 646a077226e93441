// The working-day calendar that notice periods are counted on: a year's public holidays and make-up working days
// (调休) as announced, and the admins' corrections of single days.
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { getCalendar, setCalendarDay, type CalendarDay } from '../../api/selection.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

const WEEKDAYS = { zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };

export default function CalendarPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const [year, setYear] = useState(new Date().getFullYear());
  const [edit, setEdit] = useState<{ date: string; kind: 'workday' | 'holiday' | 'normal'; name: string }>({ date: '', kind: 'holiday', name: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const calendar = useLoader(() => getCalendar(year), [year]);

  async function save(date: string, body: Parameters<typeof setCalendarDay>[1]) {
    setProblem(null);
    try {
      await setCalendarDay(date, body);
      message.success(t('calendar.saved'));
      calendar.reload();
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.details[0]?.message ?? error.message);
      else message.error(t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('calendar.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" component="div">
          <Form.Item label={t('calendar.year')} htmlFor="calendar-year">
            <InputNumber id="calendar-year" min={2004} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('calendar.correct')}>
        <Form layout="inline" component="div">
          <Form.Item label={t('calendar.date')} htmlFor="calendar-date" validateStatus={problem ? 'error' : undefined} help={problem}>
            <Input id="calendar-date" type="date" value={edit.date} onChange={(e) => setEdit((x) => ({ ...x, date: e.target.value }))} />
          </Form.Item>
          <Form.Item label={t('calendar.kind')} htmlFor="calendar-kind">
            <Select
              id="calendar-kind"
              style={{ width: 150 }}
              value={edit.kind}
              onChange={(kind: 'workday' | 'holiday' | 'normal') => setEdit((x) => ({ ...x, kind }))}
              options={(['holiday', 'workday', 'normal'] as const).map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('calendar.name')} htmlFor="calendar-name">
            <Input id="calendar-name" maxLength={50} value={edit.name} onChange={(e) => setEdit((x) => ({ ...x, name: e.target.value }))} />
          </Form.Item>
          <Button type="primary" disabled={!edit.date} onClick={() => void save(edit.date, { kind: edit.kind, name: edit.name })}>
            {t('calendar.save')}
          </Button>
        </Form>
      </Card>
      {calendar.error ? <ErrorView error={calendar.error} onRetry={calendar.reload} /> : null}
      <Card>
        <Table<CalendarDay>
          rowKey="date"
          size="small"
          loading={calendar.loading}
          pagination={false}
          dataSource={calendar.data?.days ?? []}
          locale={{ emptyText: t('calendar.none') }}
          columns={[
            { title: t('calendar.date'), render: (_, d) => `${d.date} ${WEEKDAYS[lang][new Date(`${d.date}T00:00:00Z`).getUTCDay()]}`, width: 180 },
            { title: t('calendar.kind'), render: (_, d) => <Tag color={d.working ? 'blue' : 'red'}>{t(`calendar.kind.${d.kind}`)}</Tag>, width: 120 },
            { title: t('calendar.name'), dataIndex: 'name' },
            {
              title: '',
              width: 200,
              render: (_, d) =>
                d.corrected ? (
                  <Space size="small">
                    <Tag color="orange">{t('calendar.corrected')}</Tag>
                    <Button size="small" onClick={() => void save(d.date, { kind: 'builtin' })}>
                      {t('calendar.restore')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
