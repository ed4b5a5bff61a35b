#!/usr/bin/env node
// Copies the passages of the benchmark corpus that issue 12 quotes (by record id and content)
// into test/fixtures/issue-12/, a few lines around each, so that the tests pinning them run on a
// clone with nothing beside it. Rerun to refresh: node scripts/extract-issue-excerpts.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '..', 'shared', 'corpus', 'bench');
const OUT = join(ROOT, 'test', 'fixtures', 'issue-12');

// [file name, corpus file, header must contain, line content that anchors the excerpt, lines before, lines after]
const EXCERPTS = [
  ['104-10186-10099-doctly', 'jfk-doctly', '104-10186-10099', /^S-E-C-R-E-T$/, 2, 3],
  ['104-10186-10099-ocr-a', 'jfk-ocr', 'jfk_doc_576', /S-E-C-R-E-T RETURNTO CIA/, 2, 3],
  ['104-10186-10099-ocr-b', 'jfk-ocr', 'jfk_doc_576', /NO POREIGN DISSEM/, 2, 2],
  ['104-10222-10043-ocr', 'jfk-ocr', '104-10222-10043', /_UD 52 Es unre eee SECRET m/, 2, 3],
  ['124-90138-10066-ocr-a', 'jfk-ocr', '124-90138-10066', /^2 SECREL ee$/, 3, 2],
  ['124-90138-10066-ocr-b', 'jfk-ocr', '124-90138-10066', /oa Pe SECRED a ee/, 3, 2],
  ['176-10036-10095-doctly', 'jfk-doctly', '176-10036-10095', /NO DISSEM ABOAD/, 3, 3],
  ['104-10077-10382-doctly', 'jfk-doctly', '104-10077-10382', /^RETURN TO CIA$/, 3, 4],
  ['177-10002-10096-doctly-a', 'jfk-doctly', '177-10002-10096', /^Handle Via$/, 3, 5],
  ['177-10002-10096-doctly-b', 'jfk-doctly', '177-10002-10096', /^For The President Only - Top Secret$/, 2, 2],
  ['194-10001-10168-doctly-a', 'jfk-doctly', '194-10001-10168', /^SPECIAL HANDLING REQUIRED/, 2, 2],
  ['194-10001-10168-doctly-b', 'jfk-doctly', '194-10001-10168', /no objection to an interview/, 0, 1],
  ['194-10001-10168-doctly-c', 'jfk-doctly', '194-10001-10168', /^Reviewed By AFOSI$/, 2, 6],
  ['198-10005-10017-ocr', 'jfk-ocr', '198-10005-10017', /^Department of the Army EO/, 2, 7],
  ['202-10002-10124-ocr-a', 'jfk-ocr', '202-10002-10124', /^LA, 1C$/, 4, 3],
  ['202-10002-10124-ocr-b', 'jfk-ocr', '202-10002-10124', /^DOWNGRADED AT 3 YEAR INTERVALS/, 2, 3],
  ['202-10002-10124-ocr-c', 'jfk-ocr', '202-10002-10124', /SYTEMATALLY REVIEWED/, 2, 3],
  ['124-10185-10099-doctly', 'jfk-doctly', '124-10185-10099', /exempt from disclosure as provided by Title 5/, 1, 1],
  ['104-10433-10212-doctly-a', 'jfk-doctly', '104-10433-10212', /^\(b\)\(6\) not assuled$/, 2, 1],
  ['104-10433-10212-doctly-b', 'jfk-doctly', '104-10433-10212', /^2\. ✔ Previously denied in toto/, 1, 1],
  ['104-10433-10212-doctly-c', 'jfk-doctly', '104-10433-10212', /^\(✔\) Previously denied in toto/, 1, 1],
  ['104-10337-10001-doctly', 'jfk-doctly', '104-10337-10001', /^FOIPA DELETED PAGE INFORMATION SHEET$/, 1, 44],
  ['104-10438-10186-doctly', 'jfk-doctly', '104-10438-10186', /^B1 B2 B3 B4 B5 B6 B7C/, 3, 2],
  ['104-10176-10010-doctly', 'jfk-doctly', '104-10176-10010', /^EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE$/, 2, 3],
  ['104-10213-10352-doctly', 'jfk-doctly', '104-10213-10352', /Criteria \(S\)$/, 2, 2],
  ['104-10225-10007-doctly-a', 'jfk-doctly', '104-10225-10007', /^REFERENCE : HR 20-306\(3\) \(b\) \(10\)$/, 2, 2],
  ['104-10225-10007-doctly-b', 'jfk-doctly', '104-10225-10007', /^DI$/, 3, 3],
];

const corpora = new Map();
const documents = (file) => {
  if (!corpora.has(file)) corpora.set(file, gunzipSync(readFileSync(join(BENCH, `${file}.txt.gz`))).toString('utf8').split(/^(?==== )/m));
  return corpora.get(file);
};

mkdirSync(OUT, { recursive: true });
for (const [name, file, id, anchor, before, after] of EXCERPTS) {
  const doc = documents(file).find((d) => d.slice(0, d.indexOf('\n')).includes(id) && d.split('\n').some((l) => anchor.test(l)));
  if (!doc) throw new Error(`${name}: no document ${id} in ${file} holds ${anchor}`);
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => anchor.test(l));
  const excerpt = lines.slice(Math.max(1, at - before), at + after + 1).join('\n');
  writeFileSync(join(OUT, `${name}.txt`), `${excerpt}\n`);
  console.log(`${name}: ${lines[0].slice(4)} lines ${Math.max(1, at - before) + 1}-${at + after + 1}`);
}
