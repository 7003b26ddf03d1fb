// Document reads and writes that went through the typed converters in this process.
// Benchmarks reset and read these; nothing decides on them.
export const ioCounters = { reads: 0, writes: 0 };

export function resetIoCounters() {
  ioCounters.reads = 0;
  ioCounters.writes = 0;
}
