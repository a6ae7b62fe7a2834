/**
 * The chairman's digest chart: a horizontal bar per unit (done on time, done
 * late, overdue, ongoing duties), drawn in-process with pureimage (pure JavaScript, no browser,
 * no native build) and encoded as PNG.
 */
import { existsSync } from "node:fs";
import { PassThrough } from "node:stream";
import * as PImage from "pureimage";
import type { Translator } from "../../i18n/i18n.js";
import type { UnitProgress } from "../../domain/reminders/index.js";

/** Fonts with Vietnamese glyphs, looked for in this order; CHART_FONT names another. */
const FONT_CANDIDATES = [
  process.env.CHART_FONT,
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
].filter((path): path is string => typeof path === "string" && path.length > 0);

const COLOURS = { onTime: "#2e9e44", late: "#f08c00", overdue: "#d9382f", ongoing: "#8e9aaf" } as const;
const SEGMENTS = ["onTime", "late", "overdue", "ongoing"] as const;
const LEGEND = {
  onTime: "chart-on-time",
  late: "chart-late",
  overdue: "chart-overdue",
  ongoing: "chart-ongoing",
} as const;
const FAMILY = "nhacviec-chart";
let fontState: "unknown" | "loaded" | "missing" = "unknown";

function ensureFont(): boolean {
  if (fontState !== "unknown") return fontState === "loaded";
  const path = FONT_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    fontState = "missing";
    return false;
  }
  PImage.registerFont(path, FAMILY).loadSync();
  fontState = "loaded";
  return true;
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  /** False when no font was found: the bars are drawn without their labels. */
  labelled: boolean;
}

/**
 * Renders up to `maxUnits` bars; returns null when there is nothing to draw.
 * Ongoing duties alone are no progress to compare (nothing was due yet), so
 * the chart goes once some unit has work done, late or overdue.
 */
export async function renderDigestChart(
  progress: UnitProgress[],
  options: { translator: Translator; weekOf: string; maxUnits?: number },
): Promise<ChartImage | null> {
  const rows = progress.slice(0, options.maxUnits ?? 12);
  if (!rows.some((row) => row.onTime + row.late + row.overdue > 0)) return null;
  const { t } = options.translator;
  const labelled = ensureFont();
  const width = 900;
  const top = 70;
  const rowHeight = 34;
  const height = top + rows.length * rowHeight + 50;
  const labelWidth = 280;
  const image = PImage.make(width, height);
  const ctx = image.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  if (labelled) {
    ctx.fillStyle = "#222222";
    ctx.font = `20px ${FAMILY}`;
    ctx.fillText(t("chart-title", { week: options.weekOf }), 20, 34);
  }
  const largest = Math.max(...rows.map((r) => r.onTime + r.late + r.overdue + r.ongoing), 1);
  const scale = (width - labelWidth - 110) / largest;
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    if (labelled) {
      ctx.fillStyle = "#222222";
      ctx.font = `14px ${FAMILY}`;
      const name = row.unit ?? t("no-unit");
      ctx.fillText(name.length > 34 ? `${name.slice(0, 33)}…` : name, 20, y + 20);
    }
    let x = labelWidth;
    for (const key of SEGMENTS) {
      const size = row[key] * scale;
      if (size <= 0) continue;
      ctx.fillStyle = COLOURS[key];
      ctx.fillRect(x, y + 4, size, rowHeight - 10);
      x += size;
    }
    if (labelled) {
      ctx.fillStyle = "#222222";
      ctx.font = `13px ${FAMILY}`;
      ctx.fillText(SEGMENTS.map((key) => row[key]).join(" / "), x + 8, y + 20);
    }
  });
  if (labelled) {
    let x = 20;
    const y = height - 24;
    for (const key of SEGMENTS) {
      ctx.fillStyle = COLOURS[key];
      ctx.fillRect(x, y - 12, 14, 14);
      ctx.fillStyle = "#222222";
      ctx.font = `13px ${FAMILY}`;
      ctx.fillText(t(LEGEND[key]), x + 20, y);
      x += 140;
    }
  }
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  await PImage.encodePNGToStream(image, stream);
  return { png: Buffer.concat(chunks), width, height, labelled };
}
