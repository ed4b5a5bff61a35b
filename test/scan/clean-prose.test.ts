import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';

// Ordinary English prose that talks about secrets, releases, exemptions, contract sections,
// exhibits, vitamins, page numbers and dates: not one marking may be read in it (mentions are
// allowed). Generated from templates with a seeded generator, so the lines are many and
// varied but the same on every run.

const TEMPLATES = [
  'She kept the secret of the {thing} for {n} years, and her {relative} never learned it.',
  'Under section {sub} of the contract, the supplier must deliver within {n} days.',
  'Please see Exhibit {exhibit} attached to the lease for the {thing}.',
  'The company will release its quarterly results on {date}, before the market opens.',
  'Continued on page {n} of the newsletter, the story describes the {thing}.',
  'The tax code grants an exemption for {thing} under certain conditions.',
  'He was confidential in his manner, but the top secret of his success was the {thing}.',
  'The band released a new album in {year}, and it sold well across {place}.',
  'Paragraph {sub} of the bylaws says the board meets {n} times a year.',
  'The vitamins {vitamin} and {vitamin2} are found in many foods.',
  'Item {n}(c) of the form asks for the applicant\'s previous {thing}.',
  'The press release was restricted to members until noon on {day}.',
  'Our library declassified its old {thing} and scanned them in {year}.',
  'The spy novel describes a secret meeting in {place} on {date}.',
  'The memo was marked urgent by the clerk, who then filed it on {date}.',
  'Students must release the brake before starting the engine, says rule {n}.',
  'The {relative} asked whether the exemption in clause {sub} applied to the {thing}.',
  'Is it a secret that {place} exports {thing}? Not since {year}.',
  'The court released the defendant on {date}, pending appeal under rule {n}.',
  'Table {n} on page {n2} lists the {thing} by region, from {year} to {year2}.',
];
const FILL: Record<string, string[]> = {
  thing: ['recipe', 'garden', 'old maps', 'harvest', 'floor plan', 'catalog cards', 'coffee', 'timber', 'school records', 'letters'],
  relative: ['sister', 'uncle', 'grandmother', 'cousin', 'neighbour'],
  sub: ['(b)(1)', '(b)(3)', '(b)(6)', '(a)(3)', '(c)(2)', '(d)(5)', '(k)(2)', '(b)(7)(C)', '(j)(2)', '(b)(2)'],
  exhibit: ['B6', 'B1', 'C3', 'A-7', 'D'],
  vitamin: ['B1', 'B6', 'B12', 'C', 'D'],
  vitamin2: ['B2', 'B3', 'E', 'K'],
  place: ['Vienna', 'Lisbon', 'Chile', 'Ohio', 'the valley', 'Europe'],
  day: ['Friday', 'Monday', 'the first of May'],
  date: ['March 3, 1998', '12 June 1961', '4/5/72', 'October 27, 1962', '1995-10-14'],
  year: ['1953', '1962', '1975', '1998', '2004', '2011'],
  year2: ['1980', '1999', '2020'],
  n: ['2', '3', '4', '5', '7', '12', '25', '90'],
  n2: ['1', '6', '9', '14'],
};

/** Mulberry32: a small seeded generator, so the prose is the same on every run. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function prose(lines: number, seed: number): string {
  const random = generator(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(pick(TEMPLATES).replace(/\{(\w+)\}/g, (_, slot: string) => pick(FILL[slot] ?? [slot])));
  // Paragraphs of a few sentences, as prose is written.
  return out.map((line, i) => (i % 4 === 3 ? `${line}\n\n` : `${line} `)).join('');
}

describe('clean prose', () => {
  it('gives no marking in 3,000 sentences of ordinary prose', () => {
    const text = prose(3_000, 20261122);
    expect(text.split('\n').length).toBeGreaterThan(1_400);
    const records = scan(text).records;
    const markings = records.filter((r) => r.role !== 'mention');
    expect(markings.map((r) => `${r.key} ${JSON.stringify(r.raw)} line ${r.span.start.line}`)).toEqual([]);
  });

  it('still finds a real marking set among that prose', () => {
    const text = `${prose(200, 7)}

SECRET

[REDACTED] (b)(6)

${prose(200, 8)}`;
    expect(scan(text).records.filter((r) => r.role !== 'mention').map((r) => r.key)).toEqual(['classification:S', 'redaction:redacted', 'foia:b6']);
  });
});

describe('the benchmark prose gate', () => {
  // 2,000 sentences of running text from the benchmark corpus that hold nothing a marking could be
  // made of (scripts/extract-prose-gate.mjs decides that without the scanner).
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'prose-gate', 'bench-sentences.txt'), 'utf8');

  it('gives no marking in 2,000 sentences of real declassified prose', () => {
    expect(text.split('\n\n').length).toBe(2_000);
    const markings = scan(text).records.filter((r) => r.role !== 'mention');
    expect(markings.map((r) => `${r.key} ${JSON.stringify(r.raw)} line ${r.span.start.line}`)).toEqual([]);
  });

  it('still finds markings set among it', () => {
    const withMarkings = `${text.slice(0, 20_000)}\n\nS-E-C-R-E-T\nNO FOREIGN DISSEM\n\n${text.slice(20_000, 40_000)}`;
    expect(scan(withMarkings).records.filter((r) => r.role !== 'mention').map((r) => r.key)).toEqual(['classification:S', 'control:NOFORN']);
  });
});
