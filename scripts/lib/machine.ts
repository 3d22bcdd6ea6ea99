import { cpus, totalmem } from 'node:os';

/** One line describing the machine, printed with every benchmark's figures. */
export function machineLine(): string {
  const c = cpus();
  return `machine: ${c.length} cores (${c[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
