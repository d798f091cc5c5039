/** Gateway entry point: configuration from the environment, then serve. */
import { runService } from '../runtime/entryPoint.js';
import { startGateway } from './server.js';
import { gatewaySettings } from './settings.js';

runService(async () => {
  const gateway = await startGateway({ ...gatewaySettings(process.env), log: (message) => console.log(message) });
  return { ...gateway, name: 'gateway' };
});
