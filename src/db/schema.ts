import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ROLES } from '../shared/accounts.ts';
import type { OccurrenceMilestone } from '../shared/items.ts';

// Conventions (both databases): ids are integers from the database; timestamps are UTC ISO
// strings; plan dates are 'YYYY-MM-DD' text; booleans are 0/1 integers (SQLite has no boolean
// type and one representation keeps db/queries free of dialect branches); JSON is text.

type Id = Generated<number>;
/** A created_at-style column filled by the application in UTC ISO form. */
type Timestamp = string;
/** A 0/1 flag. */
type Flag = ColumnType<number, number | undefined, number>;

/** Kysely's view of every table. */
export interface DB {
  organizations: OrganizationTable;
  units: UnitTable;
  unit_aliases: UnitAliasTable;
  leaders: LeaderTable;
  users: UserTable;
  user_roles: UserRoleTable;
  settings: SettingTable;
  blobs: BlobTable;
  notices: NoticeTable;
  plans: PlanTable;
  sections: SectionTable;
  items: ItemTable;
  item_leaders: ItemLeaderTable;
  item_units: ItemUnitTable;
  item_indicators: ItemIndicatorTable;
  tasks: TaskTable;
  task_units: TaskUnitTable;
  indicators: IndicatorTable;
  indicator_slots: IndicatorSlotTable;
  occurrences: OccurrenceTable;
  reports: ReportTable;
  evidence: EvidenceTable;
  reviews: ReviewTable;
  completion_requests: CompletionRequestTable;
  extensions: ExtensionTable;
  reminders: ReminderTable;
  supervision_notices: SupervisionNoticeTable;
  findings: FindingTable;
  finding_events: FindingEventTable;
  inspections: InspectionTable;
  collection_forms: CollectionFormTable;
  collection_rounds: CollectionRoundTable;
  collection_rows: CollectionRowTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
  login_failures: LoginFailureTable;
  recovery_codes: RecoveryCodeTable;
  calendar_days: CalendarDayTable;
  school_calendar_entries: SchoolCalendarEntryTable;
  reporting_overrides: ReportingOverrideTable;
  jobs: JobTable;
  supervision_notice_events: SupervisionNoticeEventTable;
  ical_tokens: IcalTokenTable;
  notifications: NotificationTable;
  data_versions: DataVersionTable;
  bulletins: BulletinTable;
}

export interface OrganizationTable {
  id: Id;
  name: string;
  parent_id: number | null;
  created_at: Timestamp;
}

/** A department (股室) or a school of an organization's directory. */
export interface UnitTable {
  id: Id;
  organization_id: number;
  kind: 'department' | 'school';
  name: string;
  /** For schools: 小学 / 初中 / 高中 / 幼儿园 / 九年一贯制 …; null for departments. */
  school_kind: string | null;
  active: Flag;
  created_at: Timestamp;
}

export interface UnitAliasTable {
  id: Id;
  organization_id: number;
  unit_id: number;
  alias: string;
}

/** A bureau leader (局领导) as named in notices. */
export interface LeaderTable {
  id: Id;
  organization_id: number;
  name: string;
  title: string | null;
  created_at: Timestamp;
}

