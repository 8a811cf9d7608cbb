/** "5 MB", "740 KB", "12 bytes", "3.2 GB": sizes as a person reads them (1 MB = 1024 KB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  // Below 1 GB in MB; a quota or a free disk is told in GB.
  if (mb < 1024) return `${oneDecimalBelowTen(mb)} MB`;
  return `${oneDecimalBelowTen(mb / 1024)} GB`;
}

function oneDecimalBelowTen(value: number): string {
  return value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
}
