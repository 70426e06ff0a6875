// Usage: node webhook-receiver.mjs <statuses>, then the webhook's secret as the first line of standard input.
// A webhook receiver on a loopback port: prints {"port": N}, then one JSON line per request received, with the
// signature checked by the standardwebhooks library (the specification's reference implementation). It answers
// each request with the next of <statuses> (comma-separated; the last one repeats); a 3xx points elsewhere, and
// a request that follows it prints {"followed": true}; a status of 0 never answers (the request is held open).
import http from 'node:http';
import readline from 'node:readline';
import { Webhook } from 'standardwebhooks';

const [statuses] = process.argv.slice(2);
const plan = statuses.split(',').map(Number);
let hook;
readline.createInterface({ input: process.stdin }).once('line', (secret) => { hook = new Webhook(secret.trim()); });
let served = 0;

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    if (request.url === '/elsewhere') {
      console.log(JSON.stringify({ followed: true }));
      response.writeHead(200).end();
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const id = request.headers['webhook-id'];
    const timestamp = request.headers['webhook-timestamp'];
    const signature = request.headers['webhook-signature'] ?? '';
    // The timestamp is the server's test clock: the signature is checked, not the clock's tolerance.
    const expected = hook.sign(id, new Date(Number(timestamp) * 1000), body);
    const status = plan[Math.min(served++, plan.length - 1)];
    console.log(JSON.stringify({ id, timestamp: Number(timestamp), verified: signature.split(' ').includes(expected), status, body: JSON.parse(body) }));
    if (status === 0) {
      return;
    }
    response.writeHead(status, status >= 300 && status < 400 ? { location: '/elsewhere' } : {}).end();
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
