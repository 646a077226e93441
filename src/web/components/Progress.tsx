// antd's Progress bar, loaded when a long task first reports progress (it only ever follows an action).
import type { ProgressProps } from 'antd';
import { lazy, Suspense } from 'react';

const AntProgress = lazy(() => import('antd/es/progress'));

export function Progress(props: ProgressProps) {
  return (
    <Suspense fallback={null}>
      <AntProgress {...props} />
    </Suspense>
  );
}
