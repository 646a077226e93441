// antd's Modal, loaded when a dialog first opens: every dialog follows a click, so its code (~15 KB gzip) stays out
// of the page's first load. Once opened it stays mounted, so closing and reopening animate as before.
import type { ModalProps } from 'antd';
import { lazy, Suspense, useState } from 'react';

const AntModal = lazy(() => import('antd/es/modal'));

export function Modal(props: ModalProps) {
  const [opened, setOpened] = useState(Boolean(props.open));
  // Derived during render (React's pattern for state that follows a prop): no extra pass with the dialog missing.
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <AntModal {...props} />
    </Suspense>
  );
}
