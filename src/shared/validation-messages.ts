// Field-level validation messages by key, in Chinese and English; Zod schemas use the keys as their messages.
import type { Lang } from './errors.js';

export const VALIDATION_MESSAGES: Record<string, Record<Lang, string>> = {
  required: { zh: '必填', en: 'Required' },
  unknownField: { zh: '不允许提交该字段（未知或只读）', en: 'This field is unknown or read-only' },
  invalidJson: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  emptyBody: { zh: '请求体不能为空', en: 'The request body must not be empty' },
  instantOutOfRange: { zh: '日期超出可记录的范围（公元 1 年至 9999 年）', en: 'The date is outside the range that can be recorded (years 1 to 9999)' },
  tooDeep: { zh: '嵌套层级过深', en: 'Nested too deeply' },
  invalidUrl: { zh: '网址无效或其中的参数过长', en: 'The address is malformed or one of its parts is too long' },
  invalidText: { zh: '含有不允许的字符（空字符或不成对的代理项）', en: 'Contains characters that are not allowed (NUL or an unpaired surrogate)' },
  email: { zh: '邮箱地址格式不正确', en: 'Not a valid e-mail address' },
  phone: { zh: '电话号码格式不正确（7–20 位数字，可含 + - 括号和空格）', en: 'Not a valid phone number (7–20 digits; + - ( ) and spaces allowed)' },
  regionCode: { zh: '行政区划代码应为 6 位数字', en: 'A region code has 6 digits' },
  code: { zh: '编号只能包含字母、数字、- 和 _（最多 40 个字符）', en: 'A code has letters, digits, - and _ (at most 40 characters)' },
  programCode: { zh: '项目编号只能包含小写字母、数字和 -（2–40 个字符）', en: 'A program code has small letters, digits and - (2 to 40 characters)' },
  uscc: { zh: '统一社会信用代码应为 18 位（数字和大写字母，不含 I、O、Z、S、V）', en: 'A unified social credit code has 18 digits and capital letters (no I, O, Z, S, V)' },
};
