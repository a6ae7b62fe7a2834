import type { SentMarkers } from "../src/services/delivery/sent-markers.js";

/**
 * Sent markers in the process's memory, for the embedded mode. That suffices
 * there: one process owns the database and the only sender, so whatever might
 * resend a delivery (the next tick, the stale-claim release) runs in the same
 * process and sees the same map. When that process dies the map is gone, but a
 * send whose record failed is then also gone from memory in every other mode:
 * the window is the one sent-markers.ts describes. Entries are dropped after a
 * day so a long-running office PC does not grow the map for ever.
 */
export function createMemorySentMarkers(keepMs = 24 * 60 * 60_000): SentMarkers {
  const markers = new Map<string, { messageId: number; at: number }>();
  const forgetOld = (now: number) => {
    for (const [id, marker] of markers) {
      if (now - marker.at < keepMs) break;
      markers.delete(id);
    }
  };
  return {
    mark(deliveryIds, messageId) {
      const now = Date.now();
      forgetOld(now);
      for (const id of deliveryIds) markers.set(id, { messageId, at: now });
      return Promise.resolve();
    },
    find(deliveryIds) {
      const found = new Map<string, number>();
      for (const id of deliveryIds) {
        const marker = markers.get(id);
        if (marker) found.set(id, marker.messageId);
      }
      return Promise.resolve(found);
    },
  };
}
