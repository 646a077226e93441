// antd's TreeSelect with its tree code (~19 KB gzip) fetched just after the page shows: until it arrives (a moment),
// an empty select box of the same size stands in, so the page's first load carries only the form around it.
import { Select, type TreeSelectProps } from 'antd';
import { lazy, Suspense } from 'react';

const AntTreeSelect = lazy(() => import('antd/es/tree-select'));

export function TreeSelect(props: TreeSelectProps) {
  return (
    <Suspense fallback={<Select id={props.id} mode={props.multiple ? 'multiple' : undefined} style={props.style} open={false} loading />}>
      <AntTreeSelect {...props} />
    </Suspense>
  );
}
