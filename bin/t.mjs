const t0 = performance.now();
const { main } = await import('../dist/src/cli/main.js');
const t1 = performance.now();
process.on('exit', () => { process.stderr.write(`node boot ${t0.toFixed(0)} import main ${(t1 - t0).toFixed(0)} run ${(performance.now() - t1).toFixed(0)} total ${performance.now().toFixed(0)}\n`); });
main(process.argv).then((code) => { process.exitCode = code; });
