// Usage: node ws-client.mjs <ws url> <authorization> <query> <results>
// Runs one operation with the graphql-ws client, prints each result as one JSON line, and stops (sending
// `complete`) after <results> results. A failure prints {"error": ...} and exits with 1.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [url, authorization, query, wanted] = process.argv.slice(2);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: authorization },
  retryAttempts: 0,
  lazy: false,
  onNonLazyError: () => {},
});

let received = 0;
try {
  for await (const result of client.iterate({ query })) {
    console.log(JSON.stringify(result));
    if (++received >= Number(wanted)) break;
  }
} catch (error) {
  const detail = error instanceof Error ? error.message : error?.code ? { code: error.code, reason: error.reason } : error;
  console.log(JSON.stringify({ error: detail }));
  process.exitCode = 1;
} finally {
  await client.dispose();
}
