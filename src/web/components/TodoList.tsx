// The signed-in user's to-do list (待办): what waits, how many, by when, and one link to where it is done. Shown as
// the home page of every signed-in role.
import { Link } from 'react-router';
import { myTodo } from '../api/statistics.js';
import { formatBeijing } from '../format.js';
import { usePlatform } from '../hooks/platform.js';
import { useLoader } from '../hooks/use-loader.js';
import { useServerNow } from '../hooks/use-server-now.js';
import { useI18n } from '../i18n/i18n.js';
import { Card } from './Card.js';
import { ErrorView } from './ErrorView.js';
import { PageLoading } from './PageLoading.js';
import { Typography } from './Typography.js';

const DAY = 86_400_000;

export function TodoList() {
  const { t, lang } = useI18n();
  const { session, clockSkewMs } = usePlatform();
  const now = useServerNow(clockSkewMs, 60_000);
  const todo = useLoader(() => myTodo(), [session.user?.id]);
  const body = () => {
    if (todo.error) return <ErrorView error={todo.error} onRetry={todo.reload} />;
    if (!todo.data) return <PageLoading />;
    if (todo.data.items.length === 0) return <Typography.Paragraph data-testid="todo-empty">{t('todo.empty')}</Typography.Paragraph>;
    return (
      <>
        {todo.data.nextDeadline ? (
          <Typography.Paragraph strong>{t('todo.nextDeadline', { at: formatBeijing(todo.data.nextDeadline, lang) })}</Typography.Paragraph>
        ) : null}
        <ul className="todo-list" aria-label={t('todo.title')}>
          {todo.data.items.map((item, index) => {
            const left = item.deadline ? Date.parse(item.deadline) - now : null;
            const program = lang === 'zh' ? item.programTitle : item.programTitleEn || item.programTitle;
            return (
              <li key={`${item.key}:${item.programId ?? ''}`} data-todo={item.key}>
                <span className="todo-what">
                  <strong>{t(`todo.${item.key}`, { n: item.count })}</strong>
                  {program ? <Typography.Text type="secondary"> · {program}</Typography.Text> : null}
                </span>
                {item.deadline && left !== null ? (
                  <span className={left < 3 * DAY ? 'todo-when soon' : 'todo-when'}>
                    {t('todo.deadline', { at: formatBeijing(item.deadline, lang) })}
                    {left > 0 ? t('todo.left', { days: Math.ceil(left / DAY) }) : t('todo.overdue')}
                  </span>
                ) : null}
                {/* The soonest item is the obvious next action; the others are there when it is done. */}
                <Link to={item.link} className={index === 0 ? 'link-button' : 'link-button link-button-quiet'}>
                  {t('todo.go')}
                </Link>
              </li>
            );
          })}
        </ul>
      </>
    );
  };
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('todo.title')}</Typography.Title>}>
      {body()}
    </Card>
  );
}
