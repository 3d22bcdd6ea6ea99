// `npm run openapi`: writes the OpenAPI response bodies again from the server's declarations
// (scripts/lib/openapi-responses.ts). Run it after changing what a route answers.
import { writeFileSync } from 'node:fs';
import { RESPONSES_FILE, documentResponses, serialize } from './lib/openapi-responses.ts';

const started = Date.now();
const map = documentResponses();
writeFileSync(RESPONSES_FILE, serialize(map));
console.log(`${Object.keys(map.operations).length} responses documented in ${RESPONSES_FILE} (${Date.now() - started} ms)`);
