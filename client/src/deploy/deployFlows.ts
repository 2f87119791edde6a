/**
 * The deploy flows and the AWS SDK under them, bundled apart from the client (dist/deployFlows.js)
 * so that activating the extension neither loads nor parses them.
 */
export { runDeploy } from './deployFlow';
export { runCompare } from './compareFlow';
export { runRollback } from './rollbackFlow';
