export interface ObservedError {
  /** What the service said, as reported in public issue threads; `...` and `<x>` mark the variable parts. */
  message: string;
  /** What causes it. */
  cause: string;
  /** Set when the text was only quoted second-hand. */
  verified?: false;
}

/** Error strings API Gateway returns on import or deployment, so messages can quote them. */
export const OBSERVED_ERRORS = {
  importWrapper: {
    message: "Errors found during import: Unable to put integration on '<METHOD>' for resource at path '<path>': <reason>",
    cause: 'The frame around integration errors; the reason is one of the messages below.',
  },
  noIntegration: {
    message: 'No integration defined for method',
    cause: 'A deployment was created while some method has no integration.',
  },
  noMethods: {
    message: "The REST API doesn't contain any methods",
    cause: 'A deployment was created for an API without any method.',
    verified: false,
  },
  invalidArn: {
    message: 'Invalid ARN specified in the request',
    cause: 'A malformed integration uri, for example a misspelled region or the wrong partition.',
  },
  missingPathOrAction: {
    message: 'AWS ARN for integration must contain path or action',
    cause: 'An aws or aws_proxy uri has neither `:path/` nor `:action/`.',
  },
  lambdaOtherAccount: {
    message: 'Lambda function ARN must be in same account',
    cause: 'The account in the Lambda function ARN differs from the API account.',
  },
  invalidAwsUri: {
    message: 'Invalid AWS URI',
    cause: 'The uri does not start with a valid partition, e.g. `arn:was:`.',
  },
  undeclaredMappingParameter: {
    message: 'Invalid mapping expression specified ... Invalid mapping expression parameter specified: method.request.header.<name>',
    cause: 'A mapping or cache key names a method request parameter that the operation does not declare.',
  },
} as const satisfies Readonly<Record<string, ObservedError>>;
