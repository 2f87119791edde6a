import assert from 'node:assert/strict';
import type { IGrammar } from 'vscode-textmate';
import { loadGrammar, standInGrammars, tokenize, vscodeGrammars, type Token } from '../support/textmate';

const EXTENSION = 'support.type.extension.apigw';
const DIRECTIVE = 'keyword.control.directive.vtl';
const API_VARIABLE = 'variable.language.apigw.vtl';

const YAML = `openapi: 3.0.1
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: |
            #set($id = $input.params('id'))
            {"id": "$id", "requestId": "$context.requestId"}
            #if($input.body != "")
            #elseif($util.escapeJavaScript($input.body) == "x")
            #else
            #end
            #foreach($h in $input.params().header.keySet())#end
          text/plain: '$stageVariables.greeting'
        responses:
          default:
            statusCode: "200"
            responseTemplates: {application/json: '{"stage": "$context.stage"}'}
servers:
  - url: https://example.com
    x-amazon-apigateway-endpoint-configuration: {disableExecuteApiEndpoint: true}
info:
  description: "$context.requestId stays plain text outside templates"
`;

const JSON_TEXT = `{
  "paths": {"/a": {"get": {
    "x-amazon-apigateway-integration": {
      "type": "mock",
      "requestTemplates": {"application/json": "#set($x = $input.json('$'))\\n{\\"id\\": \\"$context.requestId\\"}"},
      "responses": {"default": {"statusCode": "200", "responseTemplates": {"text/plain": "#if($input.body)yes#else no#end"}}}
    }
  }}},
  "info": {"description": "$context.requestId"}
}`;

/** The scopes of the first token on line `line` whose text starts with `text`, leading blanks aside. */
function scopes(tokens: Token[][], line: number, text: string): string[] {
  const token = tokens[line].find((t) => t.text.trimStart().startsWith(text));
  assert.ok(token, `no token '${text}' on line ${line}: ${JSON.stringify(tokens[line].map((t) => t.text))}`);
  return token.scopes;
}

function has(tokens: Token[][], line: number, text: string, scope: string): void {
  assert.ok(scopes(tokens, line, text).includes(scope), `'${text}' on line ${line} lacks ${scope}: ${scopes(tokens, line, text).join(' ')}`);
}

function lacks(tokens: Token[][], line: number, text: string, scope: string): void {
  assert.ok(!scopes(tokens, line, text).some((s) => s.startsWith(scope)), `'${text}' on line ${line} has ${scope}: ${scopes(tokens, line, text).join(' ')}`);
}

function grammarSuite(name: string, grammars: () => Map<string, string> | undefined): void {
  describe(`injection grammar over ${name}`, () => {
    let yaml: IGrammar;
    let json: IGrammar;

    before(async function () {
      const hosts = grammars();
      if (!hosts) {
        console.log('      skipped: set APIGW_VSCODE_EXTENSIONS to the extensions folder of a VS Code install');
        this.skip();
      }
      yaml = await loadGrammar('source.yaml', hosts);
      json = await loadGrammar('source.json', hosts);
    });

    it('marks x-amazon-apigateway-* keys in YAML, at the start of a line and after a sequence marker', () => {
      const t = tokenize(yaml, YAML);
      has(t, 4, 'x-amazon-apigateway-integration', EXTENSION);
      has(t, 22, 'x-amazon-apigateway-endpoint-configuration', EXTENSION);
      lacks(t, 5, 'type', EXTENSION);
    });

    it('highlights VTL directives and variables inside YAML requestTemplates and responseTemplates', () => {
      const t = tokenize(yaml, YAML);
      has(t, 8, '#set', DIRECTIVE);
      has(t, 8, 'input', API_VARIABLE);
      has(t, 9, 'context', API_VARIABLE);
      has(t, 10, '#if', DIRECTIVE);
      has(t, 11, '#elseif', DIRECTIVE);
      has(t, 11, 'util', API_VARIABLE);
      has(t, 12, '#else', DIRECTIVE);
      has(t, 13, '#end', DIRECTIVE);
      has(t, 14, '#foreach', DIRECTIVE);
      has(t, 15, 'stageVariables', API_VARIABLE);
      has(t, 19, 'context', API_VARIABLE);
      has(t, 9, '{"id"', 'string.unquoted.block.yaml');
    });

    it('ends the template region where the indentation does, and leaves other strings alone', () => {
      const t = tokenize(yaml, YAML);
      lacks(t, 16, 'responses', 'meta.apigw.templates');
      lacks(t, 24, '$context', API_VARIABLE);
    });

    it('leaves the host grammar in step: nothing marked invalid, keys after extensions and templates still keys', () => {
      for (const [grammar, text] of [
        [yaml, YAML],
        [json, JSON_TEXT],
      ] as const) {
        const invalid = tokenize(grammar, text).flatMap((line, i) => line.filter((t) => t.scopes.some((s) => s.startsWith('invalid'))).map((t) => `${i}: ${t.text}`));
        assert.deepEqual(invalid, []);
      }
      const t = tokenize(yaml, YAML);
      has(t, 5, 'type', 'entity.name.tag.yaml');
      has(t, 16, 'responses', 'entity.name.tag.yaml');
      has(t, 23, 'info', 'entity.name.tag.yaml');
    });

    it('marks extension keys and highlights VTL in JSON templates, escapes included', () => {
      const t = tokenize(json, JSON_TEXT);
      has(t, 2, 'x-amazon-apigateway-integration', EXTENSION);
      lacks(t, 3, 'type', EXTENSION);
      has(t, 4, '#set', DIRECTIVE);
      has(t, 4, 'input', API_VARIABLE);
      has(t, 4, '\\n', 'constant.character.escape.json');
      has(t, 4, 'context', API_VARIABLE);
      has(t, 5, '#if', DIRECTIVE);
      has(t, 5, '#else', DIRECTIVE);
      lacks(t, 8, '$context', API_VARIABLE);
    });
  });
}

grammarSuite('stand-in YAML and JSON grammars', standInGrammars);
grammarSuite("VS Code's YAML and JSON grammars", vscodeGrammars);
