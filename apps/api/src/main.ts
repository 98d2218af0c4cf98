import 'reflect-metadata';
import { startPortal } from './boot.js';
import { ConfigError } from './config/config.schema.js';
import { formatDemoAccounts } from './demo/demo-seed.js';

try {
  const portal = await startPortal(process.env);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    portal.logger.info({ signal }, 'stopping');
    await portal.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (portal.demoAccounts.length > 0) console.log(formatDemoAccounts(portal.demoAccounts));
  console.log(`Portail MNPDDH prêt : ${portal.url}`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The portal could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
