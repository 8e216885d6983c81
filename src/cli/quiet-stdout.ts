// For CLIs whose stdout is data (replay, report, bench): libraries that print with console.log or
// console.info (Wechaty's logger does) go to stderr instead. Import it first.
const toStderr = (...args: unknown[]): void => { console.error(...args) }
console.log = toStderr
console.info = toStderr
console.debug = toStderr
