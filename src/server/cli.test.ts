import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hindsight } from '../../test/support/server-process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-cli-errors-'));
const aFile = path.join(dataDir, 'a-file');
fs.writeFileSync(aFile, '');
let busyPort = 0;
const busy = net.createServer();
beforeAll(() => new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => ((busyPort = (busy.address() as net.AddressInfo).port), resolve()))));
afterAll(() => {
  busy.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// A data folder per case: the cases run at once, and concurrent first migrations of one SQLite file race.
const local = () => ({ HINDSIGHT_DATA_DIR: fs.mkdtempSync(path.join(dataDir, 'case-')), HINDSIGHT_HOST: '127.0.0.1', PORT: '0', HINDSIGHT_JOBS: 'off' });
const unreachablePostgres = { DATABASE_URL: 'postgres://hindsight:secret-password@127.0.0.1:1/hindsight' };
const admin = ['admin', 'create', '--email', 'ada@example.com', '--name', 'Ada', '--password', 'a long enough passphrase'];

// Defect 10 of issue 12: each start-up or command-line problem is one line naming it, and a non-zero exit.
const cases: Array<{ name: string; args: string[]; env?: () => Record<string, string>; code: number; says: RegExp }> = [
  { name: 'an unknown option', args: ['--bogus'], code: 2, says: /^Unknown option '--bogus'; run hindsight <command> --help/ },
  { name: 'an unknown option of serve', args: ['serve', '--port', '80'], code: 2, says: /^Unknown option '--port'/ },
  { name: 'an unknown option of admin create', args: ['admin', 'create', '--role', 'x'], code: 2, says: /^Unknown option '--role'/ },
  { name: 'backup without its file', args: ['backup'], code: 2, says: /^Usage: hindsight backup <file>$/m },
  { name: 'an unknown command', args: ['frobnicate'], code: 2, says: /^Unknown command "frobnicate"; run hindsight --help/ },
  { name: 'a port in use', args: ['serve'], env: () => ({ PORT: String(busyPort) }), code: 1, says: /^Cannot listen on 127\.0\.0\.1:\d+: the port is already in use/ },
  { name: 'an address the machine does not have', args: ['serve'], env: () => ({ HINDSIGHT_HOST: '192.0.2.1' }), code: 1, says: /^Cannot listen on 192\.0\.2\.1:0: this machine has no such address/ },
  { name: 'a host name that does not resolve', args: ['serve'], env: () => ({ HINDSIGHT_HOST: 'no-such-host.invalid' }), code: 1, says: /^Cannot listen on no-such-host\.invalid:0: the host name (does not resolve|could not be resolved)/ },
  { name: 'a data folder that cannot be written (SQLite)', args: ['serve'], env: () => ({ HINDSIGHT_DATA_DIR: path.join(aFile, 'data') }), code: 1, says: /^Cannot open the SQLite database .*a-file\/data\/hindsight\.db: .*HINDSIGHT_DATA_DIR/ },
  { name: 'the same for migrate', args: ['migrate'], env: () => ({ HINDSIGHT_DATA_DIR: path.join(aFile, 'data') }), code: 1, says: /^Cannot open the SQLite database/ },
  { name: 'an unreachable PostgreSQL for serve', args: ['serve'], env: () => unreachablePostgres, code: 1, says: /^Cannot reach the PostgreSQL database 127\.0\.0\.1:1\/hindsight: nothing listens there .*check DATABASE_URL/ },
  { name: 'an unreachable PostgreSQL for migrate', args: ['migrate'], env: () => unreachablePostgres, code: 1, says: /^Cannot reach the PostgreSQL database 127\.0\.0\.1:1\/hindsight: nothing listens there/ },
  { name: 'an unreachable PostgreSQL for admin create', args: admin, env: () => unreachablePostgres, code: 1, says: /^Cannot reach the PostgreSQL database 127\.0\.0\.1:1\/hindsight: nothing listens there/ },
  { name: 'a hexadecimal port', args: ['config'], env: () => ({ PORT: '0x10' }), code: 1, says: /PORT: must be a port number from 0 to 65535 \(decimal digits\)/ },
  { name: 'a port out of range', args: ['serve'], env: () => ({ PORT: '65536' }), code: 1, says: /PORT: must be a port number from 0 to 65535/ },
  { name: 'a CIDR prefix too long for IPv4', args: ['config'], env: () => ({ HINDSIGHT_TRUST_PROXY: '10.0.0.0/99' }), code: 1, says: /HINDSIGHT_TRUST_PROXY: must be true, false, a hop count or IP addresses\/CIDRs; not 10\.0\.0\.0\/99/ },
];

describe('the command line when something is wrong', () => {
  it.concurrent.each(cases)('$name: one line naming it, exit $code', { timeout: 60_000 }, async ({ args, env, code, says }) => {
    const result = await hindsight(args, { ...local(), ...env?.() });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain('secret-password');
    const lines = result.stderr.trim().split('\n');
    // A configuration problem is listed under its heading, one line per problem.
    expect(lines.length, result.stderr).toBe(lines[0] === 'Invalid configuration:' ? 2 : 1);
  });

  it.concurrent.each([
    [['serve', '--help'], /^Usage: hindsight serve\n/],
    [['migrate', '-h'], /^Usage: hindsight migrate\n/],
    [['admin', '--help'], /^Usage: hindsight admin create --email <email> --name <name> \[--password <password>\]/],
    [['admin', 'create', '--help'], /^Usage: hindsight admin create --email/],
    [['help'], /^Usage: hindsight <command> \[options\]/],
  ])('%j prints that help and exits 0', { timeout: 60_000 }, async (args, says) => {
    const result = await hindsight(args, local());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(says);
  });
});
