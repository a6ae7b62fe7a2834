import { Readable } from "node:stream";
import * as PImage from "pureimage";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/i18n/i18n.js";
import { renderDigestChart } from "../../../src/services/reports/digest-chart.js";

describe("renderDigestChart", () => {
  it("draws a PNG with a bar per unit in the digest's colours", async () => {
    const chart = await renderDigestChart(
      [
        { unit: "Văn phòng – Thống kê", onTime: 3, late: 1, overdue: 2, ongoing: 0 },
        { unit: "Tư pháp – Hộ tịch", onTime: 5, late: 0, overdue: 0, ongoing: 2 },
        { unit: null, onTime: 0, late: 0, overdue: 1, ongoing: 0 },
      ],
      { translator: translatorFor("vi"), weekOf: "10/03/2025" },
    );
    expect(chart).not.toBeNull();
    const image = await PImage.decodePNGFromStream(Readable.from(chart!.png));
    expect([image.width, image.height]).toEqual([chart!.width, chart!.height]);
    expect(image.width).toBe(900);
    expect(image.height).toBe(70 + 3 * 34 + 50);
    const seen = new Set<string>();
    for (let x = 0; x < image.width; x += 2) {
      for (let y = 0; y < image.height; y += 2) {
        const rgba = image.getPixelRGBA(x, y) >>> 0;
        seen.add(rgba.toString(16).padStart(8, "0").slice(0, 6));
      }
    }
    // Green, orange and red bars on white, and ongoing duties in their own grey-blue.
    expect(seen).toContain("ffffff");
    expect(seen).toContain("2e9e44");
    expect(seen).toContain("f08c00");
    expect(seen).toContain("d9382f");
    expect(seen).toContain("8e9aaf");
  });

  it("has nothing to draw when no unit has done or overdue work", async () => {
    expect(await renderDigestChart([], { translator: translatorFor("vi"), weekOf: "10/03/2025" })).toBeNull();
    const onlyOngoing = [{ unit: "Tư pháp", onTime: 0, late: 0, overdue: 0, ongoing: 3 }];
    expect(await renderDigestChart(onlyOngoing, { translator: translatorFor("vi"), weekOf: "10/03/2025" })).toBeNull();
  });
});
