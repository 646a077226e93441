// The light stand-ins for antd parts (P5): antd's class names and semantics kept, the language switch and file picker
// usable by keyboard, copying to the clipboard, dialogs and messages that load when first needed.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n.js';
import { Card } from './Card.js';
import { FilePicker } from './FilePicker.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MessageProvider, useMessage } from './feedback.js';
import { Modal } from './Modal.js';
import { Result } from './Result.js';
import { Tag } from './Tag.js';
import { Typography } from './Typography.js';

const inApp = (node: React.ReactNode) => render(<I18nProvider>{node}</I18nProvider>);

describe('Card, Tag, Typography, Result', () => {
  it('keep the class names of antd that styles and journeys rely on', () => {
    inApp(
      <Card title="入围名单" extra={<Tag color="green">已公示</Tag>} data-testid="card">
        <Typography.Title level={2}>标题</Typography.Title>
        <Typography.Paragraph type="secondary">说明</Typography.Paragraph>
        <Typography.Text strong code>
          AB-1
        </Typography.Text>
      </Card>,
    );
    const card = screen.getByTestId('card');
    expect(card.className).toContain('ant-card');
    expect(card.querySelector('.ant-card-head-title')?.textContent).toBe('入围名单');
    expect(card.querySelector('.ant-card-extra .ant-tag.ant-tag-green')?.textContent).toBe('已公示');
    expect(screen.getByRole('heading', { level: 2, name: '标题' }).className).toBe('ant-typography');
    expect(screen.getByText('说明').className).toBe('ant-typography ant-typography-secondary');
    expect(screen.getByText('AB-1').tagName).toBe('CODE');
    expect(screen.getByText('AB-1').parentElement?.tagName).toBe('STRONG');
  });

  it('shows a page outcome with its title, sentence and way on', () => {
    inApp(<Result status="404" title={<h1>页面不存在</h1>} subTitle="您访问的页面不存在" extra={<a href="/">返回首页</a>} />);
    expect(screen.getByRole('heading', { name: '页面不存在' })).toBeTruthy();
    expect(screen.getByText('您访问的页面不存在')).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回首页' })).toBeTruthy();
  });
});

describe('Typography.Text copyable', () => {
  it('copies its text and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    inApp(<Typography.Text copyable>{'https://example.cn/invite/abc'}</Typography.Text>);
    fireEvent.click(screen.getByRole('button', { name: '复制' }));
    expect(await screen.findByRole('button', { name: '复制成功' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('https://example.cn/invite/abc');
  });
});

describe('LanguageSwitch', () => {
  it('is a group of two radio buttons that switches the language', async () => {
    inApp(<LanguageSwitch />);
    const group = screen.getByRole('radiogroup', { name: '语言' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('radio', { name: '中文' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('radiogroup', { name: 'Language' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('FilePicker', () => {
  it('opens the file chooser from its button and hands over the chosen file, ready for the same file again', () => {
    const onFile = vi.fn();
    const { container } = inApp(
      <FilePicker accept=".xlsx" onFile={onFile}>
        选择文件
      </FilePicker>,
    );
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('.xlsx');
    const opened = vi.spyOn(input, 'click');
    fireEvent.click(screen.getByRole('button', { name: /选择文件/ }));
    expect(opened).toHaveBeenCalled();
    const file = new File(['x'], 'experts.xlsx');
    fireEvent.change(input, { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
    expect(input.value).toBe('');
  });
});

describe('Modal', () => {
  it('renders nothing until first opened, then antd’s dialog', async () => {
    function Page() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button onClick={() => setOpen(true)}>打开</button>
          <Modal open={open} title="更正评分" onCancel={() => setOpen(false)}>
            <p>理由</p>
          </Modal>
        </>
      );
    }
    inApp(<Page />);
    expect(screen.queryByText('理由')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '打开' }));
    // The first import of antd's Modal is transformed on the fly here: give it time.
    expect(await screen.findByRole('dialog', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('理由')).toBeTruthy();
  });
});

describe('MessageProvider', () => {
  it('shows messages asked for before antd’s message code has arrived, in order', async () => {
    function Saver() {
      const message = useMessage();
      return (
        <button
          onClick={() => {
            message.success('已保存');
            message.error('另一项未保存');
          }}
        >
          保存
        </button>
      );
    }
    render(
      <ConfigProvider>
        <MessageProvider>
          <Saver />
        </MessageProvider>
      </ConfigProvider>,
    );
    act(() => screen.getByRole('button', { name: '保存' }).click());
    expect(await screen.findByText('已保存', {}, { timeout: 15_000 })).toBeTruthy();
    expect(await screen.findByText('另一项未保存')).toBeTruthy();
  });
});
