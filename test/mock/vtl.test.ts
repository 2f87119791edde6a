import assert from 'node:assert/strict';
import { isPlainText, renderTemplate } from '../../core/src/mock/vtl/engine';
import { VtlInput } from '../../core/src/mock/vtl/input';
import { escapeJavaScript, urlDecode, urlEncode, VtlUtil } from '../../core/src/mock/vtl/util';

function render(template: string, body = '', params: { path?: Record<string, string>; querystring?: Record<string, string>; header?: Record<string, string> } = {}, context: Record<string, unknown> = {}) {
  return renderTemplate(template, {
    input: new VtlInput(body, { path: params.path ?? {}, querystring: params.querystring ?? {}, header: params.header ?? {} }),
    context: { responseOverride: { header: {} }, ...context },
    stageVariables: { env: 'test' },
    util: new VtlUtil(),
  });
}

// Expected outputs below come from the AWS API Gateway Developer Guide; each case names its page.
describe('VTL as API Gateway runs it', () => {
  const photos = {
    photos: {
      page: 1,
      pages: '1234',
      perpage: 100,
      total: '123398',
      photo: [
        { id: '12345678901', owner: '23456789@A12', secret: 'abc123d456', server: '1234', farm: 1, title: 'Sample photo 1', ispublic: 1, isfriend: 0, isfamily: 0 },
        { id: '23456789012', owner: '34567890@B23', secret: 'bcd234e567', server: '2345', farm: 2, title: 'Sample photo 2', ispublic: 1, isfriend: 0, isfamily: 0 },
      ],
    },
  };

  it('renders the output mapping template of "Photos example" (page example-photos) to its transformed data', () => {
    const template = [
      "#set($inputRoot = $input.path('$'))",
      '{',
      '  "photos": [',
      '#foreach($elem in $inputRoot.photos.photo)',
      '    {',
      '      "id": "$elem.id",',
      '      "owner": "$elem.owner",',
      '      "title": "$elem.title",',
      '      "ispublic": $elem.ispublic,',
      '      "isfriend": $elem.isfriend,',
      '      "isfamily": $elem.isfamily',
      '    }#if($foreach.hasNext),#end',
      '\t\t',
      '#end',
      '  ]',
      '}',
    ].join('\n');
    const expected = {
      photos: [
        { id: '12345678901', owner: '23456789@A12', title: 'Sample photo 1', ispublic: 1, isfriend: 0, isfamily: 0 },
        { id: '23456789012', owner: '34567890@B23', title: 'Sample photo 2', ispublic: 1, isfriend: 0, isfamily: 0 },
      ],
    };
    assert.deepEqual(JSON.parse(render(template, JSON.stringify(photos)).output), expected);
  });

  it('renders the input mapping template of "Photos example" (page example-photos) back to the original data', () => {
    const template = [
      "#set($inputRoot = $input.path('$'))",
      '{',
      '  "photos": {',
      '    "page": $inputRoot.photos.page,',
      '    "pages": "$inputRoot.photos.pages",',
      '    "perpage": $inputRoot.photos.perpage,',
      '    "total": "$inputRoot.photos.total",',
      '    "photo": [',
      '#foreach($elem in $inputRoot.photos.photo)',
      '      {',
      '        "id": "$elem.id", "owner": "$elem.owner", "secret": "$elem.secret", "server": "$elem.server",',
      '        "farm": $elem.farm, "title": "$elem.title",',
      '        "ispublic": $elem.ispublic, "isfriend": $elem.isfriend, "isfamily": $elem.isfamily',
      '      }#if($foreach.hasNext),#end',
      '#end',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(JSON.parse(render(template, JSON.stringify(photos)).output), photos);
  });

  it('parses stringified JSON with $util.parseJson (page api-gateway-mapping-template-reference, $util table)', () => {
    const payload = JSON.stringify({ errorMessage: JSON.stringify({ key1: 'var1', key2: { arr: [1, 2, 3] } }) });
    const template = "#set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))\n{\n   \"errorMessageObjKey2ArrVal\" : $errorMessageObj.key2.arr[0]\n}\n";
    assert.deepEqual(JSON.parse(render(template, payload).output), { errorMessageObjKey2ArrVal: 1 });
  });

  it('reads params and counts a map with $input.path(...).size() (page api-gateway-mapping-template-reference, "Example request and response using $input")', () => {
    const template = '{\n    "id" : "$input.params(\'id\')",\n    "count" : "$input.path(\'$.things\').size()"\n}';
    const out = render(template, '{"things": {"1": {}, "2": {}, "3": {}}}', { path: { id: 'abc' } }).output;
    assert.deepEqual(JSON.parse(out), { id: 'abc', count: '3' });
  });

  it('passes the query string and the body with $input.params and $input.json (page api-gateway-mapping-template-reference, "Example JSON mapping template using $input")', () => {
    const template = '{\n    "name" : "$input.params(\'name\')",\n    "body" : $input.json(\'$\') \n}';
    const out = render(template, '{"mykey": {"a": [1, 2]}}', { querystring: { name: 'Ann' } }).output;
    assert.deepEqual(JSON.parse(out), { name: 'Ann', body: { mykey: { a: [1, 2] } } });
    const sub = render('{"body" : $input.json(\'$.mykey\')}', '{"mykey": {"a": [1, 2]}}').output;
    assert.deepEqual(JSON.parse(sub), { body: { a: [1, 2] } });
  });

  it('passes every parameter through with the "Parameter mapping template example" (page api-gateway-mapping-template-reference)', () => {
    const template = [
      '#set($allParams = $input.params())',
      '{',
      '  "params" : {',
      '    #foreach($type in $allParams.keySet())',
      '    #set($params = $allParams.get($type))',
      '    "$type" : {',
      '      #foreach($paramName in $params.keySet())',
      '      "$paramName" : "$util.escapeJavaScript($params.get($paramName))"',
      '      #if($foreach.hasNext),#end',
      '      #end',
      '    }',
      '    #if($foreach.hasNext),#end',
      '    #end',
      '  }',
      '}',
    ].join('\n');
    const out = render(template, '', { path: { id: '7' }, querystring: { q: 'x' }, header: { Accept: 'application/json' } }).output;
    assert.deepEqual(JSON.parse(out), { params: { path: { id: '7' }, querystring: { q: 'x' }, header: { Accept: 'application/json' } } });
  });

  it("undoes escaped single quotes with replaceAll as the $util.escapeJavaScript entry advises (page api-gateway-mapping-template-reference)", () => {
    const out = render('$util.escapeJavaScript($input.path(\'$.s\')).replaceAll("\\\\\'","\'")', JSON.stringify({ s: 'It\'s "x"' })).output;
    assert.equal(out, 'It\'s \\"x\\"');
  });

  it('sets $context.responseOverride.status when the body holds an error (page apigateway-override-request-response-parameters)', () => {
    const context: Record<string, unknown> = { responseOverride: { header: {} } };
    const template = '#set($inputRoot = $input.path(\'$\'))\n$input.json("$")\n#if($inputRoot.toString().contains("error"))\n#set($context.responseOverride.status = 400)\n#end\n';
    const body = '{"errors": [{"key": "GetPetRequest.petId", "message": "The value is out of range."}]}';
    const out = render(template, body, {}, context).output;
    assert.deepEqual(JSON.parse(out), JSON.parse(body));
    assert.equal((context.responseOverride as { status: unknown }).status, 400);
  });

  it('builds a header from two others with $context.requestOverride (page apigateway-override-request-response-parameters)', () => {
    const context: Record<string, unknown> = { requestOverride: { header: {}, path: {}, querystring: {} } };
    const template = [
      '#set($header1Override = "foo")',
      '#set($header3Value = "$input.params(\'header1\')$input.params(\'header2\')")',
      '$input.json("$")',
      '#set($context.requestOverride.header.header3 = $header3Value)',
      '#set($context.requestOverride.header.header1 = $header1Override)',
    ].join('\n');
    render(template, '{}', { header: { header1: 'header1Val', header2: 'header2Val' } }, context);
    assert.deepEqual((context.requestOverride as { header: unknown }).header, { header3: 'header1Valheader2Val', header1: 'foo' });
  });
});

describe('VTL traps API Gateway users hit', () => {
  it('$input.path returns the value (a number stays a number), $input.json returns JSON text', () => {
    const body = '{"n": 42, "s": "text", "o": {"a": 1}}';
    assert.equal(render("#set($x = $input.path('$.n') + 1)$x", body).output, '43');
    assert.equal(render("$input.json('$.n')|$input.json('$.s')|$input.json('$.o')", body).output, '42|"text"|{"a":1}');
    assert.equal(render("$input.path('$.s')", body).output, 'text');
  });

  it('prints a JSON object the Java way ({a=1}) and a JSON array as JSON', () => {
    const body = '{"a": 1, "b": [{"c": 5}], "m": {"k": "v"}}';
    assert.equal(render("$input.path('$')", body).output, '{a=1, b=[{"c":5}], m={k=v}}');
    assert.equal(render("$input.path('$.b')", body).output, '[{"c":5}]');
    assert.equal(render('#set($l = [1, "x"])$l', body).output, '[1, x]');
  });

  it('returns a list for a path that is not definite', () => {
    const body = '{"items": [{"id": 1}, {"id": 2}]}';
    assert.equal(render("$input.json('$.items[*].id')", body).output, '[1,2]');
    assert.equal(render("$input.json('$.items[0].id')", body).output, '1');
  });

  it('looks a parameter up in path, then query string, then headers', () => {
    const params = { path: { id: 'p' }, querystring: { id: 'q', only: 'q2' }, header: { 'X-Only': 'h' } };
    assert.equal(render("$input.params('id') $input.params('only') $input.params('x-only') [$input.params('none')]", '', params).output, 'p q2 h []');
  });

  it('reads an empty body as {}', () => {
    assert.equal(render("$input.body|$input.json('$')", '').output, '{}|{}');
  });

  it('stops #foreach after 1000 iterations and says so', () => {
    const list = JSON.stringify({ items: Array.from({ length: 1500 }, (_, i) => i) });
    const result = render("#set($n = 0)#foreach($i in $input.path('$.items'))#set($n = $n + 1)#end$n", list);
    assert.equal(result.output, '1000');
    assert.match(result.notes.join(), /1000 iterations/);
  });

  it('offers the Java String methods templates call', () => {
    const out = render("#set($s = 'a-b-c')$s.length() $s.replaceAll('-', '+') $s.split('-').size() $s.contains('b') $s.matches('[a-c-]+') $s.equalsIgnoreCase('A-B-C')", '').output;
    assert.equal(out, '5 a+b+c 3 true true true');
  });

  it('reads stage variables in the three documented forms', () => {
    assert.equal(render("$stageVariables.env $stageVariables['env'] ${stageVariables['env']}", '').output, 'test test test');
  });

  it('fails on a template syntax error, as API Gateway fails the request', () => {
    assert.throws(() => render('#if($x', ''));
  });

  // renderMapping prints such templates without the engine; this pins that the engine agrees.
  it('prints a template without $ or # exactly as written', () => {
    const plain = ['{"statusCode": 200}', '', '  {\n\t"a": "b\\\\c", "q": "\'x\'"}\r\n', 'é ✓ \\ \\n {{ }} <xml attr="1"/>', '{"list": [1, 2.5, true, null]}'];
    for (const template of plain) {
      assert.equal(isPlainText(template), true, template);
      assert.equal(render(template, '{"ignored": 1}').output, template);
    }
    for (const template of ['$input.body', '#set($a = 1)', '{"x": "\\$notAReference"}', '## a comment']) assert.equal(isPlainText(template), false, template);
  });
});

describe('$util functions', () => {
  it('escapeJavaScript escapes like Commons Lang: quotes, slash, control and non-ASCII characters', () => {
    assert.equal(escapeJavaScript('a"b\'c/d\\e\nf\tg'), 'a\\"b\\\'c\\/d\\\\e\\nf\\tg');
    assert.equal(escapeJavaScript('é\u0001'), '\\u00E9\\u0001');
  });

  it('urlEncode and urlDecode follow application/x-www-form-urlencoded', () => {
    assert.equal(urlEncode('a b&c=d~*é'), 'a+b%26c%3Dd%7E*%C3%A9');
    assert.equal(urlDecode('a+b%26c'), 'a b&c');
  });

  it('base64Encode and base64Decode round-trip UTF-8', () => {
    const util = new VtlUtil();
    assert.equal(util.base64Encode('héllo'), 'aMOpbGxv');
    assert.equal(util.base64Decode('aMOpbGxv'), 'héllo');
  });
});
