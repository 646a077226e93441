// Headings, paragraphs and inline text in antd's Typography look and class names (ant-typography, -secondary…), with
// a copy button for codes and links. antd's Typography brings Tooltip, TextArea and resize observers (~15 KB gzip)
// for its editing and ellipsis features, which no page uses.
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Children, useEffect, useState, type CSSProperties, type HTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n.js';
import './Typography.css';

type Tone = 'secondary' | 'success' | 'warning' | 'danger';

interface BaseProps extends Omit<HTMLAttributes<HTMLElement>, 'type'> {
  type?: Tone;
  strong?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

const classes = (type: Tone | undefined, className: string | undefined) =>
  ['ant-typography', type && `ant-typography-${type}`, className].filter(Boolean).join(' ');

function Title({ level = 1, type, className, children, ...rest }: BaseProps & { level?: 1 | 2 | 3 | 4 | 5 }) {
  const Heading = `h${level}` as const;
  return (
    <Heading className={classes(type, className)} {...rest}>
      {children}
    </Heading>
  );
}

function Paragraph({ type, strong, className, children, ...rest }: BaseProps) {
  return (
    <div className={classes(type, className)} {...rest}>
      {strong ? <strong>{children}</strong> : children}
    </div>
  );
}

function Text({ type, strong, code, copyable, className, children, ...rest }: BaseProps & { code?: boolean; copyable?: boolean }) {
  let content = children;
  if (code) content = <code>{content}</code>;
  if (strong) content = <strong>{content}</strong>;
  return (
    <span className={classes(type, className)} {...rest}>
      {content}
      {copyable ? <CopyButton text={Children.toArray(children).join('')} /> : null}
    </span>
  );
}

/** Puts the text on the clipboard; says so for three seconds. */
function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const id = window.setTimeout(() => setCopied(false), 3000);
    return () => window.clearTimeout(id);
  }, [copied]);
  const label = t(copied ? 'common.copied' : 'common.copy');
  return (
    <button type="button" className={copied ? 'ant-typography-copy ant-typography-copy-success' : 'ant-typography-copy'} aria-label={label} title={label} onClick={() => void copy(text).then(setCopied)}>
      {copied ? <CheckOutlined /> : <CopyOutlined />}
    </button>
  );
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http, older engines): the selection-and-copy command.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

export const Typography = { Title, Paragraph, Text };
