import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A smart-HTTP git server for one bare repository, in its own node process (runAction's spawnSync
 * blocks this one): every GET is that repository's `info/refs`, every POST its `git-upload-pack`,
 * whatever the path (`git http-backend` as CGI), so a URL whose path or query git sends oddly is
 * still served. Read-only; 127.0.0.1 only.
 */
const SERVER = `
const { createServer } = require('node:http');
const { spawn } = require('node:child_process');
const repo = process.argv[1];
const server = createServer((req, res) => {
  const post = req.method === 'POST';
  const env = { ...process.env, GIT_PROJECT_ROOT: repo, GIT_HTTP_EXPORT_ALL: '1', PATH_INFO: post ? '/git-upload-pack' : '/info/refs',
    QUERY_STRING: post ? '' : 'service=git-upload-pack', REQUEST_METHOD: req.method, CONTENT_TYPE: req.headers['content-type'] || '',
    GIT_PROTOCOL: req.headers['git-protocol'] || '', HTTP_CONTENT_ENCODING: req.headers['content-encoding'] || '' };
  const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  req.pipe(cgi.stdin);
  let head = Buffer.alloc(0), body = false;
  cgi.stdout.on('data', (chunk) => {
    if (body) return void res.write(chunk);
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\\r\\n\\r\\n');
    if (end < 0) return;
    for (const line of head.subarray(0, end).toString().split('\\r\\n')) {
      const colon = line.indexOf(':');
      if (line.slice(0, colon).toLowerCase() === 'status') res.statusCode = parseInt(line.slice(colon + 1), 10);
      else res.setHeader(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    body = true;
    res.write(head.subarray(end + 4));
  });
  cgi.stdout.on('end', () => res.end());
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

export interface SmartHttp {
  /** `127.0.0.1:<port>` */
  hostPort: string;
  stop: () => void;
}

export async function serveOverHttp(bareDir: string): Promise<SmartHttp> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER, bareDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { hostPort: `127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill() };
}
