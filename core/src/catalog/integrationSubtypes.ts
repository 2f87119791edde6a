export interface IntegrationSubtypeParameters {
  /** `requestParameters` keys that must be present. */
  required: readonly string[];
  /** `requestParameters` keys that may be present; any other key is unknown to the service. */
  optional: readonly string[];
}

/**
 * HTTP API first-class AWS service integrations (`type: aws_proxy` + `integrationSubtype`),
 * keyed by the exact `integrationSubtype` spelling. All of them are version 1.0, so their
 * `payloadFormatVersion` is "1.0".
 */
export const INTEGRATION_SUBTYPES: Readonly<Record<string, IntegrationSubtypeParameters>> = {
  'EventBridge-PutEvents': { required: ['Detail', 'DetailType', 'Source'], optional: ['Time', 'EventBusName', 'Resources', 'Region', 'TraceHeader'] },
  'SQS-SendMessage': {
    required: ['QueueUrl', 'MessageBody'],
    optional: ['DelaySeconds', 'MessageAttributes', 'MessageDeduplicationId', 'MessageGroupId', 'MessageSystemAttributes', 'Region'],
  },
  'SQS-ReceiveMessage': {
    required: ['QueueUrl'],
    optional: ['AttributeNames', 'MaxNumberOfMessages', 'MessageAttributeNames', 'ReceiveRequestAttemptId', 'VisibilityTimeout', 'WaitTimeSeconds', 'Region'],
  },
  'SQS-DeleteMessage': { required: ['ReceiptHandle', 'QueueUrl'], optional: ['Region'] },
  'SQS-PurgeQueue': { required: ['QueueUrl'], optional: ['Region'] },
  'AppConfig-GetConfiguration': { required: ['Application', 'Environment', 'Configuration', 'ClientId'], optional: ['ClientConfigurationVersion', 'Region'] },
  'Kinesis-PutRecord': { required: ['StreamName', 'Data', 'PartitionKey'], optional: ['SequenceNumberForOrdering', 'ExplicitHashKey', 'Region'] },
  'StepFunctions-StartExecution': { required: ['StateMachineArn'], optional: ['Name', 'Input', 'Region'] },
  'StepFunctions-StartSyncExecution': { required: ['StateMachineArn'], optional: ['Name', 'Input', 'Region', 'TraceHeader'] },
  'StepFunctions-StopExecution': { required: ['ExecutionArn'], optional: ['Cause', 'Error', 'Region'] },
};

export const INTEGRATION_SUBTYPE_NAMES: readonly string[] = Object.keys(INTEGRATION_SUBTYPES);

/** The payload format every subtype integration uses. */
export const SUBTYPE_PAYLOAD_FORMAT_VERSION = '1.0';
