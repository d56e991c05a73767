import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CsvError, csvRow, looksLikeFormula, parseCsv } from '../../src/newsletter/csv.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('reading CSV', () => {
  it('splits plain fields and records, with LF, CRLF or CR line ends, and no record for a final line end', () => {
    const expected = [['email', 'language'], ['ada@example.org', 'en'], ['ben@example.org', 'fr']];
    assert.deepEqual(fields('email,language\nada@example.org,en\nben@example.org,fr\n'), expected);
    assert.deepEqual(fields('email,language\r\nada@example.org,en\r\nben@example.org,fr\r\n'), expected);
    assert.deepEqual(fields('email,language\rada@example.org,en\rben@example.org,fr'), expected);
  });

  it('takes quoted fields with commas, doubled quotes and line breaks inside', () => {
    const records = parseCsv('name,note\r\n"Lind, Ada","She said ""hello"""\r\n"two\r\nlines",x\r\nlast,row\r\n');
    assert.deepEqual(
      records.map((r) => r.fields),
      [['name', 'note'], ['Lind, Ada', 'She said "hello"'], ['two\r\nlines', 'x'], ['last', 'row']],
    );
    assert.ok(records.every((r) => r.problem === undefined));
  });

  it('numbers each record by the line it starts on, counting line breaks inside quotes', () => {
    const records = parseCsv('h\n"a\nb\r\nc"\nd\n\ne\n');
    assert.deepEqual(records.map((r) => [r.line, r.fields]), [[1, ['h']], [2, ['a\nb\r\nc']], [5, ['d']], [6, ['']], [7, ['e']]]);
  });

  it('drops a UTF-8 byte-order mark at the start, and only there', () => {
    assert.deepEqual(fields('\ufeffemail\nada@example.org\n'), [['email'], ['ada@example.org']]);
    assert.deepEqual(fields('a,\ufeffb'), [['a', '\ufeffb']]);
  });

  it('keeps empty fields, a trailing comma included', () => {
    assert.deepEqual(fields('a,,c,\n,\n""'), [['a', '', 'c', ''], ['', ''], ['']]);
  });

  it('refuses a quoted field that is never closed, naming the line it opens on', () => {
    assert.throws(
      () => parseCsv('email\nada@example.org\n"ben@example.org\ncyd@example.org\n'),
      (error: unknown) => error instanceof CsvError && error.line === 3 && /Line 3: a quoted field is never closed/.test(error.message),
    );
    assert.throws(() => parseCsv('"'), (error: unknown) => error instanceof CsvError && error.line === 1);
  });

  it('marks a record with a stray quote or text after a closing quote, and reads on from the next line', () => {
    const records = parseCsv('a,b"c\n"x"y,z\nok,fine\n');
    assert.match(records[0]!.problem ?? '', /inside a field that is not enclosed in quotes/);
    assert.match(records[1]!.problem ?? '', /after the closing quote/);
    assert.deepEqual(records[2], { line: 3, fields: ['ok', 'fine'] });
  });
});

describe('writing CSV', () => {
  it('quotes only what needs it, doubles quotes, and ends each row with CRLF', () => {
    assert.equal(csvRow(['ada@example.org', 'active', '']), 'ada@example.org,active,\r\n');
    assert.equal(csvRow(['Lind, Ada', 'say "hi"', 'two\nlines']), '"Lind, Ada","say ""hi""","two\nlines"\r\n');
  });

  it('puts an apostrophe before a cell a spreadsheet would run as a formula', () => {
    assert.equal(csvRow(['=HYPERLINK("http://evil.test")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'a=b']), `"'=HYPERLINK(""http://evil.test"")",'+1,'-2,'@SUM(A1),'\tx,"'\rx",a=b\r\n`);
  });

  it('reads back what it wrote', () => {
    const rows = [['email', 'note'], ['ada@example.org', 'a "quoted", multi\r\nline note'], ['', 'x']];
    assert.deepEqual(fields(rows.map(csvRow).join('')), rows);
  });

  it('tells formula-like cells, as given or trimmed, from plain ones', () => {
    for (const cell of ['=1+1', ' =1+1', '+44 20', '-x', '@x', '\tx']) assert.equal(looksLikeFormula(cell), true, JSON.stringify(cell));
    for (const cell of ['ada@example.org', 'en', '', 'a-b']) assert.equal(looksLikeFormula(cell), false, JSON.stringify(cell));
  });
});
