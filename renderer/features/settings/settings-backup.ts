/**
 * The backup document. For now it holds the settings; packs, cards and review
 * events join it as they arrive, under new keys of `contents` (readers must
 * ignore keys they do not know, and refuse a `formatVersion` newer than theirs).
 */
export const BACKUP_FORMAT = 'kata-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  contents: { settings: Record<string, unknown> };
}

/** `kata-backup-2025-11-25-0130`: sortable, and safe as a file name on every system. */
export function backupName(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `kata-backup-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

export function buildBackupText(settings: Record<string, unknown>, at: Date, appVersion: string): string {
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion,
    createdAt: at.toISOString(),
    contents: { settings },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
