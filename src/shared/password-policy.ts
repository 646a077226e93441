// Password rules of the two profiles, shared by the registration form and the server.
import type { SecurityPolicy } from './schemas/security.js';

export type PasswordProblem = 'tooShort' | 'tooLong' | 'needsLettersAndDigits' | 'needsThreeClasses' | 'containsMailbox';

export const PASSWORD_MESSAGES: Record<PasswordProblem, { zh: string; en: string }> = {
  tooShort: { zh: '密码长度不足', en: 'The password is too short' },
  tooLong: { zh: '密码最多 128 个字符', en: 'The password may have at most 128 characters' },
  needsLettersAndDigits: { zh: '密码须同时包含字母和数字', en: 'The password needs both letters and digits' },
  needsThreeClasses: {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'The password needs three of: capital letters, small letters, digits, symbols',
  },
  containsMailbox: { zh: '密码不能包含邮箱用户名', en: 'The password must not contain the e-mail name' },
};

export const minPasswordLength = (profile: SecurityPolicy['passwordProfile']) => (profile === 'dengbao' ? 12 : 10);

/** The first problem with a password under the profile, or null. */
export function passwordProblem(
  password: string,
  profile: SecurityPolicy['passwordProfile'],
  email?: string,
): PasswordProblem | null {
  if (password.length < minPasswordLength(profile)) return 'tooShort';
  if (password.length > 128) return 'tooLong';
  if (profile === 'dengbao') {
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
    if (classes < 3) return 'needsThreeClasses';
  } else if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    return 'needsLettersAndDigits';
  }
  const mailbox = email?.split('@')[0]?.toLowerCase() ?? '';
  if (mailbox.length >= 4 && password.toLowerCase().includes(mailbox)) return 'containsMailbox';
  return null;
}
