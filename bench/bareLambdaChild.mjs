// One handler process of bareLambdaServer.mjs: runs the handler on each event it is sent and
// sends back the result as JSON, nothing more.
import { createRequire } from 'node:module';
import path from 'node:path';

const [handlerFile, exportName] = process.argv.slice(2);
const handler = createRequire(import.meta.url)(path.resolve(handlerFile))[exportName];
process.on('message', async (event) => process.send(JSON.stringify(await handler(event, {}))));
process.on('disconnect', () => process.exit(0));
process.send('ready');
