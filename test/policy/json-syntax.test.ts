import { describe, expect, it } from 'vitest'
import { errorOf } from './helpers.js'

/** Asserts the whole message (paragraph, then excerpt) and the line and column fields. */
function expectSyntax(input: string, line: number, column: number, message: string): void {
  const error = errorOf(input)
  expect(error.message).toBe(message)
  expect([error.line, error.column]).toEqual([line, column])
  expect(error.policyName).toBe('P')
  expect(error.excerpt).toBe(message.slice(message.indexOf('\n') + 1))
}

describe('missing commas', () => {
  it('between two properties on separate lines: names both and the line the comma belongs to', () => {
    expectSyntax(
      '{\n  "Effect": "Deny",\n  "Action": "iam:DeleteRole"\n  "Resource": "*"\n}',
      4,
      3,
      'Policy "P" is not valid JSON at line 4, column 3: expected a comma between "Action": "iam:DeleteRole" and "Resource" — a comma is probably missing at the end of line 3.\n' +
        '3 |   "Action": "iam:DeleteRole"\n' +
        '4 |   "Resource": "*"\n' +
        '  |   ^',
    )
  })

  it('across a blank line, and after an object value', () => {
    expectSyntax(
      '{\n  "Condition": {"Bool": {"aws:SecureTransport": "false"}}\n\n  "Effect": "Deny"\n}',
      4,
      3,
      'Policy "P" is not valid JSON at line 4, column 3: expected a comma between "Condition": {…} and "Effect" — a comma is probably missing at the end of line 2.\n' +
        '2 |   "Condition": {"Bool": {"aws:SecureTransport": "false"}}\n' +
        '3 | \n' +
        '4 |   "Effect": "Deny"\n' +
        '  |   ^',
    )
  })

  it('on one line', () => {
    expectSyntax(
      '{"Effect": "Deny" "Action": "s3:*"}',
      1,
      19,
      'Policy "P" is not valid JSON at line 1, column 19: expected a comma between "Effect": "Deny" and "Action" — a comma is probably missing before "Action".\n' +
        '1 | {"Effect": "Deny" "Action": "s3:*"}\n' +
        '  |                   ^',
    )
  })

  it('between list elements', () => {
    expectSyntax(
      '{"Action": [\n  "s3:GetObject"\n  "s3:PutObject"\n]}',
      3,
      3,
      'Policy "P" is not valid JSON at line 3, column 3: expected a comma between "s3:GetObject" and "s3:PutObject" — a comma is probably missing at the end of line 2.\n' +
        '2 |   "s3:GetObject"\n' +
        '3 |   "s3:PutObject"\n' +
        '  |   ^',
    )
  })

  it('between two statements', () => {
    expectSyntax(
      '{"Statement": [{"Effect": "Deny"} {"Effect": "Allow"}]}',
      1,
      35,
      'Policy "P" is not valid JSON at line 1, column 35: expected a comma between {…} and {…} — a comma is probably missing before {…}.\n' +
        '1 | {"Statement": [{"Effect": "Deny"} {"Effect": "Allow"}]}\n' +
        '  |                                   ^',
    )
  })
})

describe('quotes', () => {
  it('a curly quote closing a string: points at the curly quote and names it', () => {
    expectSyntax(
      '{\n  "Id": "Policy1”,\n  "Statement": []\n}',
      2,
      17,
      'Policy "P" is not valid JSON at line 2, column 17: found the curly quote ” (U+201D) where the string "Policy1" should end — JSON needs straight double quotes ("); replace it with a straight ".\n' +
        '2 |   "Id": "Policy1”,\n' +
        '  |                 ^',
    )
  })

  it('a curly quote closing a string with more text on the line', () => {
    expectSyntax(
      '{"Id": "P1”, "Statement": []}',
      1,
      11,
      'Policy "P" is not valid JSON at line 1, column 11: found the curly quote ” (U+201D) where the string "P1" should end — JSON needs straight double quotes ("); replace it with a straight ".\n' +
        '1 | {"Id": "P1”, "Statement": []}\n' +
        '  |           ^',
    )
  })

  it('a curly quote closing a key', () => {
    expectSyntax(
      '{"Effect”: "Deny"}',
      1,
      9,
      'Policy "P" is not valid JSON at line 1, column 9: found the curly quote ” (U+201D) where the string "Effect" should end — JSON needs straight double quotes ("); replace it with a straight ".\n' +
        '1 | {"Effect”: "Deny"}\n' +
        '  |         ^',
    )
  })

  it('curly quotes around a value', () => {
    expectSyntax(
      '{"Effect": “Deny”}',
      1,
      12,
      'Policy "P" is not valid JSON at line 1, column 12: expected a value, found the curly quote “ (U+201C) — JSON needs straight double quotes (").\n' +
        '1 | {"Effect": “Deny”}\n' +
        '  |            ^',
    )
  })

  it('single curly quotes around a key', () => {
    expectSyntax(
      '{‘Effect’: "Deny"}',
      1,
      2,
      'Policy "P" is not valid JSON at line 1, column 2: expected a key in double quotes, found the curly quote ‘ (U+2018) — JSON needs straight double quotes (").\n' +
        '1 | {‘Effect’: "Deny"}\n' +
        '  |  ^',
    )
  })

  it('single quotes', () => {
    expectSyntax(
      "{\n  'Effect': 'Deny'\n}",
      2,
      3,
      `Policy "P" is not valid JSON at line 2, column 3: expected a key in double quotes, found a single quote (') — JSON needs straight double quotes (") around strings and keys.\n` +
        "2 |   'Effect': 'Deny'\n" +
        '  |   ^',
    )
  })

  it('a string not closed before the end of the line', () => {
    expectSyntax(
      '{"Effect": "Deny\n}',
      1,
      17,
      'Policy "P" is not valid JSON at line 1, column 17: the string "Deny" is not closed before the end of the line — a closing double quote (") is probably missing.\n' +
        '1 | {"Effect": "Deny\n' +
        '  |                 ^',
    )
  })

  it('an unquoted key', () => {
    expectSyntax(
      '{Effect: "Deny"}',
      1,
      2,
      'Policy "P" is not valid JSON at line 1, column 2: expected a key in double quotes, found Effect without quotes — text must be in double quotes: "Effect".\n' +
        '1 | {Effect: "Deny"}\n' +
        '  |  ^',
    )
  })
})

