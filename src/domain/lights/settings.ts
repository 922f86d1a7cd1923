/** Thresholds of the light rules; stored as organization settings, defaults per DESIGN.md. */
export interface LightSettings {
  /** A report up to this many days late is yellow; later is red. */
  reportGraceDays: number;
  /** Open work due within this many days is yellow. */
  dueSoonDays: number;
  /** Progress under this share of what is expected is red (0.5: under half). */
  redBelowShare: number;
}

/** The thresholds DESIGN.md names: 7 days' grace, 7 days' warning, red under half. */
export const defaultLightSettings: LightSettings = Object.freeze({
  reportGraceDays: 7,
  dueSoonDays: 7,
  redBelowShare: 0.5,
});
