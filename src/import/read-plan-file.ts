/**
 * Reads a plan document into a PlanDraft away from the caller's event loop: in a
 * child process with a heap cap and a time limit. A deflate bomb, a million-row
 * sheet or a pathological cell costs that process, never the bot, the web app
 * or the scheduler; and each is refused with a Vietnamese reason.
 */
import { type ChildProcess, fork } from "node:child_process";
import { readFile } from "node:fs/promises";
import { assertDocumentWithinLimits, assertFileWithinLimits } from "./document-limits.js";
import { NoAssignmentsError } from "./directive/read-directive.js";
import { ImportError, MissingPlanYearError } from "./import-error.js";
import type { DocumentReading } from "./directive/read-directive.js";
import { interpretDocument } from "./interpret/interpret-document.js";
import type { PlanDraft } from "./plan-draft.js";
import { readDocument } from "./read-document.js";
import { DEFAULT_READ_LIMITS, limitMessages, type ReadLimits } from "./read-limits.js";
import { CONVERSION_TIMEOUT_MS, isOle2, isRtf } from "./readers/legacy-word.js";

export interface ReadPlanOptions {
  /** The plan's year when the caller knows better than the document (the CLI's --year). */
  year?: number;
  /** The year to use only when the document names none (the chat's current year). */
  fallbackYear?: number;
  /** Read as a plan or a directive whatever the document's kind says (`import --kind`). */
  kind?: DocumentReading;
  /** The day the office received the document: "kể từ ngày nhận được" counts from it. */
  receivedOn?: string;
  limits?: Partial<ReadLimits>;
}

export interface ReadPlanRequest {
  fileName: string;
  bytes: Uint8Array;
  year?: number;
  fallbackYear?: number;
  kind?: DocumentReading;
  receivedOn?: string;
  limits: ReadLimits;
}

export type ReadPlanResponse =
  | { ok: true; draft: PlanDraft }
  | {
      ok: false;
      error: {
        /** The document names no year and the caller gave none: rethrown as MissingPlanYearError. */
        missingYear: boolean;
        /** The document assigns nothing (a Giấy mời): rethrown as NoAssignmentsError, so the chat says why. */
        nothingAssigned?: boolean;
        reason: string | null;
        file?: string;
        location?: ImportError["location"];
        detail?: string;
      };
    };

/** What the child says once its program is loaded, before it is given the file. */
export const CHILD_READY = "ready";

/** Reading and interpreting with every limit checked, in whatever process calls it. */
export async function readPlanInThisProcess(request: ReadPlanRequest): Promise<PlanDraft> {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  await assertFileWithinLimits(request.fileName, bytes, request.limits);
  const document = await readDocument(request.fileName, bytes);
  assertDocumentWithinLimits(document, request.limits);
  const kind = {
    ...(request.kind !== undefined ? { kind: request.kind } : {}),
    ...(request.receivedOn !== undefined ? { receivedOn: request.receivedOn } : {}),
  };
  try {
    return interpretDocument(document, request.year !== undefined ? { year: request.year, ...kind } : kind);
  } catch (error) {
    if (error instanceof MissingPlanYearError && request.fallbackYear !== undefined) {
      return interpretDocument(document, { year: request.fallbackYear, ...kind });
    }
    throw error;
  }
}

/** The child's entry: built JavaScript in production, TypeScript through tsx in development and tests. */
function childEntry(): { url: URL; execArgv: string[] } {
  const typescript = import.meta.url.endsWith(".ts");
  return {
    url: new URL(typescript ? "./read-plan-child.ts" : "./read-plan-child.js", import.meta.url),
    execArgv: typescript ? ["--import", "tsx"] : [],
  };
}

/**
 * The wall-clock backstop, as a multiple of the CPU time limit: a reader that
 * waits on nothing but the CPU gets this long on a machine five times busier
 * than its share, and a stuck one (blocked, or starved for ever) still ends.
 */
export const WALL_CLOCK_BACKSTOP_FACTOR = 5;

/** How often the reader's CPU time is looked at. */
const CPU_POLL_MS = 200;

/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) the process `pid` has used itself, in ms, from
 * /proc; null where there is no /proc (then the wall clock limits the reader).
 * A LibreOffice conversion runs in processes of its own and is not counted: it
 * has its own limit (libreoffice.ts).
 */
