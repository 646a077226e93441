// A button that chooses one file, which the page then uploads itself: a hidden native file input behind antd's
// Button (antd's Upload, with its file list and progress bars, would weigh ~17 KB gzip for a button here).
import { UploadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useRef, type ReactNode } from 'react';

export interface FilePickerProps extends Omit<ButtonProps, 'onClick' | 'children' | 'icon'> {
  /** As the file input's accept attribute: ".xlsx,.json", "application/pdf,.pdf". */
  accept: string;
  onFile(file: File): void;
  children: ReactNode;
}

export function FilePicker({ accept, onFile, children, ...button }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Emptied, so that choosing the same file again (after fixing it) is a change too.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button icon={<UploadOutlined />} {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}
