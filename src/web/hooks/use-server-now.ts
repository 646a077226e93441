// The server's clock as seen from the browser (browser time minus the measured skew), ticking on its own.
import { useEffect, useState } from 'react';

export function useServerNow(skewMs: number, everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now() - skewMs);
  useEffect(() => {
    const tick = () => setNow(Date.now() - skewMs);
    const id = window.setInterval(tick, everyMs);
    const first = window.setTimeout(tick, 0);
    return () => {
      window.clearInterval(id);
      window.clearTimeout(first);
    };
  }, [skewMs, everyMs]);
  return now;
}
