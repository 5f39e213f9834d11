import type { DecisionDay } from '@/lib/review/stats';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

const W = 720;
const H = 240;
const PAD = { left: 40, right: 20, top: 12, bottom: 28 };

/** 1, 2, 5 × 10^k at or above n (at least 1), so the axis reads in round numbers. */
function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= n)!;
}

const mmdd = (day: string) => day.slice(5);

/** 近30日审核量: stacked bars (通过 below, 退回 above) in plain SVG, with the numbers as a table. */
export function DecisionsChart({ days }: { days: DecisionDay[] }) {
  const totals = days.map((d) => d.approved + d.returned);
  const approved = days.reduce((s, d) => s + d.approved, 0);
  const returned = days.reduce((s, d) => s + d.returned, 0);
  const peak = Math.max(0, ...totals);
  const peakDay = days[totals.indexOf(peak)];
  const max = niceMax(peak);
  const ticks = Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max];

  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(days.length, 1);
  const barW = Math.max(2, slot * 0.66);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;

  const first = days[0]?.day ?? '';
  const last = days.at(-1)?.day ?? '';
  const summary =
    approved + returned === 0
      ? `近${days.length}日审核量柱状图：${first}至${last}无审核记录`
      : `近${days.length}日审核量柱状图：${first}至${last}共审核${approved + returned}件，通过${approved}件，退回${returned}件；单日最多${peak}件（${peakDay?.day}）`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4 text-sm" aria-hidden>
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-success" />
          通过
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-sm bg-destructive" />
          退回
        </span>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full" data-testid="decisions-chart">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="stroke-border" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" className="fill-muted-foreground text-[11px]">
              {t}
            </text>
          </g>
        ))}
        {peak === 0 && (
          <text x={PAD.left + plotW / 2} y={PAD.top + plotH / 2} textAnchor="middle" dominantBaseline="middle" className="fill-muted-foreground text-sm">
            暂无审核记录
          </text>
        )}
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const hA = (d.approved / max) * plotH;
          const hR = (d.returned / max) * plotH;
          const base = PAD.top + plotH;
          return (
            <g key={d.day}>
              {d.approved > 0 && <rect x={x} y={base - hA} width={barW} height={hA} className="fill-success" />}
              {d.returned > 0 && <rect x={x} y={base - hA - hR} width={barW} height={hR} className="fill-destructive" />}
              {/* Every fifth day, counted back from today so today is always labelled. */}
              {(days.length - 1 - i) % 5 === 0 && (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="fill-muted-foreground text-[11px]">
                  {mmdd(d.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-primary">查看数据</summary>
        <div className="mt-2 rounded-md border">
          <Table aria-label="近30日每日审核量" keyboardScroll>
            <TableHeader>
              <TableRow>
                <TableHead>日期</TableHead>
                <TableHead className="text-right">通过</TableHead>
                <TableHead className="text-right">退回</TableHead>
                <TableHead className="text-right">合计</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {days.map((d) => (
                <TableRow key={d.day}>
                  <TableCell>{d.day}</TableCell>
                  <TableCell className="text-right tabular-nums">{d.approved}</TableCell>
                  <TableCell className="text-right tabular-nums">{d.returned}</TableCell>
                  <TableCell className="text-right tabular-nums">{d.approved + d.returned}</TableCell>
                </TableRow>
              ))}
              <TableRow className="font-medium">
                <TableCell>合计</TableCell>
                <TableCell className="text-right tabular-nums">{approved}</TableCell>
                <TableCell className="text-right tabular-nums">{returned}</TableCell>
                <TableCell className="text-right tabular-nums">{approved + returned}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </div>
      </details>
    </div>
  );
}
