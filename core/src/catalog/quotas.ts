/** Ranges and limits that checks compare against. Sizes in bytes unless the name says otherwise. */
export const QUOTAS = {
  /** REST `timeoutInMillis`; Regional and private APIs can have the maximum raised, edge-optimized ones cannot. */
  timeoutInMillisRest: { min: 50, max: 29_000, default: 29_000 },
  /** REST `timeoutInMillis` when `responseTransferMode` is STREAM (up to 15 minutes). */
  timeoutInMillisRestStreaming: { min: 50, max: 900_000 },
  timeoutInMillisHttp: { min: 50, max: 30_000, default: 30_000 },
  /** `authorizerResultTtlInSeconds`; 0 turns caching off. The default is REST's. */
  authorizerTtlSeconds: { min: 0, max: 3_600, default: 300 },
  /** Stage and method cache TTL. */
  cacheTtlSeconds: { min: 0, max: 3_600, default: 300 },
  minimumCompressionSize: { min: 0, max: 10_485_760 },
  corsMaxAgeSeconds: { min: -1, max: 86_400 },
  /** Length of `x-amazon-apigateway-policy` once serialized. */
  resourcePolicyChars: 8_192,
  documentationPartsPerApi: 2_000,
  mappingTemplateBytes: 300 * 1024,
  vtlForeachIterations: 1_000,
  modelSchemaBytes: 400 * 1024,
  restImportFileBytes: 6 * 1024 * 1024,
  payloadBytes: 10 * 1024 * 1024,
  restResourcesPerApi: 300,
  httpRoutesPerApi: 300,
  httpIntegrationsPerApi: 300,
  authorizersPerApi: 10,
  stagesPerApi: 10,
  stageVariablesPerStage: 100,
  restStageVariableNameChars: 64,
  restStageVariableValueChars: 512,
  /** The v2 service model lets HTTP API stage variable values be this long. */
  httpStageVariableValueChars: 2_048,
  jwtAudiencesPerAuthorizer: 50,
  httpScopesPerRoute: 10,
  httpAuthorizationScopeChars: { min: 1, max: 64 },
  httpMappingValueChars: { min: 1, max: 512 },
  httpIntegrationUriChars: { min: 1, max: 2_048 },
  jwtIssuerChars: { min: 1, max: 2_048 },
  tlsServerNameChars: { min: 1, max: 512 },
  integrationSubtypeChars: { min: 1, max: 128 },
  corsAllowMethodChars: { min: 1, max: 64 },
  httpTagValueChars: 1_600,
  restTagKeyChars: 128,
  restTagValueChars: 256,
  /** Bytes of all request header values of a REST API (private APIs have a smaller limit of unknown size). */
  restHeaderValuesBytes: 10_240,
  httpRequestLineAndHeadersBytes: 10_240,
  /** A method ARN used with authorization longer than this gets a 414. */
  methodArnWithAuthBytes: 1_600,
  urlLengthEdge: 8_192,
  urlLengthRegional: 10_240,
  cachedResponseBytes: 1024 * 1024,
  httpLambdaAuthorizerTimeoutMs: 10_000,
  httpAccessLogTemplateBytes: 3 * 1024,
} as const;
