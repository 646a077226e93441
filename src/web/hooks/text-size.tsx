// The larger-text mode (适老化) for readers who need it: every text and control grows, the choice remembered in
// this browser.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

export type TextSize = 'normal' | 'large';
export const TEXT_SIZE_STORAGE_KEY = 'jiebang.textSize';

function stored(): TextSize {
  try {
    return window.localStorage.getItem(TEXT_SIZE_STORAGE_KEY) === 'large' ? 'large' : 'normal';
  } catch {
    return 'normal';
  }
}

const TextSizeContext = createContext<{ size: TextSize; toggle(): void }>({ size: 'normal', toggle: () => undefined });

export function TextSizeProvider({ children }: { children: ReactNode }) {
  const [size, setSize] = useState<TextSize>(stored);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', size === 'large');
  }, [size]);
  const toggle = useCallback(() => {
    setSize((current) => {
      const next = current === 'large' ? 'normal' : 'large';
      try {
        window.localStorage.setItem(TEXT_SIZE_STORAGE_KEY, next);
      } catch {
        // Private browsing: the choice lasts for this page only.
      }
      return next;
    });
  }, []);
  return <TextSizeContext.Provider value={{ size, toggle }}>{children}</TextSizeContext.Provider>;
}

export const useTextSize = () => useContext(TextSizeContext);
