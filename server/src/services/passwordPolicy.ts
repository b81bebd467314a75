import { HttpError } from '../httpError';
import { msg, sentences, type Localized } from '../i18n/messages';

export const MIN_PASSWORD_LENGTH = 10;

// Passwords that meet the length and letters-and-digits rules yet head every leaked-password list;
// compared case-insensitively. Short on purpose: the rules above already refuse the rest.
const COMMON_PASSWORDS = new Set([
  'password123', 'password1234', 'password12345', 'passw0rd123', 'p@ssw0rd123', 'qwerty12345', 'qwerty123456',
  'qwertyuiop1', 'qwertyuiop123', '1qaz2wsx3edc', '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsxcde3', 'q1w2e3r4t5',
  'abc1234567', 'abc12345678', 'abc123456789', 'a123456789', 'a1234567890', 'aa123456789', 'admin12345',
  'admin123456', 'administrator1', 'iloveyou123', 'woaini1314', 'woaini520520', 'asdf123456', 'asd123456789',
  'qwe123456789', 'abcd1234567', '123456789abc', '1234567890a', '1234567890q', 'welcome12345', 'letmein12345',
  'changeme123', 'liuzhou2026', 'liuzhou12345', 'gongxin12345', 'tongji123456',
]);

/**
 * The password policy (issue 6) for every password the users service stores — created or changed
 * through the API, or set at first start from ADMIN_PASSWORD: at least ten characters, letters and
 * digits both, not containing the user name, not a well-known password. Returns every rule broken,
 * in both languages, so the form can show them all at once.
 */
export function passwordProblems(password: string, username: string): Localized[] {
  const problems: Localized[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(msg('password_too_short', { min: MIN_PASSWORD_LENGTH }));
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) problems.push(msg('password_letters_digits'));
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push(msg('password_has_username'));
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push(msg('password_common'));
  return problems;
}

/** Throws a 400 `weak_password` naming every rule the password breaks. */
export function assertPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  throw new HttpError(400, 'weak_password', msg('weak_password', { problems: sentences(problems) }), {
    details: problems.map((message) => ({ path: 'password', message })),
  });
}
