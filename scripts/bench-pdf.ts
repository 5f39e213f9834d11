/**
 * PDF timings for npm run bench (SPEC §14: a one-page Chinese PDF, subset by harfbuzz, in well under
 * a second). Target: the one-page 自评估报告 < 300 ms and < 100 KB. Builds from literal data (no
 * database), after warm-up builds (the first one in a process also reads the 10 MB font and loads
 * harfbuzz: about 0.35 s once).
 * `npx tsx --conditions=react-server scripts/bench-pdf.ts` prints the rows alone.
 */
import { pathToFileURL } from 'node:url';
import { buildAssessmentReport, type AssessmentReportPdfInput } from '@/lib/assessments/report-pdf';
import { buildReceipt, type ReceiptView } from '@/lib/applications/receipt-pdf';
import { pdfPool } from '@/lib/pdf/pool';

export type PdfBenchRow = { name: string; p50: number; p95: number; p99: number; target?: number };

const REPORT: AssessmentReportPdfInput = {
  subject: { name: '北京云帆网络科技有限公司', nature: '单位', unitType: '企业单位', certType: '统一社会信用代码证', certNumberMasked: '911*************X0' },
  website: { name: '云帆科技社区', domains: ['www.yunfan-bbs.com.cn', 'bbs.yunfan.cn'], filingNumber: '京公网安备11010502000777号', interactive: true },
  report: {
    situation: '评估范围：网站前台、后台管理系统及开放接口；生僻字龘䶮鿏〇显示正常。\n使用Nginx 1.24与MySQL 8.0，WAF规则v2，日志留存不少于六个月。',
    methods: ['自行评估', '渗透测试', '其他'],
    methodOther: '安全基线核查',
  },
  date: Date.UTC(2026, 4, 12, 2),
};

const RECEIPT: ReceiptView = {
  code: 'SQ20260512000042',
  type: '安全评估',
  submittedAt: Date.UTC(2026, 4, 12, 2),
  unitName: '朝阳分局网安大队',
  dueAt: Date.UTC(2026, 4, 26, 15, 59),
  details: [
    ['开办主体名称', '北京云帆网络科技有限公司'],
    ['评估对象类型', '网站'],
    ['网站名称', '云帆科技社区'],
    ['网站域名', 'www.yunfan-bbs.com.cn\nbbs.yunfan.cn'],
    ['评估方法', '自行评估、渗透测试、其他：安全基线核查'],
  ],
};

async function measure(name: (bytes: number, pages: string) => string, build: () => Promise<{ bytes: Uint8Array; lines: string[] }>, runs: number, target?: number): Promise<PdfBenchRow> {
  let last = await build(); // warm-up: font read, harfbuzz loaded, then a few for the JIT
  for (let i = 0; i < 5; i++) last = await build();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await build();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const pages = last.lines.filter((l) => /^第 \d+ 页 \/ 共 \d+ 页$/.test(l)).length;
  return { name: name(last.bytes.byteLength, `${pages}页`), p50: q(0.5), p95: q(0.95), p99: q(0.99), target };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The upload check of a PDF (parse, page count, active content) in the worker pool, round trip. */
async function measureUploadCheck(bytes: Uint8Array, runs: number): Promise<PdfBenchRow> {
  const check = async () => {
    const r = await pdfPool().check(bytes);
    if (!r.ok) throw new Error(`upload check refused the bench PDF: ${r.reason}`);
  };
  for (let i = 0; i < 5; i++) await check(); // worker start and JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await check();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { name: `上传 PDF 检查（工作线程，申请回执 ${kb(bytes.byteLength)}）`, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/** One row per PDF: p50/p95/p99 of building it, in ms; the size in the name. */
export async function benchPdf(runs = Number(process.env.BENCH_PDF_RUNS) || 40): Promise<PdfBenchRow[]> {
  const receipt = await buildReceipt(RECEIPT);
  const rows = [
    await measure((b, p) => `自评估报告 PDF（${p}，${kb(b)}，目标 < 100 KB）`, () => buildAssessmentReport(REPORT), runs, 300),
    await measure((b, p) => `申请回执 PDF（${p}，${kb(b)}）`, () => buildReceipt(RECEIPT), runs, 300),
    await measureUploadCheck(receipt.bytes, runs),
  ];
  await pdfPool().close();
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchPdf();
  console.table(rows.map((r) => ({ ...r, p50: +r.p50.toFixed(1), p95: +r.p95.toFixed(1), p99: +r.p99.toFixed(1) })));
}
