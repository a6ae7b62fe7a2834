export {
  constantTimeEqual,
  InvalidTaskLinkClaimsError,
  signTaskLink,
  TASK_LINK_MAC_BYTES,
  TASK_LINK_TOKEN_LENGTH,
  type TaskLinkCheck,
  type TaskLinkClaims,
  type TaskLinkMac,
  verifyTaskLink,
} from "./task-link.js";
export { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-link.js";
