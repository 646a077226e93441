// Where antd's messages render (inside the theme), loaded with the first message; hands its API to MessageProvider.
import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { useEffect } from 'react';

export default function MessageHolder({ onReady }: { onReady(api: MessageInstance): void }) {
  const [api, holder] = message.useMessage();
  useEffect(() => onReady(api), [api, onReady]);
  return holder;
}
