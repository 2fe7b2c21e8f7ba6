import fs from 'node:fs';
import { dropE2eDatabase } from './database.js';

/** Drops the run's PostgreSQL database (forcing the still-running server's connections closed) and its data folder. */
export default async function globalTeardown(): Promise<void> {
  const base = process.env.DATABASE_URL;
  const name = process.env.HINDSIGHT_E2E_DATABASE;
  if (base && name) await dropE2eDatabase(base, name);
  const dir = process.env.HINDSIGHT_E2E_DATA_DIR;
  if (dir && dir.includes('hindsight-e2e-')) fs.rmSync(dir, { recursive: true, force: true });
}
