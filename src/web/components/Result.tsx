// The outcome of a whole page (not found, failed): an icon, a title, a sentence, the way on. Plain markup in the look
// of antd's Result, whose illustrations would weigh on every first load (ErrorView is part of the app's frame).
import { CloseCircleFilled, FileSearchOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface ResultProps {
  status: '404' | 'error';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
}

export function Result({ status, title, subTitle, extra, children }: ResultProps) {
  return (
    <div className={`result result-${status}`}>
      <div className="result-icon" aria-hidden="true">
        {status === 'error' ? <CloseCircleFilled /> : <FileSearchOutlined />}
      </div>
      <div className="result-title">{title}</div>
      {subTitle ? <div className="result-subtitle">{subTitle}</div> : null}
      {extra ? <div className="result-extra">{extra}</div> : null}
      {children ? <div className="result-content">{children}</div> : null}
    </div>
  );
}
