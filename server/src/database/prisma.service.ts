import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

const urls = new WeakMap<PrismaClient, string>();

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  const client = new PrismaClient({ adapter });
  urls.set(client, databaseUrl);
  return client;
}

/** The connection string a client was made with, for the few things that need a connection of their own (LISTEN). */
export function databaseUrlOf(db: Db): string | undefined {
  return urls.get(db);
}

/** DI token for the one PrismaClient of the API process. */
export const PRISMA = Symbol('PRISMA');
