// Usage: node sse-client.mjs <url> <authorization> <query> <results>
// Runs one operation with the graphql-sse client in distinct connections mode, prints each result as one JSON
// line, and stops (closing the stream) after <results> results or at the stream's end. A failure prints
// {"error": ...} and exits with 1.
import { createClient } from 'graphql-sse';

const [url, authorization, query, wanted] = process.argv.slice(2);
const client = createClient({ url, headers: { Authorization: authorization }, singleConnection: false, retryAttempts: 0 });

let received = 0;
try {
  for await (const result of client.iterate({ query })) {
    console.log(JSON.stringify(result));
    if (++received >= Number(wanted)) break;
  }
} catch (error) {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
} finally {
  client.dispose();
}