describe('trailing commas and comments', () => {
  it('a trailing comma in an object: points at the comma', () => {
    expectSyntax(
      '{\n  "Effect": "Deny",\n  "Action": "s3:*",\n}',
      3,
      19,
      'Policy "P" is not valid JSON at line 3, column 19: a comma right before "}" — JSON does not allow a comma after the last property; remove this comma.\n' +
        '3 |   "Action": "s3:*",\n' +
        '  |                   ^',
    )
  })

  it('a trailing comma in a list', () => {
    expectSyntax(
      '{"Action": ["s3:GetObject", "s3:PutObject",]}',
      1,
      43,
      'Policy "P" is not valid JSON at line 1, column 43: a comma right before "]" — JSON does not allow a comma after the last element; remove this comma.\n' +
        '1 | {"Action": ["s3:GetObject", "s3:PutObject",]}\n' +
        '  |                                           ^',
    )
  })

  it('a line comment', () => {
    expectSyntax(
      '{\n  // deny everything\n  "Effect": "Deny"\n}',
      2,
      3,
      'Policy "P" is not valid JSON at line 2, column 3: expected a key in double quotes, found a comment (//) — JSON does not allow comments; remove it.\n' +
        '2 |   // deny everything\n' +
        '  |   ^',
    )
  })

  it('a block comment', () => {
    expectSyntax(
      '{"Effect": /* was Allow */ "Deny"}',
      1,
      12,
      'Policy "P" is not valid JSON at line 1, column 12: expected a value, found a comment (/*) — JSON does not allow comments; remove it.\n' +
        '1 | {"Effect": /* was Allow */ "Deny"}\n' +
        '  |            ^',
    )
  })
})

describe('duplicate keys', () => {
  it('names the key and where it first appeared (AWS rejects them)', () => {
    expectSyntax(
      '{\n  "Effect": "Deny",\n  "Action": "s3:*",\n  "Action": "ec2:*"\n}',
      4,
      3,
      'Policy "P" is not valid at line 4, column 3: the key "Action" appears twice in the same object (first at line 3, column 3) — AWS rejects duplicate keys; keep one.\n' +
        '4 |   "Action": "ec2:*"\n' +
        '  |   ^',
    )
  })

  it('inside a condition block', () => {
    expectSyntax(
      '{"Condition": {"StringEquals": {"aws:username": "a", "aws:username": "b"}}}',
      1,
      54,
      'Policy "P" is not valid at line 1, column 54: the key "aws:username" appears twice in the same object (first at line 1, column 33) — AWS rejects duplicate keys; keep one.\n' +
        '1 | {"Condition": {"StringEquals": {"aws:username": "a", "aws:username": "b"}}}\n' +
        '  |                                                      ^',
    )
  })
})

