// The calibration's bare `node:http` server: answers every request with a small JSON body.
import { createServer } from 'node:http';

const body = '{"data":{"ok":true}}';
createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body));
}).listen(Number(process.argv[2]), '127.0.0.1');
