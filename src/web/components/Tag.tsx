// A small label (a status, a role, a code) in antd's Tag look and class names (ant-tag, ant-tag-green…, which the
// browser journeys select on); antd's Tag carries its closable, checkable and wave-effect machinery to every page.
import type { HTMLAttributes, Ref } from 'react';
import './Tag.css';

export type TagColor = 'default' | 'green' | 'blue' | 'red' | 'orange' | 'gold' | 'purple' | 'cyan' | 'gray';

export interface TagProps extends HTMLAttributes<HTMLSpanElement> {
  color?: TagColor;
  ref?: Ref<HTMLSpanElement>;
}

export function Tag({ color, className, ...rest }: TagProps) {
  return <span className={['ant-tag', 'ant-tag-filled', color && color !== 'default' && `ant-tag-${color}`, className].filter(Boolean).join(' ')} {...rest} />;
}
