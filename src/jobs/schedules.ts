/** A job to run once a day per organization, at a Beijing wall-clock time. */
export interface DailySchedule {
  kind: string;
  /** HH:MM, Asia/Shanghai. */
  at: string;
}

/** The daily jobs; the runner creates one slot per organization and day for each (deterministic ids). */
export const dailySchedules: DailySchedule[] = [{ kind: 'reminders.daily', at: '08:30' }];
