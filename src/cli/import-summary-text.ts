import type { ImportSummary } from "../services/import-plan.js";

const list = (items: string[], limit = 10): string =>
  items.length <= limit ? items.join(", ") : `${items.slice(0, limit).join(", ")} và ${items.length - limit} mục khác`;

/** The import summary in Vietnamese, as the coordinator reads it in the shell or the chat. */
export function formatImportSummary(summary: ImportSummary, plan: { title: string; organizationName: string }): string {
  const lines: string[] = [];
  lines.push(
    `${summary.planCreated ? "Đã nhập" : "Đã cập nhật"} kế hoạch "${plan.title}" cho ${plan.organizationName}` +
      (summary.organizationCreated ? " (đơn vị mới được tạo)" : ""),
  );
  lines.push(`- ${summary.tasks} nhiệm vụ, ${summary.milestones} mốc thời hạn`);
  lines.push(`- ${summary.needsDate} nhiệm vụ cần điều phối viên đặt hoặc xem lại thời hạn`);
  if (summary.newUnits.length > 0) {
    lines.push(
      `- ${summary.newUnits.length} tên đơn vị chưa có trong danh sách, đã tạo mới: ${list(summary.newUnits)}`,
    );
  }
  if (summary.unassigned > 0) {
    const proposed =
      summary.proposedLeads > 0 ? ` (${summary.proposedLeads} có đề xuất từ kế hoạch, cần xác nhận)` : "";
    lines.push(`- ${summary.unassigned} nhiệm vụ chưa có đơn vị chủ trì${proposed}`);
  }
  if (summary.rowsWithWarnings > 0) lines.push(`- ${summary.rowsWithWarnings} nhiệm vụ có cảnh báo`);
  if (!summary.planCreated) {
    const changes =
      summary.added.length + summary.removed.length + summary.deadlineMoved.length + summary.changed.length;
    if (changes === 0) lines.push("- Không có thay đổi so với lần nhập trước");
    if (summary.added.length > 0) lines.push(`- Thêm ${summary.added.length}: ${list(summary.added)}`);
    if (summary.removed.length > 0) lines.push(`- Bỏ ${summary.removed.length}: ${list(summary.removed)}`);
    for (const move of summary.deadlineMoved) {
      lines.push(`- Đổi thời hạn ${move.task}: "${move.from.join("; ")}" → "${move.to.join("; ")}"`);
    }
    if (summary.changed.length > 0) lines.push(`- Sửa nội dung ${summary.changed.length}: ${list(summary.changed)}`);
  }
  return lines.join("\n");
}
