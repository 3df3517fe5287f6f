// A description of the machine a result was measured on, embedded in every
// result JSON: numbers from a 2-core VM and a 32-core workstation are not
// comparable, and a result file without its machine is a rumour.
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineDescription {
  cpuModel: string;
  /** Logical CPUs the OS reports. */
  cpus: number;
  /** What Node will actually use (respects affinity/cgroup on Linux). */
  availableParallelism: number;
  /** cgroup v2 CPU quota as cores, when the container is limited; null when unlimited or unknown. */
  cgroupCpuLimit: number | null;
  memoryTotalBytes: number;
  memoryTotalGiB: number;
  nodeVersion: string;
  v8Version: string;
  platform: string;
  arch: string;
  kernel: string;
  /** 1-minute load average when the report was written: a busy machine makes numbers noisy. */
  loadAverage1m: number;
}

export function describeMachine(): MachineDescription {
  return {
    cpuModel: cpuModelFromProc() ?? os.cpus()[0]?.model ?? "unknown",
    cpus: os.cpus().length,
    availableParallelism: os.availableParallelism(),
    cgroupCpuLimit: cgroupCpuLimit(),
    memoryTotalBytes: os.totalmem(),
    memoryTotalGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    nodeVersion: process.version,
    v8Version: process.versions.v8,
    platform: os.platform(),
    arch: os.arch(),
    kernel: os.release(),
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

function cpuModelFromProc(): string | null {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    return match?.[1]?.trim() ?? null;
  } catch {
    return null; // not Linux
  }
}

function cgroupCpuLimit(): number | null {
  try {
    const [quota, period] = readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(/\s+/);
    if (!quota || quota === "max" || !period) return null;
    return Math.round((Number(quota) / Number(period)) * 100) / 100;
  } catch {
    return null;
  }
}