describe('other pasted mistakes', () => {
  it('an object left open at the end of the text', () => {
    expectSyntax(
      '{\n  "Effect": "Deny"\n',
      2,
      19,
      'Policy "P" is not valid JSON at line 2, column 19: the text ends before the object opened at line 1, column 1 is closed — a "}" is probably missing.\n' +
        '2 |   "Effect": "Deny"\n' +
        '  |                   ^',
    )
  })

  it('a list left open at the end of the text', () => {
    expectSyntax(
      '{"Action": ["s3:*"',
      1,
      19,
      'Policy "P" is not valid JSON at line 1, column 19: the text ends before the list opened at line 1, column 12 is closed — a "]" is probably missing.\n' +
        '1 | {"Action": ["s3:*"\n' +
        '  |                   ^',
    )
  })

  it('text after the end of the JSON', () => {
    expectSyntax(
      '{"Effect": "Deny"}}',
      1,
      19,
      'Policy "P" is not valid JSON at line 1, column 19: the JSON ends at line 1, column 18, but more text follows: found "}".\n' +
        '1 | {"Effect": "Deny"}}\n' +
        '  |                   ^',
    )
  })

  it('Python-style True', () => {
    expectSyntax(
      '{"Condition": {"Bool": {"aws:SecureTransport": True}}}',
      1,
      48,
      'Policy "P" is not valid JSON at line 1, column 48: expected a value, found True — JSON writes it in lower case: true.\n' +
        '1 | {"Condition": {"Bool": {"aws:SecureTransport": True}}}\n' +
        '  |                                                ^',
    )
  })

  it('a non-breaking space pasted from a web page', () => {
    expectSyntax(
      '{\n\u00a0 "Effect": "Deny"\n}',
      2,
      1,
      'Policy "P" is not valid JSON at line 2, column 1: expected a key in double quotes, found a non-breaking space (U+00A0) — JSON allows only ordinary spaces, tabs and line breaks; retype it as a space.\n' +
        '2 | \u00a0 "Effect": "Deny"\n' +
        '  | ^',
    )
  })

  it('a full-width colon typed with a Japanese IME', () => {
    expectSyntax(
      '{"Effect"： "Deny"}',
      1,
      10,
      'Policy "P" is not valid JSON at line 1, column 10: expected ":" after the key "Effect", found the full-width character ： (U+FF1A) — use the ordinary : instead.\n' +
        '1 | {"Effect"： "Deny"}\n' +
        '  |          ^',
    )
  })

  it('a missing colon', () => {
    expectSyntax(
      '{"Effect" "Deny"}',
      1,
      11,
      'Policy "P" is not valid JSON at line 1, column 11: expected ":" after the key "Effect", found the string "Deny".\n' +
        '1 | {"Effect" "Deny"}\n' +
        '  |           ^',
    )
  })

  it('a Windows path with a bad escape', () => {
    expectSyntax(
      '{"Sid": "C:\\xyz"}',
      1,
      12,
      'Policy "P" is not valid JSON at line 1, column 12: "\\x" is not a valid escape in a JSON string — a backslash must be written as \\\\ (valid escapes: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).\n' +
        '1 | {"Sid": "C:\\xyz"}\n' +
        '  |            ^',
    )
  })

  it('a tab inside a string: the caret keeps the tab so it lines up', () => {
    expectSyntax(
      '{\t"Sid": "a\tb"}',
      1,
      12,
      'Policy "P" is not valid JSON at line 1, column 12: a tab character inside a string is not allowed in JSON — write it as an escape (\\t for a tab) or remove it.\n' +
        '1 | {\t"Sid": "a\tb"}\n' +
        '  |  \t         ^',
    )
  })

  it('a number with a leading zero', () => {
    expectSyntax(
      '{"Condition": {"NumericEquals": {"s3:max-keys": 010}}}',
      1,
      49,
      'Policy "P" is not valid JSON at line 1, column 49: 010 is not a valid JSON number — put it in double quotes if it is text.\n' +
        '1 | {"Condition": {"NumericEquals": {"s3:max-keys": 010}}}\n' +
        '  |                                                 ^',
    )
  })

  it('columns count characters, not bytes (a kanji is one column, drawn two wide under the caret)', () => {
    expectSyntax(
      '{"Sid": "拒否" "Effect": "Deny"}',
      1,
      14,
      'Policy "P" is not valid JSON at line 1, column 14: expected a comma between "Sid": "拒否" and "Effect" — a comma is probably missing before "Effect".\n' +
        '1 | {"Sid": "拒否" "Effect": "Deny"}\n' +
        '  |                ^',
    )
  })

  it('Windows line endings count as one line break', () => {
    const error = errorOf('{\r\n  "Effect": "Deny"\r\n  "Action": "s3:*"\r\n}')
    expect([error.line, error.column]).toEqual([3, 3])
    expect(error.excerpt).toBe('2 |   "Effect": "Deny"\n3 |   "Action": "s3:*"\n  |   ^')
  })

  it('empty text', () => {
    const error = errorOf('  \n ')
    expect(error.message).toBe('Policy "P" is empty: expected a JSON policy such as {"Version": "2012-10-17", "Statement": [ … ]}.')
    expect([error.line, error.column, error.excerpt]).toEqual([null, null, null])
  })
})

describe('curly quotes inside ordinary text are not blamed', () => {
  it('a missing comma after a string that quotes “hi” is still a missing comma', () => {
    expectSyntax(
      '{"Sid": "say “hi” now" "Effect": "Deny"}',
      1,
      24,
      'Policy "P" is not valid JSON at line 1, column 24: expected a comma between "Sid": "say “hi” now" and "Effect" — a comma is probably missing before "Effect".\n' +
        '1 | {"Sid": "say “hi” now" "Effect": "Deny"}\n' +
        '  |                        ^',
    )
  })
})
