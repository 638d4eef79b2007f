// Build progress on stderr: an updating line on a terminal, a few plain lines otherwise (CI logs).
export function progressPrinter(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY === true;
  let lastPercent = -1;
  return (done, total) => {
    const percent = Math.floor((done / Math.max(total, 1)) * 100);
    if (tty) {
      process.stderr.write(`\r${label}：${done}/${total}（${percent}%）${done === total ? '\n' : ''}`);
    } else if (percent >= lastPercent + 25 || done === total) {
      process.stderr.write(`${label}：${done}/${total}（${percent}%）\n`);
      lastPercent = percent;
    }
  };
}
