import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Creates a RabbitMQ vhost (if missing) that the guest user may use; tests then never share queues. */
export async function ensureVhost(name: string): Promise<void> {
  assertVhostName(name);
  await rabbitmqctl(['add_vhost', name]).catch((error: Error) => {
    if (!/already exists|vhost_already_exists/i.test(error.message)) throw error;
  });
  await rabbitmqctl(['set_permissions', '-p', name, 'guest', '.*', '.*', '.*']);
}

export async function deleteVhost(name: string): Promise<void> {
  assertVhostName(name);
  await rabbitmqctl(['delete_vhost', name]).catch((error: Error) => {
    if (!/does not exist|no_such_vhost/i.test(error.message)) throw error;
  });
}

/** The broker URL of `RABBITMQ_URL` (or the local default) pointed at `vhost`. */
export function rabbitUrl(vhost: string, base = process.env.RABBITMQ_URL || 'amqp://guest:guest@localhost:5672'): string {
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

async function rabbitmqctl(args: string[]): Promise<void> {
  try {
    await run('rabbitmqctl', ['-q', ...args], { timeout: 30_000 });
  } catch (error) {
    const failure = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`rabbitmqctl ${args.join(' ')} failed: ${failure.stderr || failure.stdout || failure.message}`);
  }
}

function assertVhostName(name: string): void {
  // The shared default vhost and anything not made by a test must never be touched from here.
  if (!/^[A-Za-z0-9_.-]+$/.test(name) || name === '/') throw new Error(`Refusing to manage vhost "${name}"`);
}
