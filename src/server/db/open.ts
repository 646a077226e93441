// Opens the platform database: DATABASE_URL when set, otherwise the embedded PostgreSQL in the data folder.
import type { Config } from '../config.js';
import { checkReachable } from './checks.js';
import { connectDatabase, type Database } from './client.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface OpenDatabase extends Database {
  /** Closes the pool, then stops the embedded server if this call started it. */
  shutdown(): Promise<void>;
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedDbPort'>,
  options: { log?: (line: string) => void; reuseRunning?: boolean } = {},
): Promise<OpenDatabase> {
  let stopEmbedded = async () => undefined as void;
  let url = config.databaseUrl;
  if (!url) {
    options.log?.(`starting the embedded PostgreSQL in ${config.dataDir}`);
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedDbPort,
      log: options.log,
      reuseRunning: options.reuseRunning,
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const database = connectDatabase(url);
  try {
    await checkReachable(database.pool, Boolean(config.databaseUrl));
  } catch (error) {
    await database.close();
    await stopEmbedded();
    throw error;
  }
  return {
    ...database,
    shutdown: async () => {
      await database.close().catch(() => undefined);
      await stopEmbedded();
    },
  };
}
