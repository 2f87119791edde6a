import assert from 'node:assert/strict';
import { backtrackingRisk, compileUserRegex } from '../../core/src/regex/backtracking';
import { jsonPathRegexProblem } from '../../core/src/regex/jsonPathFilters';
import { lint } from '../support/lint';

/** Patterns known to take exponential time on a near-miss input (the classic ReDoS shapes). */
const CATASTROPHIC = [
  '(a+)+$',
  '^(a+)+$',
  '(a*)*b',
  '(.*)*x',
  '(.*,)+$',
  '(a|a)*$',
  '(a|aa)+$',
  '(\\w|\\d)+$',
  '(.|\\s)*$',
  '^(\\w+\\s?)*$',
  '(x+x+)+y',
  '^(\\s*\\w+)+$',
  '(?:a{1,10})+$',
  '(\\\\.|[^"])*"$',
  '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
  '(?=(a+)+$)',
  '((ab)*)+$',
  '(A+)+$',
  '(?:[a-z]+){5}$',
];

/** Patterns people write in selection patterns, validation expressions and models: none of them explodes. */
const FINE = [
  'default',
  '.*Error.*',
  '(?s).*\\[NotFound\\].*'.replace('(?s)', ''),
  '4\\d{2}',
  '5\\d\\d|4\\d\\d',
  '^Bearer [-0-9a-zA-Z\\._]*$',
  '^[a-z0-9-]+$',
  '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  '(\\d+\\.)+\\d+',
  '^(\\d{1,3}\\.){3}\\d{1,3}$',
  '(\\\\.|[^"\\\\])*',
  '(\\w|-)+',
  '(.|\\n)*',
  '(ab|cd)*',
  '(a+b)+',
  '^([a-z]+,)*[a-z]+$',
  '.*"statusCode":\\s*4\\d\\d.*',
  '(?:https?|ftp)://\\S+',
  '^x-[a-z]+(-[a-z]+)*$',
  '[\\u{1F600}-\\u{1F64F}]+',
  '(a?)+',
];

describe('regex: catastrophic backtracking detection', () => {
  for (const p of CATASTROPHIC) {
    it(`flags ${p}`, () => {
      new RegExp(p); // a valid pattern: the check is not about syntax
      assert.ok(backtrackingRisk(p), `${p} passed`);
    });
  }

  for (const p of FINE) {
    it(`passes ${p}`, () => {
      const flags = p.includes('\\u{') ? 'u' : '';
      assert.equal(backtrackingRisk(p, flags), undefined);
    });
  }

  it('reads the i flag: (a|A)* overlaps only without case', () => {
    assert.equal(backtrackingRisk('(a|A)*$'), undefined);
    assert.ok(backtrackingRisk('(a|A)*$', 'i'));
  });

  it('names the parts at fault', () => {
    assert.match(backtrackingRisk('^(a+)+$') ?? '', /the repetition a\+ inside the repetition \(a\+\)\+/);
    assert.match(backtrackingRisk('(a|a)*') ?? '', /the alternatives of a\|a can match the same text/);
  });

  it('treats a pattern too deeply nested to read as unsafe, without running out of stack', () => {
    const deep = `${'('.repeat(5000)}a${')'.repeat(5000)}`;
    new RegExp(deep);
    assert.match(backtrackingRisk(deep) ?? '', /treated as if it had it/);
  });

  it('gives up on a pattern of a few hundred thousand characters with a verdict, not a stack overflow', () => {
    const long = `(?:(?:${'ab'.repeat(150_000)})|c)*`;
    new RegExp(long);
    assert.match(backtrackingRisk(long) ?? '', /to check for catastrophic backtracking, so it is treated as if it had it/);
  });

  it('compiles a safe pattern, and says why it refuses the others', () => {
    const ok = compileUserRegex('^\\d+$');
    assert.ok('regex' in ok && ok.regex.test('123'));
    assert.ok('invalid' in compileUserRegex('(5\\d{2}'));
    assert.ok('unsafe' in compileUserRegex('(a+)+$'));
  });
});

describe('regex: JSONPath filters that would run a regex', () => {
  it('finds regex literals and strings given to match() in filters, and leaves division alone', () => {
    assert.match(jsonPathRegexProblem('$[?(@.name.match(/(a+)+$/))]') ?? '', /\/\(a\+\)\+\$\/ is not run/);
    assert.match(jsonPathRegexProblem('$[?(/(x+x+)+y/.test(@.n))]') ?? '', /is not run/);
    assert.match(jsonPathRegexProblem('$[?(@.n.match("(a|a)*$"))]') ?? '', /is not run/);
    assert.equal(jsonPathRegexProblem('$[?(@.name.match(/^ab+c$/i))]'), undefined);
    assert.equal(jsonPathRegexProblem('$[?(@.a / 2 > 1 && @.b / 4 < 3)]'), undefined);
    assert.equal(jsonPathRegexProblem('$.store.book[0].title'), undefined);
  });

  it('refuses a regex taken from the data', () => {
    assert.match(jsonPathRegexProblem('$[?(@.n.match(@.p))]') ?? '', /not written in the path/);
  });
});

describe('regex: apigw lint names every regex of the definition that could backtrack badly', () => {
  const api = (schema: object, template = '{"statusCode": 200}') =>
    JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'T', version: '1' },
      paths: { '/x': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': template }, responses: { default: { statusCode: '200' } } } } } },
    });
  const flagged = async (text: string) => (await lint(text, { name: 'api.json' })).filter((d) => d.code === 'apigw.regex.backtracking').map((d) => d.pointer);

  it('schema pattern and patternProperties names', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string', pattern: '^(\\w+\\s?)*$' } }, patternProperties: { '^(a|a)*$': { type: 'string' } } };
    assert.deepEqual((await flagged(api(schema))).sort(), ['/paths/~1x/post/requestBody/content/application~1json/schema/patternProperties/^(a|a)*$', '/paths/~1x/post/requestBody/content/application~1json/schema/properties/a/pattern'].sort());
    assert.deepEqual(await flagged(api({ type: 'object', properties: { a: { type: 'string', pattern: '^\\w+$' } }, patternProperties: { '^x-[a-z]+$': {} } })), []);
  });

  it('a pattern inside an example is data, not a regex', async () => {
    assert.deepEqual(await flagged(api({ type: 'object', example: { pattern: '(a+)+$' } })), []);
  });

  it('template regexes: String methods and JSONPath filters', async () => {
    const pointer = '/paths/~1x/post/x-amazon-apigateway-integration/requestTemplates/application~1json';
    assert.deepEqual(await flagged(api({}, "#if($input.params('q').matches('(x+x+)+y'))#end")), [pointer]);
    assert.deepEqual(await flagged(api({}, "$input.json('$.a[?(@.b.match(/(a|aa)+$/))]')")), [pointer]);
    assert.deepEqual(await flagged(api({}, "#if($input.params('q').matches('^[a-z]+$'))#end $input.json('$.a[?(@.b > 2)]')")), []);
  });
});
