import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, envWithAitrailOnPath } from '../helpers/cli.js';
import { TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { commit, evilTarball, expectLocalRuns, home, lock, lockedRepo, npm, run } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound, PNPM_PATH } from '../helpers/pnpm.js';

/**
 * Row 855: 833 takes a lock's `resolved` `https://registry.npmjs.org/aitrail/-/aitrail-<v>.tgz` for the public
 * registry's, but a committed `.npmrc` saying `https-proxy=` (or `proxy=`) with `strict-ssl=false` (or `cafile=` a
 * committed CA) sends npm through the repository's proxy, which answers for registry.npmjs.org with its own tarball
 * (the lock's integrity is the repository's too). A project's proxy or TLS line is now judged as its `registry=` is
 * (row 803): the person's only as the very same line of their own ~/.npmrc. Real npm 11, a real TLS-terminating
 * proxy on 127.0.0.1 (a self-signed certificate for registry.npmjs.org, openssl), the real hooks init installs.
 */

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
const PUBLIC = 'https://registry.npmjs.org/aitrail/-/aitrail-';

interface Proxy {
  url: string;
  log: string;
  ca: string;
  stop: () => void;
}

/** An HTTP proxy on 127.0.0.1 answering CONNECT with TLS as any host (its own certificate) and every request with `tgz`'s bytes; each request line logged. */
async function mitm(tgz: string): Promise<Proxy> {
  const dir = tempDir('aitrail-mitm-');
  const key = join(dir, 'key.pem');
  const ca = join(dir, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', ca, '-days', '2', '-subj', '/CN=registry.npmjs.org', '-addext', 'subjectAltName=DNS:registry.npmjs.org'], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  const log = join(dir, 'log');
  writeFileSync(log, '');
  const code = `const fs=require('fs');const t=fs.readFileSync(${JSON.stringify(tgz)});const w=(m)=>fs.appendFileSync(${JSON.stringify(log)},m+'\\n');
const tls=require('https').createServer({key:fs.readFileSync(${JSON.stringify(key)}),cert:fs.readFileSync(${JSON.stringify(ca)})},(q,r)=>{w('tls '+q.url);r.end(t)});
const s=require('http').createServer((q,r)=>{w('http '+q.url);r.end(t)});
s.on('connect',(q,c)=>{w('connect '+q.url);c.write('HTTP/1.1 200 Connection Established\\r\\n\\r\\n');tls.emit('connection',c)});
s.listen(0,'127.0.0.1',()=>console.log(s.address().port));`;
  const server = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((done) => server.stdout!.once('data', (chunk: Buffer) => done(Number(String(chunk).trim()))));
  return { url: `http://127.0.0.1:${port}/`, log, ca, stop: () => server.kill() };
}

let evil: Proxy | undefined;
let evilMarker = '';
let evilTgz = '';
let honest: Proxy | undefined;
let honestTgz = '';

beforeAll(async () => {
  if (!npmFound || !openssl) return;
  ({ tgz: evilTgz, marker: evilMarker } = evilTarball());
  evil = await mitm(evilTgz);
  honestTgz = honestAitrail(tempDir('aitrail-honest-')).tarball;
  honest = await mitm(honestTgz);
});

afterAll(() => {
  evil?.stop();
  honest?.stop();
});

describe.skipIf(!npmFound || !openssl)("a committed .npmrc's proxy or TLS setting: the public registry's URL in the lock, the repository's server behind it (row 855)", () => {
  it.each([
    ['https-proxy, strict-ssl=false', (p: Proxy) => `https-proxy=${p.url}\nstrict-ssl=false\n`],
    ['proxy, cafile= a committed CA', (p: Proxy) => `proxy=${p.url}\ncafile=ca.pem\n`],
  ])('%s: npm ci fetched the proxy\'s "aitrail"; refused, the global aitrail refuses Qwen; alone, init and the commit say .npmrc', (_name, npmrc) => {
    const repo = lockedRepo('9.9.9', 'package-lock.json', lock('9.9.9', `${PUBLIC}9.9.9.tgz`, evilTgz));
    repo.write('.npmrc', npmrc(evil!));
    repo.write('ca.pem', readFileSync(evil!.ca, 'utf8'));
    repo.git(['add', '.npmrc', 'ca.pem']);
    repo.git(['commit', '-q', '-m', 'proxy']);
    const homeDir = home('');
    npm(repo, homeDir, ['ci']);
    // The replay: npm asked the repository's proxy for the public registry's tarball and recorded the public URL.
    expect(readFileSync(evil!.log, 'utf8')).toContain('tls /aitrail/-/aitrail-9.9.9.tgz');
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain(`"resolved": "${PUBLIC}9.9.9.tgz"`);
    const env = { ...envWithAitrailOnPath(), HOME: homeDir };
    const init = run(repo, env, [process.execPath, BIN, 'init', '--mode', 'git']);
    expect(`${init.stdout}${init.stderr}`).not.toMatch(/The hooks run node_modules\/\.bin\/aitrail/);
    const denied = commit(repo, env, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain("not running node_modules/.bin/aitrail: it was installed from the registry the project's .npmrc names, or through its proxy or TLS setting");
    expect(denied.stderr).toContain('model-denied');
    expect(existsSync(evilMarker)).toBe(false);
    const aloneEnv = { ...TEST_GIT_ENV, PATH: PNPM_PATH, HOME: homeDir };
    const said = run(repo, aloneEnv, [process.execPath, BIN, 'init', '--mode', 'git']);
    expect(`${said.stdout}${said.stderr}`).toContain("Warning: the hooks will not run node_modules/.bin/aitrail: it was installed from the registry the project's .npmrc names (or through a proxy or TLS setting it names");
    const alone = commit(repo, aloneEnv, 'openai/gpt-5');
    expect(alone.status).not.toBe(0);
    expect(alone.stderr).toContain("commit blocked: node_modules/.bin/aitrail was installed from the registry the project's .npmrc names (or through a proxy or TLS setting it names");
    expect(existsSync(evilMarker)).toBe(false);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('proxy');
  });

  it("a company's proxy committed in .npmrc and named in the person's own ~/.npmrc too (and a noproxy line): their aitrail runs", () => {
    const repo = lockedRepo('1.0.0', 'package-lock.json', lock('1.0.0', `${PUBLIC}1.0.0.tgz`, honestTgz));
    const lines = `https-proxy=${honest!.url}\nstrict-ssl=false\n`;
    repo.write('.npmrc', `${lines}noproxy=localhost\n`);
    repo.git(['add', '.npmrc']);
    repo.git(['commit', '-q', '-m', 'proxy']);
    const homeDir = home(`  ${lines.replace('\n', '  \n')}`);
    npm(repo, homeDir, ['ci']);
    expect(readFileSync(honest!.log, 'utf8')).toContain('tls /aitrail/-/aitrail-1.0.0.tgz');
    expectLocalRuns(repo, homeDir);
  });
});