export async function processCpuMs(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/**
 * Resolves "timeout" when the child has used `limitMs` of CPU time, or
 * WALL_CLOCK_BACKSTOP_FACTOR times that of wall time (plain `limitMs` of wall
 * time where CPU time cannot be read). A busy machine slows a reader down
 * without making it use more CPU, so load alone never refuses a real plan.
 */
function watchTimeLimit(
  pid: number | undefined,
  limitMs: number,
  conversionMs: number,
  /** The child's CPU time when it was given the file: its start-up is not the file's. */
  cpuBaselineMs: number | null,
): { expired: Promise<"timeout">; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const started = Date.now();
  const expired = new Promise<"timeout">((resolve) => {
    const check = async (): Promise<void> => {
      if (stopped) return;
      const totalMs = pid === undefined ? null : await processCpuMs(pid);
      const cpuMs = totalMs === null ? null : totalMs - (cpuBaselineMs ?? 0);
      const wallMs = Date.now() - started;
      // A LibreOffice conversion (its CPU is its own processes') has its own limit on top of the backstop.
      const wallLimit = (cpuMs === null ? limitMs : limitMs * WALL_CLOCK_BACKSTOP_FACTOR) + conversionMs;
      if (stopped) return;
      if ((cpuMs !== null && cpuMs > limitMs) || wallMs > wallLimit) resolve("timeout");
      else timer = setTimeout(() => void check(), Math.min(CPU_POLL_MS, Math.max(1, wallLimit - wallMs)));
    };
    timer = setTimeout(() => void check(), Math.min(CPU_POLL_MS, limitMs));
  });
  return {
    expired,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Waits for the child's CHILD_READY: its program loaded (in development that
 * includes compiling TypeScript, seconds of CPU on a busy machine), so the
 * file's time limit counts only the reading. A child that never gets there
 * is stopped at `wallLimitMs`.
 */
function childStarted(child: ChildProcess, wallLimitMs: number): Promise<"ready" | "timeout" | "died"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish("timeout"), wallLimitMs);
    const onMessage = (message: unknown) => {
      if (message === CHILD_READY) finish("ready");
    };
    const onExit = () => finish("died");
    const finish = (outcome: "ready" | "timeout" | "died") => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (outcome === "timeout") child.kill("SIGKILL");
      resolve(outcome);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** Reads `bytes` as the plan document `fileName` in a child process; throws ImportError with the reason. */
export async function readPlanFile(fileName: string, bytes: Buffer, options: ReadPlanOptions = {}): Promise<PlanDraft> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) throw new ImportError(limitMessages.fileBytes(limits), fileName);
  const entry = childEntry();
  const child = fork(entry.url, [], {
    execArgv: [...entry.execArgv, `--max-old-space-size=${limits.maxHeapMb}`],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    if (stderr.length < 4096) stderr += chunk.toString();
  });
  const request: ReadPlanRequest = {
    fileName,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.fallbackYear !== undefined ? { fallbackYear: options.fallbackYear } : {}),
    ...(options.kind !== undefined ? { kind: options.kind } : {}),
    ...(options.receivedOn !== undefined ? { receivedOn: options.receivedOn } : {}),
    limits,
  };
  const converted = isOle2(bytes) || isRtf(bytes);
  const startUp = await childStarted(child, limits.timeoutMs * WALL_CLOCK_BACKSTOP_FACTOR);
  const limit = watchTimeLimit(
    child.pid,
    limits.timeoutMs,
    converted ? CONVERSION_TIMEOUT_MS : 0,
    startUp === "ready" && child.pid !== undefined ? await processCpuMs(child.pid) : null,
  );
  const response = await new Promise<ReadPlanResponse | "timeout" | "died">((resolve) => {
    if (startUp !== "ready") return resolve(startUp);
    void limit.expired.then((timeout) => {
      child.kill("SIGKILL");
      resolve(timeout);
    });
    child.once("message", (message: ReadPlanResponse) => resolve(message));
    child.once("exit", () => resolve("died"));
    child.send(request);
  });
  limit.stop();
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (response === "timeout") throw new ImportError(limitMessages.timeout(limits), fileName);
  if (response === "died") {
    const outOfMemory = /heap out of memory|allocation failed/i.test(stderr);
    throw new ImportError(
      outOfMemory ? limitMessages.memory(limits) : "không đọc được tệp (trình đọc dừng bất thường)",
      fileName,
      {},
      stderr.slice(0, 1000),
    );
  }
  if (response.ok) return response.draft;
  const { error } = response;
  if (error.missingYear) throw new MissingPlanYearError(error.file ?? fileName);
  if (error.nothingAssigned && error.reason !== null)
    throw new NoAssignmentsError(error.file ?? fileName, error.reason);
  if (error.reason === null) {
    throw new ImportError("không đọc được tệp (lỗi không lường trước của trình đọc)", fileName, {}, error.detail);
  }
  throw new ImportError(error.reason, error.file ?? fileName, error.location ?? {}, error.detail);
}
