import { CONFIG_FILE } from '../config/apigwConfig';

/*
 * The help of deploy, diff and rollback, apart from the commands themselves: those load the
 * AWS SDK, which `apigw lint` and `apigw mock` should not pay for at start-up.
 */

const TARGET_OPTIONS = `  --stage NAME               the stage (required)
  --api-id ID                the API, by id
  --api-name NAME            the API, by name (default: the stage's apiId/apiName in the config, else info.title)
  --region R                 AWS region (default: the stage's, the profile's, or AWS_REGION)
  --profile P                named profile of ~/.aws/config, SSO profiles included (default: the SDK's default chain)
  --endpoint URL             another API Gateway endpoint, e.g. http://localhost:4566 for LocalStack
  --config FILE              config file (default: ${CONFIG_FILE} beside the definition)
  --api-kind auto|rest|http  REST API or HTTP API (default: detected from the file)
  --allow-remote-refs        follow $refs to http(s) URLs`;

export const DEPLOY_USAGE = `Usage: apigw deploy [options] <api.yaml> --stage <name>

Lints the definition (one with errors is not deployed), imports it into API Gateway
(ImportRestApi or PutRestApi; HTTP APIs: ImportApi or ReimportApi), deploys it to the stage,
applies the stage's settings from apigw.config.json and prints the invoke URL.

Options:
${TARGET_OPTIONS}
  --mode overwrite|merge     how an existing REST API is updated (default: merge)
  --fail-on-warnings         roll the import back if API Gateway warns
  --dry-run                  change nothing: show the target, the stage settings and what differs from the stage
  --yes                      confirm a protected stage (its name is then asked for)
  --confirm-stage NAME       the protected stage's name, given ahead (no terminal, e.g. CI)
  --format text|json         output format (default: text)
  -h, --help                 show this help

Exit status: 0 deployed, 1 not deployed (lint errors, import rejected, AWS failure),
2 usage error or a protected stage not confirmed.
`;

export const DIFF_USAGE = `Usage: apigw diff [options] <api.yaml> --stage <name>

Compares the definition with what the stage serves (its export, with integrations and
authorizers), both normalised: references resolved, enum case, defaults and fields AWS
adds left out. Summarises resources, methods, integrations, authorizers and models
added, removed and changed.

Options:
${TARGET_OPTIONS}
  --mode overwrite|merge     the mode a deploy would use, for how removals are worded (default: the stage's)
  --format text|json         output format; json includes both normalised definitions (default: text)
  -h, --help                 show this help

Exit status: 0 no differences, 1 differences, 2 usage error or AWS failure.
`;

export const ROLLBACK_USAGE = `Usage: apigw rollback [options] <api.yaml> --stage <name>

Points the stage back at the deployment it served before the last apigw deploy (recorded in
that deployment's description), or at the one named with --to. The definition file tells
which API (its kind and name) and reads the stage's config.

Options:
${TARGET_OPTIONS}
  --to DEPLOYMENT_ID         the deployment to return to
  --yes                      confirm a protected stage (its name is then asked for)
  --confirm-stage NAME       the protected stage's name, given ahead (no terminal, e.g. CI)
  -h, --help                 show this help

Exit status: 0 rolled back, 1 AWS failure, 2 usage error, nothing to return to, or a protected stage not confirmed.
`;