export interface UserTable {
  id: Id;
  organization_id: number;
  username: string;
  display_name: string;
  password_hash: string | null;
  unit_id: number | null;
  leader_id: number | null;
  disabled: Flag;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  /** Where e-mail reminders go (migration 0008); optional. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the password was last set (migration 0016), for the change interval. */
  password_changed_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The enrolled TOTP secret (base32); never returned to a client. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** A TOTP secret being enrolled, until the first code confirms it. */
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last TOTP step accepted (no code is used twice). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface UserRoleTable {
  user_id: number;
  role: (typeof ROLES)[number];
}

export interface SettingTable {
  organization_id: number;
  key: string;
  /** JSON text. */
  value: string;
}

/** File bytes, content-addressed by SHA-256 so identical uploads are stored once. */
export interface BlobTable {
  sha256: string;
  size: number;
  content: Uint8Array;
}

/** The uploaded source document, stored unchanged. */
export interface NoticeTable {
  id: Id;
  organization_id: number;
  file_name: string;
  media_type: string;
  sha256: string;
  size: number;
  /** The decoded text the parser read; plan offsets point into it. */
  text: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PlanTable {
  id: Id;
  organization_id: number;
  notice_id: number | null;
  title: string;
  year: number;
  issuer: string | null;
  doc_number: string | null;
  notice_title: string | null;
  issued_on: string | null;
  preamble: string;
  status: 'draft' | 'published' | 'closed';
  published_on: string | null;
  /** JSON array of the parser's warnings at import. */
  warnings: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The plan this one follows, usually last year's (migration 0013). */
  previous_plan_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SectionTable {
  id: Id;
  plan_id: number;
  no: number;
  title: string;
  source_start: number | null;
  source_end: number | null;
}

export interface ItemTable {
  id: Id;
  plan_id: number;
  section_id: number;
  no: number;
  title: string;
  body: string;
  weight: number;
  source_start: number | null;
  source_end: number | null;
}

export interface ItemLeaderTable {
  item_id: number;
  leader_id: number;
  position: number;
}

export interface ItemUnitTable {
  item_id: number;
  unit_id: number;
  is_lead: Flag;
  position: number;
}

/** An indicator the parser found in a draft item (migration 0002); publishing turns it into task indicators. */
export interface ItemIndicatorTable {
  id: Id;
  item_id: number;
  position: number;
  kind: IndicatorTable['kind'];
  text: string;
  per: IndicatorTable['per'];
  target_min: number | null;
  target_max: number | null;
  target_value: number | null;
  name: string | null;
  due_on: string | null;
  /** Offsets into the item's body, end exclusive. */
  span_start: number | null;
  span_end: number | null;
}

export type TaskStatus = 'pending' | 'acknowledged' | 'completion_requested' | 'done';

/** A unit of work under an item, led by one unit, possibly fanned out from a parent task to schools. */
export interface TaskTable {
  id: Id;
  plan_id: number;
  item_id: number;
  parent_task_id: number | null;
  title: string;
  lead_unit_id: number | null;
  start_on: string;
  due_on: string;
  status: TaskStatus;
  acknowledged_at: Timestamp | null;
  acknowledged_by: number | null;
  completed_at: Timestamp | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The unfinished task of the previous plan this one was carried over from (结转, migration 0013). */
  carried_from_task_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface TaskUnitTable {
  task_id: number;
  unit_id: number;
  role: 'lead' | 'co';
}

export interface IndicatorTable {
  id: Id;
  task_id: number;
  kind: 'recurring' | 'count' | 'deliverable' | 'event' | 'project' | 'percent' | 'deadline';
  text: string;
  per: 'week' | 'month' | 'quarter' | 'term' | 'year' | null;
  target_min: number | null;
  target_max: number | null;
  target_value: number | null;
  name: string | null;
  due_on: string | null;
  span_start: number | null;
  span_end: number | null;
}

export type { OccurrenceMilestone };

/** One expected slot of a recurring indicator (e.g. 2024年5月). */
export interface IndicatorSlotTable {
  id: Id;
  indicator_id: number;
  label: string;
  starts_on: string;
  ends_on: string;
}

export type ReviewState = 'submitted' | 'accepted' | 'returned';

export interface OccurrenceTable {
  id: Id;
  indicator_id: number;
  unit_id: number | null;
  occurred_on: string;
  note: string;
  state: ReviewState;
  created_by: number | null;
  created_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
  /** The report it was filed with (reviewed with it); null when logged on its own (migration 0015). */
  report_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** percent: the value reached. */
  value: ColumnType<number | null, number | null | undefined, number | null>;
  /** project: the milestone reached (see OccurrenceMilestone). */
  milestone: ColumnType<
    OccurrenceMilestone | null,
    OccurrenceMilestone | null | undefined,
    OccurrenceMilestone | null
  >;
}

/** One owner's progress report on a task for one period; re-filing after a return updates it. */
export interface ReportTable {
  id: Id;
  task_id: number;
  unit_id: number;
  period: string;
  self_status: 'on_track' | 'at_risk' | 'delayed';
  percent: number;
  narrative: string;
  state: ReviewState;
  submitted_by: number | null;
  submitted_at: Timestamp;
  revision: number;
  version: ColumnType<number, number | undefined, number>;
}

export interface EvidenceTable {
  id: Id;
  organization_id: number;
  owner_type: 'report' | 'occurrence' | 'completion' | 'extension' | 'finding' | 'supervision_notice';
  owner_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ReviewTable {
  id: Id;
  target_type: 'report' | 'occurrence' | 'completion';
  target_id: number;
  decision: 'accept' | 'return';
  comment: string;
  reviewer_id: number | null;
  created_at: Timestamp;
}

export interface CompletionRequestTable {
  id: Id;
  task_id: number;
  note: string;
  state: ReviewState;
  requested_by: number | null;
  requested_at: Timestamp;
}

export interface ExtensionTable {
  id: Id;
  task_id: number;
  reason: string;
  old_due_on: string;
  new_due_on: string;
  state: 'pending' | 'approved' | 'refused';
  requested_by: number | null;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  comment: string;
}

export interface ReminderTable {
  id: Id;
  organization_id: number;
  target_type: string;
  target_id: number;
  recipient_user_id: number | null;
  recipient_unit_id: number | null;
  channel: string;
  kind: string;
  message: string;
  scheduled_for: Timestamp;
  sent_at: Timestamp | null;
  status: 'pending' | 'sent' | 'failed';
  error: string | null;
  /** The Asia/Shanghai day of a daily reminder (migration 0008); null for a manual 催办. */
  day: ColumnType<string | null, string | null | undefined, string | null>;
  /** Delivery tries made (migration 0008). */
  attempts: ColumnType<number, number | undefined, number>;
}

export interface SupervisionNoticeTable {
  id: Id;
  organization_id: number;
  plan_id: number;
  year: number;
  seq: number;
  item_id: number | null;
  task_id: number | null;
  unit_id: number;
  problem: string;
  requirement: string;
  reply_due_on: string;
  status: 'issued' | 'replied' | 'closed';
  reply: string | null;
  replied_at: Timestamp | null;
  closed_at: Timestamp | null;
  issued_by: number | null;
  created_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface FindingTable {
  id: Id;
  organization_id: number;
  plan_id: number | null;
  item_id: number | null;
  task_id: number | null;
  unit_id: number;
  source: string;
  title: string;
  detail: string;
  severity: 'low' | 'medium' | 'high';
  due_on: string;
  status: 'open' | 'rectified' | 'closed' | 'escalated';
  created_by: number | null;
  created_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
  /** The school that escalated it to the bureau (migration 0010). */
  escalated_from_unit_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The monthly inspection that recorded it (migration 0010). */
  inspection_id: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** A monthly bulletin (工作通报) revision: a draft, or issued with its exact file (migration 0011). */
export interface BulletinTable {
  id: Id;
  organization_id: number;
  plan_id: number;
  month: string;
  revision: number;
  state: 'draft' | 'issued';
  as_of: string;
  content: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
  issued_by: number | null;
  issued_by_label: string | null;
  issued_at: Timestamp | null;
  file_sha256: string | null;
  file_name: string | null;
  file_size: number | null;
}

/** Append-only trail of every write (留痕). */
export interface AuditLogTable {
  id: Id;
  organization_id: number | null;
  actor_user_id: number | null;
  /** Who acted, in words, for CLI and job actors without a user row. */
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  created_at: Timestamp;
  /** The client address (HTTP requests); null for the command line and jobs. */
  address: ColumnType<string | null, string | null | undefined, string | null>;
  /** How it ended: success, failure (e.g. a wrong password) or denied (refused by permission). */
  result: ColumnType<'success' | 'failure' | 'denied', 'success' | 'failure' | 'denied' | undefined>;
  /** Place in the organization's hash chain (domain/audit/); null only for rows written around it. */
  seq: ColumnType<number | null, number | null | undefined, number | null>;
  prev_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 of the previous entry's hash and this entry's canonical serialisation. */
  hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The head and anchor of one organization's audit hash chain (chain 0: entries of no organization). */
export interface AuditChainTable {
  chain_id: number;
  seq: number;
  hash: string;
  /** The id of the last chained entry. */
  last_id: number;
  /** Where the kept chain starts: the last purged entry's seq and hash (0 and zeros before any purge). */
  anchor_seq: number;
  anchor_hash: string;
  anchor_at: string | null;
  updated_at: string;
}

/** A login session; the id is the SHA-256 of the token in the cookie. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  /** 'full', or the login step still missing: 'totp', 'enrol', 'password' (migration 0016). */
  stage: ColumnType<string, string | undefined, string>;
}

/** A bearer token for scripts; only its SHA-256 is stored. */
export interface ApiTokenTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** Failed logins counted per key ('account:…' or 'address:…') in a window, with a lockout. */
export interface LoginAttemptTable {
  key: string;
  window_start: Timestamp;
  count: number;
  locked_until: Timestamp | null;
}

/** One failed login (migration 0016): delays and locks are counted from these rows. */
export interface LoginFailureTable {
  id: Id;
  account: string;
  address: string;
  organization_id: number | null;
  at: Timestamp;
}

/** A one-time two-factor recovery code, stored as its SHA-256. */
export interface RecoveryCodeTable {
  id: Id;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

export type Plan = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type PlanUpdate = Updateable<PlanTable>;
export type Unit = Selectable<UnitTable>;
export type Task = Selectable<TaskTable>;
export type Indicator = Selectable<IndicatorTable>;
export type Report = Selectable<ReportTable>;

/** A day that differs from Monday–Friday: a holiday, or a worked weekend day (调休). */
export interface CalendarDayTable {
  id: Id;
  /** Null: the national default every organization shares; else that organization's own day (migration 0018). */
  organization_id: number | null;
  /** YYYY-MM-DD. */
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: Timestamp | null;
}

/** An in-app message to one user (migration 0008); unread while read_at is null. */
export interface NotificationTable {
  id: Id;
  organization_id: number;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** One step in a supervision notice's life (督办单留痕): issued, replied, returned or accepted. */
export interface SupervisionNoticeEventTable {
  id: Id;
  notice_id: number;
  kind: 'issue' | 'reply' | 'return' | 'accept';
  /** The reply, the return comment, or the problem at issue; '' when the step has no words. */
  text: string;
  user_id: number | null;
  actor_label: string;
  created_at: Timestamp;
}

/** A private iCal feed token of a user; only its SHA-256 is stored. */
export interface IcalTokenTable {
  id: Id;
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** A background job: one run of a handler, kept until done or failed (never deleted by the runner). */
export interface JobTable {
  /** Deterministic, e.g. "reminders.daily:3:2024-06-07"; the same slot scheduled twice is one row. */
  id: string;
  kind: string;
  organization_id: number | null;
  /** JSON text. */
  payload: string;
  /** When it is due (UTC ISO). */
  run_at: Timestamp;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Tries started so far. */
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  last_error: string | null;
  /** The runner (host:pid:random) that holds it while running. */
  locked_by: string | null;
  lease_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** One step in a finding's life: recorded, rectified, closed, returned, escalated, assigned (migration 0010). */
export interface FindingEventTable {
  id: Id;
  finding_id: number;
  kind: 'record' | 'rectify' | 'verify_close' | 'return' | 'escalate' | 'assign';
  note: string;
  unit_id: number | null;
  due_on: string | null;
  by_user_id: number | null;
  by_label: string;
  at: Timestamp;
}

/** A unit's monthly inspection (月度检查) filing, with or without findings (migration 0010). */
export interface InspectionTable {
  id: Id;
  organization_id: number;
  unit_id: number;
  period: string;
  item_id: number | null;
  /** item_id, or 0 when none: keeps the unit+period+item key unique on both databases. */
  item_key: number;
  note: string;
  finding_count: number;
  filed_by: number | null;
  filed_at: Timestamp;
}

/** A term or vacation of an organization's school year (migration 0006). */
export interface SchoolCalendarEntryTable {
  id: Id;
  organization_id: number;
  /** The plan year the entry belongs to (it starts in that year). */
  year: number;
  kind: 'term' | 'vacation';
  name: string;
  starts_on: string;
  ends_on: string;
}

/** A plan's or task's own reporting rule (migration 0006); null fields inherit. */
export interface ReportingOverrideTable {
  target_type: 'plan' | 'task';
  target_id: number;
  organization_id: number;
  cycle: 'month' | 'quarter' | 'term' | null;
  due_day: number | null;
  updated_at: Timestamp;
}

/**
 * A version (random, new at every write) of one shard of a scope: an organization id, or 0 for
 * the shared holiday calendar (migration 0014).
 */
export interface DataVersionTable {
  scope: number;
  shard: number;
  version: number;
}

/** A data collection form (一表通, migration 0019): the built-in seven-indicator form or a bureau's own. */
export interface CollectionFormTable {
  id: Id;
  organization_id: number;
  /** 'balance-7' for the built-in form, null for the bureau's own. */
  code: string | null;
  name: string;
  staged: number;
  /** JSON: FormField[]. */
  fields: string;
  created_by: number | null;
  created_at: Timestamp;
}

/** A collection round on a form (e.g. 2024年秋季学期), open while schools fill, then locked (migration 0019). */
export interface CollectionRoundTable {
  id: Id;
  organization_id: number;
  form_id: number;
  name: string;
  status: 'open' | 'locked';
  due_on: string;
  task_id: number | null;
  opened_by: number | null;
  opened_at: Timestamp;
  locked_by: number | null;
  locked_at: Timestamp | null;
  occurrence_id: number | null;
  version: ColumnType<number, number | undefined, number>;
}

/** A school's row of a round, one per stage on a staged form (migration 0019). */
export interface CollectionRowTable {
  id: Id;
  round_id: number;
  unit_id: number;
  /** 'primary' | 'junior', or '' on a form without stages. */
  stage: string;
  /** JSON: { [fieldKey]: number | null }. */
  data: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  return_reason: string | null;
  file_sha256: string | null;
  file_name: string | null;
  file_type: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  version: ColumnType<number, number | undefined, number>;
}
