/** Stops the system gracefully (SIGTERM), as an operator's rollout would. */
export default async function globalTeardown(): Promise<void> {
  const system = globalThis.redressE2E;
  if (!system) return;
  await Promise.all(
    system.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => { clearTimeout(timer); resolve(); });
          child.kill('SIGTERM');
        }),
    ),
  );
  await new Promise<void>((resolve) => system.smtp.close(() => resolve()));
}
