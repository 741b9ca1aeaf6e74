import type { Histogram } from 'hdr-histogram-js';

export interface LatencySummary {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}
export type Comparison = '≥' | '>' | '≤' | '<';
export interface Goal {
  id: string;
  what: string;
  op: Comparison;
  target: number;
  unit: string;
}
export interface Verdict extends Goal {
  measured: number | null;
  met: boolean;
  status: 'met' | 'missed' | 'not measured';
}
export interface CalibrationFigures {
  httpRps?: number;
  pgInsertsPerSecond?: number;
  amqpConfirmedPerSecond?: number;
  bullmqAddsPerSecond?: number;
  bullmqProcessedPerSecond?: number;
}
export interface CalibrationJudgement {
  void: boolean;
  reasons: string[];
  checks: { name: string; value: number | null; reference: number; share: number | null; ok: boolean }[];
}
export declare function latencyHistogram(): Histogram;
export declare function summarise(histogram: Histogram): LatencySummary;
export declare function ratio(system: number | null | undefined, baseline: number | null | undefined): number | null;
export declare function verdict(goal: Goal, measured: number | null | undefined): Verdict;
export declare const CALIBRATION_REFERENCE: Required<CalibrationFigures>;
export declare const CALIBRATION_FLOOR: number;
export declare const CALIBRATION_MAX_DRIFT: number;
export declare const MAX_START_LOAD: number;
export declare function judgeCalibration(figures: CalibrationFigures, context?: { start?: number; end?: number; loadAverage?: number }): CalibrationJudgement;
export declare function soakFigures(minutes: { minute: number; rssBytes: number; p99: number }[]): { rssGrowth: number | null; p99Drift: number | null };
export declare function throughput(completed: number, seconds: number): number | null;
