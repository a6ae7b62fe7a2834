export {
  actorOf,
  type Addressee,
  addressedUnitsOf,
  audienceOf,
  type NoticeVariant,
  type OrganizationMember,
  withStandIns,
} from "./audience.js";
export {
  type CompletionDecided,
  type CompletionRequested,
  type DeadlineMoved,
  DOMAIN_EVENT_TYPES,
  type DomainEvent,
  type DomainEventType,
  type ExtensionDecided,
  type ExtensionRequested,
  isDomainEventType,
  type LeadChanged,
  type PersonJoined,
  type PersonUnreachable,
  type PlanApplied,
} from "./events.js";
