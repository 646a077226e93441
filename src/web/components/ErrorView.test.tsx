// Errors shown to a person: the API's message and field details, or a generic sentence; 404 page.
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { I18nProvider } from '../i18n/i18n.js';
import NotFoundPage from '../pages/not-found/NotFoundPage.js';
import { ErrorBoundary } from './ErrorBoundary.js';

function Thrower({ error }: { error: unknown }): never {
  throw error;
}

const wrap = (node: React.ReactNode) => render(<I18nProvider>{node}</I18nProvider>);

describe('error display', () => {
  it("shows an ApiError's own message and its field details", () => {
    const error = new ApiError('VALIDATION_FAILED', '提交的内容有误，请检查标出的字段', 400, [{ path: 'title', message: '必填' }]);
    const silence = console.error;
    console.error = () => undefined;
    wrap(
      <ErrorBoundary>
        <Thrower error={error} />
      </ErrorBoundary>,
    );
    console.error = silence;
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('提交的内容有误，请检查标出的字段');
    expect(screen.getByText('title')).toBeTruthy();
    expect(screen.getByText(/必填/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s?试/ })).toBeTruthy();
  });

  it('shows a generic sentence, not internals, for other errors', () => {
    const silence = console.error;
    console.error = () => undefined;
    wrap(
      <ErrorBoundary>
        <Thrower error={new TypeError('cannot read x of undefined')} />
      </ErrorBoundary>,
    );
    console.error = silence;
    expect(screen.getByRole('alert').textContent).toBe('页面出现错误，请稍后重试。');
    expect(document.body.textContent).not.toContain('undefined');
  });

  it('renders a 404 page with a way home', () => {
    wrap(
      <MemoryRouter>
        <NotFoundPage />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { name: '页面不存在' })).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe('/');
  });
});
