// The API's own types for the admin pages, from the OpenAPI document (test/generated/dialer-api.d.ts): never retyped.
import type { components } from '../../../../test/generated/dialer-api';

type S = components['schemas'];
export type Department = S['DepartmentResponse'];
export type WebhookSecret = S['WebhookSecretResponse'];
export type User = S['UserResponse'];
export type CreateUser = S['CreateUserDto'];
export type AgentProfile = S['AgentProfileResponse'];
export type Queue = S['QueueResponse'];
export type CreateQueue = S['CreateQueueDto'];
export type QueueMembership = S['QueueMembershipResponse'];
export type IvrMenu = S['IvrMenuResponse'];
export type CreateIvrMenu = S['CreateIvrMenuDto'];
export type HolidayCalendar = S['HolidayCalendarResponse'];
export type DncEntry = S['DncEntryResponse'];
export type DncPage = S['DncPageResponse'];
export type AddDnc = S['AddDncDto'];
export type DncUpload = S['DncUploadResponse'];
export type AuditEntry = S['AuditEntryResponse'];
export type AuditPage = S['AuditPageResponse'];
export type Role = User['role'];
export type Strategy = CreateQueue['strategy'];
/**
 * The ACD's allowed transfer destinations of a department: the server's schema once the OpenAPI document has it,
 * else the route's contract.
 */
export type AllowedDestinations = S extends { AllowedDestinationsResponse: infer R } ? R : { prefixes: string[] };
