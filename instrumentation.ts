/** Background jobs started with the server (Node runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundJobs } = await import('./lib/jobs');
  startBackgroundJobs();
}
