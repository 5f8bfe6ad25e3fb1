/**
 * Passwords refused at sign-up and on change: the commonest from public breach lists, plus the
 * ones Indonesian users pick most. Compared case-insensitively.
 */
const list = `
12345678 123456789 1234567890 12345678910 password password1 password123 passw0rd p@ssw0rd p@ssword
qwerty123 qwertyuiop qwerty12 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx qazwsxedc asdfghjkl asdf1234
11111111 00000000 88888888 12341234 87654321 11223344 12344321 123123123 123321123 abcd1234 abc12345
abcdefgh iloveyou iloveyou1 sunshine princess football baseball superman batman123 welcome1 welcome123
letmein1 trustno1 dragon123 monkey123 master123 shadow123 computer internet starwars whatever
admin123 administrator changeme default1 secret123 test1234 testing123 guest123 user1234 login123
indonesia indonesia1 indonesia123 jakarta1 jakarta123 bandung1 surabaya garuda123 merdeka45 merdeka1945
bismillah bismillah1 bismillah123 alhamdulillah assalamualaikum subhanallah insyaallah allahuakbar
sayang123 sayangku cintaku cinta123 kucing123 rahasia1 rahasia123 katasandi sandiku bukaaja
doraemon persija1 persib1933 persebaya bonek1927 arema1987 manchester liverpool chelsea1 barcelona
juventus realmadrid michael1 jennifer1 jessica1 ashley123 charlie1 daniel123 samsung1 nokia123
`;

export const commonPasswords: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (commonPasswords.has(p)) return true;
  // One character repeated, or a plain ascending run of digits.
  return /^(.)\1+$/.test(p) || '01234567890123456789'.includes(p);
}
