// A titled box around a part of a page, in antd's Card look and class names (ant-card, ant-card-head-title,
// ant-card-extra, which the browser journeys select on). antd's Card brings its Tabs and their overflow menu
// (~25 KB gzip) into every page for the tab list no page uses.
import type { HTMLAttributes, ReactNode } from 'react';
import './Card.css';

export interface CardProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  /** Shown at the right of the title: a status, a link, a button. */
  extra?: ReactNode;
  size?: 'default' | 'small';
  'data-testid'?: string;
}

export function Card({ title, extra, size, className, children, ...rest }: CardProps) {
  return (
    <div className={['ant-card', 'ant-card-bordered', size === 'small' && 'ant-card-small', className].filter(Boolean).join(' ')} {...rest}>
      {title || extra ? (
        <div className="ant-card-head">
          <div className="ant-card-head-wrapper">
            {title ? <div className="ant-card-head-title">{title}</div> : null}
            {extra ? <div className="ant-card-extra">{extra}</div> : null}
          </div>
        </div>
      ) : null}
      <div className="ant-card-body">{children}</div>
    </div>
  );
}
