/**
 * A throwaway PostgreSQL cluster for the bench, as `npm run test:pg` makes one: Debian's
 * `postgresql` binaries, a temporary folder, loopback only, a free port, stopped and removed
 * afterwards. Unlike the tests' cluster it keeps the default durability (fsync and synchronous
 * commit on): a 202 means what it means in production.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, registerCleanup } from './lib';

export interface Cluster {
  url: string;
  version: string;
  stop(): Promise<void>;
}

function binDir(): string | null {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config: look where Debian puts the server
  }
  if (!existsSync('/usr/lib/postgresql')) return null;
  const versions = readdirSync('/usr/lib/postgresql').sort();
  for (const version of versions.reverse()) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return null;
}

/** Starts the cluster, or says why it cannot (null with a reason). */
export async function startCluster(): Promise<Cluster | { unavailable: string }> {
  const bin = binDir();
  if (!bin) return { unavailable: 'PostgreSQL is not installed (apt-get install postgresql)' };
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: as the `postgres` user then.
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const port = await freePort();
  const data = path.join(dir, 'data');
  const stop = async () => {
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // not started
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = registerCleanup(stop);
  run(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`,
    'start',
  ]);
  run(path.join(bin, 'psql'), [
    '-h',
    dir,
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-q',
    '-c',
    "create role help_bench login password 'help_bench'",
    '-c',
    'create database help_bench owner help_bench',
  ]);
  const version = run(path.join(bin, 'postgres'), ['--version']).trim();
  return {
    url: `postgres://help_bench:help_bench@127.0.0.1:${port}/help_bench`,
    version,
    stop: async () => {
      unregister();
      await stop();
    },
  };
}
