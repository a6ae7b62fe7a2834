export { type Addressee, audienceOf, type NoticeVariant, type OrganizationMember } from "./audience.js";
export {
  type CompletionDecided,
  type CompletionRequested,
  DOMAIN_EVENT_TYPES,
  type DomainEvent,
  type DomainEventType,
  type ExtensionDecided,
  type ExtensionRequested,
  isDomainEventType,
  type LeadChanged,
  type PersonJoined,
} from "./events.js";
