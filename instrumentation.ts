/** Start-up checks and background jobs of the server (Node runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // One server per DATA_DIR, and never on an empty or broken app.db: refuse before serving.
  const { startupChecks } = await import('./lib/ops/startup');
  startupChecks();
  const { startBackgroundJobs } = await import('./lib/jobs');
  startBackgroundJobs();
  // The first Chinese PDF of a process reads the 10 MB font and starts harfbuzz (~0.4 s): do it
  // once shortly after start, so an applicant's first 下载自评估报告 or 申请回执 does not wait for it.
  setTimeout(() => {
    import('./lib/pdf/chinese')
      .then((m) => m.chinesePdf({ title: '联网备案平台', paragraphs: ['预热'] }))
      .catch((e) => console.error('[pdf] warm-up', e));
  }, 3_000).unref();
}
