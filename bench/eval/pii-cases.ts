// The redaction suite's test set: sentences carrying one piece of PII each, in
// the forms speech recognisers and speakers produce — written ("555-123-4567",
// "john.smith@example.org") and spoken ("five five five one two three …",
// "john dot smith at example dot org", "ten dot zero dot zero dot one") —
// some split over two final segments, some sent as interim segments. Generated
// with a fixed seed (mulberry32), so the set is reproducible; values are
// random (card numbers Luhn-valid), carriers and names are plain English.
import { mulberry32 } from "../random.js";

export const PII_CASE_CLASSES = ["email", "phone", "credit_card", "ssn", "ip", "url"] as const;
export type PiiCaseClass = (typeof PII_CASE_CLASSES)[number];

export interface PiiCase {
  id: number;
  piiClass: PiiCaseClass;
  /** How the value was said or written ("spoken digits", "written", …). */
  form: string;
  /** The segments as sent: one, or two finals with the value split between them. */
  segments: string[];
  /** Sent as an interim segment (one segment only). */
  interim: boolean;
  /** What must not survive: digit strings (any 4 in a row) or identifying words of an address. */
  secret: { digits?: string; words?: string[] };
}

const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const FIRST = ["john", "maria", "david", "linda", "peter", "susan", "george", "karen", "mark", "nancy"];
const LAST = ["smith", "garcia", "miller", "walker", "turner", "baker", "parker", "collins", "morgan", "hughes"];
const DOMAINS = [["example", "org"], ["gmail", "com"], ["yahoo", "com"], ["acme", "io"], ["widgets", "net"]] as const;
const SITES = ["acme", "bluebird", "northwind", "contoso", "fabrikam"];
const PATHS = ["pricing", "docs", "support", "careers"];

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const digits = (rnd: Rnd, n: number) => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join("");
/** Digit by digit, zero sometimes said "oh". */
const spokenDigits = (rnd: Rnd, ds: string) => [...ds].map((d) => (d === "0" && rnd() < 0.4 ? "oh" : DIGIT_WORDS[Number(d)]!)).join(" ");

/** A 16-digit card number that passes the Luhn check (Visa or Mastercard prefix). */
export function luhnCard(rnd: Rnd): string {
  const body = (rnd() < 0.5 ? "4" : `5${1 + Math.floor(rnd() * 5)}`) + digits(rnd, 14);
  const partial = body.slice(0, 15);
  let sum = 0;
  for (let k = 0; k < 15; k++) {
    let d = Number(partial[14 - k]);
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return partial + String((10 - (sum % 10)) % 10);
}

/** 0..255 said the way people read address parts: "one ninety two", "one six eight", "twenty". */
function spokenOctet(rnd: Rnd, n: number): string {
  const s = String(n);
  if (n < 10) return DIGIT_WORDS[n]!;
  if (n < 100 || rnd() < 0.5) return spokenNumber(n) ?? spokenDigits(rnd, s);
  // "one ninety two", "two fifty five"
  const tail = n % 100;
  return `${DIGIT_WORDS[Math.floor(n / 100)]!} ${tail === 0 ? "hundred" : tail < 10 ? `oh ${DIGIT_WORDS[tail]!}` : spokenNumber(tail)!}`;
}

const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/** 0..999 as words ("one hundred sixty eight"). */
function spokenNumber(n: number): string | undefined {
  if (n < 10) return DIGIT_WORDS[n];
  if (n < 20) return TEENS[n - 10];
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 === 0 ? "" : ` ${DIGIT_WORDS[n % 10]!}`);
  if (n < 1000) return `${DIGIT_WORDS[Math.floor(n / 100)]!} hundred${n % 100 === 0 ? "" : ` ${spokenNumber(n % 100)!}`}`;
  return undefined;
}

interface Value {
  form: string;
  /** The value as said or written, and where (in words) it may be split across two segments (0: never). */
  text: string;
  splitAt: number;
  secret: PiiCase["secret"];
}

function phone(rnd: Rnd): Value {
  const ds = String(2 + Math.floor(rnd() * 8)) + digits(rnd, 9);
  const [a, b, c] = [ds.slice(0, 3), ds.slice(3, 6), ds.slice(6)];
  const forms: Array<[string, string, number]> = [
    ["written dashed", `${a}-${b}-${c}`, 0],
    ["written with area code in brackets", `(${a}) ${b}-${c}`, 1],
    ["written international", `+1 ${a} ${b} ${c}`, 2],
    ["spoken digits", spokenDigits(rnd, ds), 3],
    ["spoken with dashes", `${spokenDigits(rnd, a)} dash ${spokenDigits(rnd, b)} dash ${spokenDigits(rnd, c)}`, 0],
    ["spoken with country code", `plus one ${spokenDigits(rnd, ds)}`, 0],
  ];
  const [form, text, splitAt] = pick(rnd, forms);
  return { form, text, splitAt, secret: { digits: ds } };
}

function card(rnd: Rnd): Value {
  const ds = luhnCard(rnd);
  const groups = ds.match(/\d{4}/g)!;
  const forms: Array<[string, string, number]> = [
    ["written in groups", groups.join(" "), 1],
    ["written with dashes", groups.join("-"), 0],
    ["written unbroken", ds, 0],
    ["spoken digits", groups.map((g) => spokenDigits(rnd, g)).join(" "), 4],
  ];
  const [form, text, splitAt] = pick(rnd, forms);
  return { form, text, splitAt, secret: { digits: ds } };
}

