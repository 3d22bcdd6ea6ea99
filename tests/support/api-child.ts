// The real API in a process of its own, for tests that kill it (tests/api/import-crash.test.ts):
//   tsx tests/support/api-child.ts   with CHILD_DATABASE_URL (the API's role) and CHILD_DATA_DIR
// Prints "LISTENING <base url>" once it answers.
import { createPrismaClient } from '../../server/src/database/prisma.service.ts';
import { startApi } from './api.ts';

const db = createPrismaClient(process.env.CHILD_DATABASE_URL!);
const api = await startApi(db, { dataDir: process.env.CHILD_DATA_DIR! });
console.log(`LISTENING ${api.baseUrl}`);
