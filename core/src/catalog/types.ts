/** REST = API Gateway v1 REST API; HTTP = API Gateway v2 HTTP API. WebSocket APIs are out of scope. */
export type ApiKind = 'REST' | 'HTTP';

/** Where an extension may be written. */
export type Placement = 'root' | 'pathItem' | 'operation' | 'securityScheme' | 'server' | 'components' | 'tag';

/**
 * Named string formats. Most are one regex of REGEX (patterns.ts) with the same name, matched
 * after `${stageVariables.x}` and `${AWS::...}` have been replaced by sample values.
 */
export type FormatName =
  | 'lambdaInvokeUri'
  | 'lambdaStreamingUri'
  | 'lambdaFunctionArn'
  | 'awsServiceUri'
  | 'httpUrl'
  | 'elbListenerArn'
  | 'cloudMapServiceArn'
  | 'iamRoleArn'
  /** REGEX.iamRoleArn, or REGEX.callerCredentials (`arn:aws:iam::*:user/*`, the caller's own identity). */
  | 'integrationCredentials'
  /**
   * Any form an integration `uri` can take (Lambda invoke or streaming URI, function ARN, AWS
   * service URI, http(s) URL, listener or Cloud Map ARN); which one fits the type is a rule.
   */
  | 'integrationUri'
  | 'cognitoUserPoolArn'
  /** The value must compile as a regular expression. */
  | 'regex'
  | 'statusCode'
  | 'mediaType'
  /** Any absolute http(s) URL (REGEX.httpUrl), used for the JWT issuer. */
  | 'httpUri';

export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'map' | 'any';

/** What differs between REST and HTTP for one field, applied by `specForKind`. */
export type KindOverride = Pick<FieldSpec, 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'default'>;

export interface FieldSpec {
  type: ValueType;
  /** One or two sentences: what the field does and what to write. */
  doc: string;
  /** Unconditionally required in the kinds that honour the field; conditional requirements are rules, not data. */
  required?: boolean;
  /**
   * Canonical spellings as API Gateway documents them in OpenAPI. With `enumByKind`, this is
   * the union over both kinds: a value outside it is unknown to API Gateway, a value inside it
   * but outside `enumByKind[kind]` belongs to the other kind.
   */
  enum?: readonly string[];
  /** API Gateway accepts the enum values in any letter case (e.g. integration type aws_proxy / AWS_PROXY). */
  enumCaseInsensitive?: boolean;
  /** The values each kind honours, e.g. authorizer type. */
  enumByKind?: Partial<Record<ApiKind, readonly string[]>>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: string | number | boolean;
  /** Ranges and defaults that differ between REST and HTTP; they replace the plain ones for that kind. */
  byKind?: Partial<Record<ApiKind, KindOverride>>;
  /**
   * JSON types API Gateway is documented to take besides `type`, because its own examples write
   * them (e.g. `payloadFormatVersion: 1.0` as a bare number).
   */
  alsoAccepts?: readonly ValueType[];
  format?: FormatName;
  /** ECMAScript regex source for a constraint that has no named format. */
  pattern?: string;
  /** Honoured only by these kinds (others ignore it); absent means both. */
  apiKinds?: readonly ApiKind[];
  /**
   * Meaningful only when the `type` of the nearest enclosing object that has one (the integration
   * for `tlsConfig`) is one of these. Lower case; compare case-insensitively.
   */
  appliesTo?: readonly string[];
  /** Values to offer in completion where any string is allowed. */
  suggestions?: readonly string[];
  /** type 'array': spec of each item. */
  items?: FieldSpec;
  /** type 'object': the known properties. */
  properties?: Readonly<Record<string, FieldSpec>>;
  /** false: property names outside `properties` are reported. */
  additionalProperties?: boolean;
  /** type 'map': spec of each value. */
  values?: FieldSpec;
  /** type 'map': ECMAScript regex source every key must match. */
  keyPattern?: string;
  /** type 'map': what the keys are, for hover and messages. */
  keyDoc?: string;
  /** The fact behind this field is unconfirmed: checks built on it are warnings, never errors. */
  verified?: false;
  /** AWS page of a sub-object that has its own page (e.g. integration.responses). */
  page?: string;
  /** Name of that sub-object page, e.g. 'x-amazon-apigateway-integration.responses'. */
  title?: string;
}

export interface ExtensionSpec {
  /** Full key, e.g. 'x-amazon-apigateway-integration'. */
  name: string;
  apiKinds: readonly ApiKind[];
  /** Kinds listed in `apiKinds` whose support is not confirmed: checks for them are warnings. */
  unverifiedKinds?: readonly ApiKind[];
  placements: readonly Placement[];
  value: FieldSpec;
  /** One line, for completion lists. */
  summary: string;
  /** A short paragraph, for hover. */
  doc: string;
  /** AWS developer guide page. */
  page: string;
  verified?: false;
}
