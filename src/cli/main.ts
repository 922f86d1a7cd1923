import { registerAuditCommand } from './audit-command.ts';
import { registerBackupCommand } from './backup-command.ts';
import { registerBalanceCommand } from './balance-command.ts';
import { registerCalendarCommand } from './calendar-command.ts';
import { registerImportCommand } from './import-command.ts';
import { registerMigrateCommand } from './migrate-command.ts';
import { registerParseCommand } from './parse-command.ts';
import { registerPlanCommand } from './plan-command.ts';
import { type RegisterCommand, runCli } from './program.ts';
import { registerRestoreCommand } from './restore-command.ts';
import { registerSeedCommand } from './seed-command.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerUnitCommand } from './unit-command.ts';
import { registerUserCommand } from './user-command.ts';

// One line per command: each module adds its subcommand to the program it is given.
const COMMANDS: RegisterCommand[] = [
  registerParseCommand,
  registerServeCommand,
  registerUserCommand,
  registerMigrateCommand,
  registerImportCommand,
  registerPlanCommand,
  registerUnitCommand,
  registerBackupCommand,
  registerRestoreCommand,
  registerSeedCommand,
  registerCalendarCommand,
  registerAuditCommand,
  registerBalanceCommand,
];

// A reader closing the pipe early (`duban parse x | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(COMMANDS, process.argv);