function ssn(rnd: Rnd): Value {
  // Area 000, 666 or 9xx, group 00 and serial 0000 are never issued: the detector rightly passes them by.
  let ds = String(1 + Math.floor(rnd() * 6)) + digits(rnd, 8);
  while (/^(?:000|666)|^\d{3}00|0000$/.test(ds)) ds = String(1 + Math.floor(rnd() * 6)) + digits(rnd, 8);
  const [a, b, c] = [ds.slice(0, 3), ds.slice(3, 5), ds.slice(5)];
  const forms: Array<[string, string, number]> = [
    ["written", `${a}-${b}-${c}`, 0],
    ["spoken digits", spokenDigits(rnd, ds), 3],
    ["spoken with dashes", `${spokenDigits(rnd, a)} dash ${spokenDigits(rnd, b)} dash ${spokenDigits(rnd, c)}`, 0],
  ];
  const [form, text, splitAt] = pick(rnd, forms);
  return { form, text, splitAt, secret: { digits: ds } };
}

function email(rnd: Rnd): Value {
  const first = pick(rnd, FIRST);
  const last = pick(rnd, LAST);
  const [domain, tld] = pick(rnd, DOMAINS);
  const num = digits(rnd, 2);
  const forms: Array<[string, string, string[]]> = [
    ["written", `${first}.${last}@${domain}.${tld}`, [first, last, domain]],
    ["spoken with dot", `${first} dot ${last} at ${domain} dot ${tld}`, [first, last, domain]],
    ["spoken with underscore", `${first} underscore ${last} at ${domain} dot ${tld}`, [first, last, domain]],
    ["spoken, name and digits", `${last} ${spokenDigits(rnd, num)} at ${domain} dot ${tld}`, [last, domain]],
    ["spelled initial", `${first[0]} ${last} at ${domain} dot ${tld}`, [last, domain]],
  ];
  const [form, text, words] = pick(rnd, forms);
  return { form, text, splitAt: 0, secret: { words } };
}

function ip(rnd: Rnd): Value {
  const octets = [pick(rnd, [10, 172, 192, 84, 203]), Math.floor(rnd() * 256), Math.floor(rnd() * 256), 1 + Math.floor(rnd() * 254)];
  const forms: Array<[string, string]> = [
    ["written", octets.join(".")],
    ["spoken", octets.map((o) => spokenOctet(rnd, o)).join(" dot ")],
    ["spoken digit by digit", octets.map((o) => spokenDigits(rnd, String(o))).join(" dot ")],
  ];
  const [form, text] = pick(rnd, forms);
  return { form, text, splitAt: 0, secret: { digits: octets.join("") } };
}

function url(rnd: Rnd): Value {
  const site = pick(rnd, SITES);
  const path = pick(rnd, PATHS);
  const forms: Array<[string, string]> = [
    ["written", `https://www.${site}.com/${path}`],
    ["written bare", `${site}.com/${path}`],
    ["spoken with www", `w w w dot ${site} dot com slash ${path}`],
    ["spoken bare", `${site} dot com slash ${path}`],
  ];
  const [form, text] = pick(rnd, forms);
  return { form, text, splitAt: 0, secret: { words: [site] } };
}

const MAKERS: Record<PiiCaseClass, (rnd: Rnd) => Value> = { email, phone, credit_card: card, ssn, ip, url };

const CARRIERS: Record<PiiCaseClass, readonly string[]> = {
  email: ["you can reach me at {} any time", "my email is {}", "please send the file to {} before friday", "write to {} and we will reply"],
  phone: ["call me at {} after lunch", "my number is {}", "the office line is {} if you need it", "text {} when you arrive"],
  credit_card: ["my card number is {}", "charge it to {} please", "the card ending the order was {} thank you", "use card {} for the deposit"],
  ssn: ["my social security number is {}", "the ssn on file is {}", "for verification it is {} as requested"],
  ip: ["the server is at {} on the internal network", "ping {} to check it", "traffic came from {} last night"],
  url: ["the details are on {} for everyone", "go to {} and sign up", "we posted it at {} yesterday"],
};

/** `count` cases (classes in turn), about one in five split over two finals where the form allows, one in ten interim. */
export function generatePiiCases(count: number, seed: number): PiiCase[] {
  const rnd = mulberry32(seed);
  const cases: PiiCase[] = [];
  for (let id = 0; id < count; id++) {
    const piiClass = PII_CASE_CLASSES[id % PII_CASE_CLASSES.length]!;
    const v = MAKERS[piiClass](rnd);
    const carrier = pick(rnd, CARRIERS[piiClass]);
    const [before, after] = carrier.split("{}") as [string, string];
    const words = v.text.split(" ");
    const roll = rnd();
    let segments = [`${before}${v.text}${after}`.trim()];
    let interim = false;
    if (v.splitAt > 0 && v.splitAt < words.length && roll < 0.25) {
      segments = [`${before}${words.slice(0, v.splitAt).join(" ")}`.trim(), `${words.slice(v.splitAt).join(" ")}${after}`.trim()];
    } else if (roll > 0.9) interim = true;
    cases.push({ id, piiClass, form: v.form, segments, interim, secret: v.secret });
  }
  return cases;
}
